import { Column, Entity, PrimaryColumn, VersionColumn } from 'typeorm';

export const UNIT_KINDS = ['DEPARTMENT', 'CITY_GOV', 'COUNTY_GOV', 'AGENCY', 'TOWN', 'OFFICE', 'OTHER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** How the pages name each kind (messages name kinds the same way). */
export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  DEPARTMENT: '部门',
  CITY_GOV: '市政府',
  COUNTY_GOV: '县区政府',
  AGENCY: '派驻机构',
  TOWN: '乡镇街道',
  OFFICE: '办公厅',
  OTHER: '其他',
};

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
