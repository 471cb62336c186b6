import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

@Entity('tenant')
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  /** An invented tenant loaded for trying Duban out: the web app marks it 演示. */
  @Column('boolean', { default: false })
  demo!: boolean;

  @Column('jsonb', { default: {} })
  settings!: Record<string, unknown>;

  /** The version of the tenant's own settings form. */
  @VersionColumn()
  version!: number;

  /** Score rules (settings.scoreRules) are saved from their own form, so they carry their own version. */
  @Column('integer', { name: 'score_rules_version', default: 1 })
  scoreRulesVersion!: number;

  @Column('timestamptz', { name: 'created_at', default: () => 'now()' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt!: Date;
}
