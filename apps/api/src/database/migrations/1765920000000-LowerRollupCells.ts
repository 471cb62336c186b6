import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 下级落实 at province scale: lower_rollup_cell keeps the counts of one (upper key point, lower tenant)
 * cell, computed when the refresh takes that lower tenant in, so a coverage read scans one small row per
 * cell instead of aggregating every lower task. overdue_units holds only the first names (by code point)
 * and overdue_unit_count all of them: a province with thousands of overdue units stays a small answer.
 * Every held source is marked stale so the next read fills its cells under the unchanged freshness rule.
 */
export class LowerRollupCells1765920000000 implements MigrationInterface {
  name = 'LowerRollupCells1765920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lower_rollup_cell (
        tenant_id uuid NOT NULL,
        upper_key_point_id uuid NOT NULL,
        lower_tenant_id uuid NOT NULL,
        key_points int NOT NULL,
        tasks int NOT NULL,
        green int NOT NULL,
        yellow int NOT NULL,
        red int NOT NULL,
        done int NOT NULL,
        overdue int NOT NULL,
        overdue_unit_count int NOT NULL,
        overdue_units text[] NOT NULL,
        last_report_on date,
        PRIMARY KEY (tenant_id, upper_key_point_id, lower_tenant_id),
        FOREIGN KEY (tenant_id, lower_tenant_id) REFERENCES lower_rollup_source(tenant_id, lower_tenant_id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, upper_key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX lower_rollup_cell_lower_idx ON lower_rollup_cell (tenant_id, lower_tenant_id)`);
    await enableTenantRowSecurity(q, 'lower_rollup_cell');
    await q.query(`UPDATE lower_rollup_source SET revision = -1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE lower_rollup_cell`);
  }
}
