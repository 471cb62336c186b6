import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 上下联动, step 2: the lower tenant's read model of its upper tenant's published key points (its own
 * rows, copied from the upper by a refresh that reads the upper in the upper's scope), and the links
 * from the lower tenant's key points to them. Both tables belong to the LOWER tenant: the lower office
 * never reads the upper's own tables, only this copy of what the upper published.
 */
export class UpperPlanPoints1765410000000 implements MigrationInterface {
  name = 'UpperPlanPoints1765410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE upper_plan_point (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        upper_tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        source_key_point_id uuid NOT NULL,
        plan_year int NOT NULL,
        plan_title text NOT NULL,
        section_title text,
        seq int NOT NULL,
        label text NOT NULL DEFAULT '',
        title text NOT NULL,
        text text NOT NULL DEFAULT '',
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, source_key_point_id)
      )`);
    await enableTenantRowSecurity(q, 'upper_plan_point');
    await q.query(`
      CREATE TABLE key_point_upper_link (
        tenant_id uuid NOT NULL,
        key_point_id uuid NOT NULL,
        upper_point_id uuid NOT NULL,
        score real,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, key_point_id, upper_point_id),
        FOREIGN KEY (tenant_id, key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, upper_point_id) REFERENCES upper_plan_point(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX key_point_upper_link_upper_idx ON key_point_upper_link (tenant_id, upper_point_id)`);
    await enableTenantRowSecurity(q, 'key_point_upper_link');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE key_point_upper_link`);
    await q.query(`DROP TABLE upper_plan_point`);
  }
}
