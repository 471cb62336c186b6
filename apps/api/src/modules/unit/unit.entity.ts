import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export const UNIT_KINDS = ['DEPARTMENT', 'CITY_GOV', 'COUNTY_GOV', 'AGENCY', 'TOWN', 'OFFICE', 'OTHER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

@Entity('unit')
export class UnitEntity {
  @PrimaryColumn('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @PrimaryColumn('uuid', { default: () => 'gen_random_uuid()' })
  id!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: UnitKind;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column('text', { array: true, default: '{}' })
  aliases!: string[];

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('int', { default: 0 })
  sort!: number;

  @VersionColumn()
  version!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
