import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from '../tenant-row-security.js';

/**
 * 上下联动, step 3: the UPPER tenant's read model of how its lower tenants carry out its key points.
 * Every row belongs to the upper tenant. A refresh reads a lower tenant in the lower's own scope and
 * writes here in the upper's scope; the upper office's pages read nothing else of a lower tenant.
 * - lower_rollup_source: one row per lower tenant (its name), stamped with the lower's scorecard revision and the
 *   day it was computed on, so any API process can tell when it is stale (no process memory).
 * - lower_rollup_point: a lower key point linked to one of the upper's key points (label and title).
 * - lower_rollup_task: that key point's ordinary tasks (unit name, status, light, due date, last report
 *   date, overdue today). Report text and files are never copied.
 * Link edits in the lower tenant bump its scorecard revision too (key point edits already do, since the
 * PublicPage migration), so coverage follows them.
 */
export class LowerRollup1765420000000 implements MigrationInterface {
  name = 'LowerRollup1765420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lower_rollup_source (
        tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        lower_tenant_id uuid NOT NULL REFERENCES tenant(id) ON DELETE CASCADE,
        lower_name text NOT NULL,
        revision bigint NOT NULL,
        computed_on date NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, lower_tenant_id)
      )`);
    await enableTenantRowSecurity(q, 'lower_rollup_source');
    await q.query(`
      CREATE TABLE lower_rollup_point (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        lower_tenant_id uuid NOT NULL,
        upper_key_point_id uuid NOT NULL,
        label text NOT NULL DEFAULT '',
        title text NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, lower_tenant_id) REFERENCES lower_rollup_source(tenant_id, lower_tenant_id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, upper_key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX lower_rollup_point_upper_idx ON lower_rollup_point (tenant_id, upper_key_point_id)`);
    await q.query(`CREATE INDEX lower_rollup_point_lower_idx ON lower_rollup_point (tenant_id, lower_tenant_id)`);
    await enableTenantRowSecurity(q, 'lower_rollup_point');
    await q.query(`
      CREATE TABLE lower_rollup_task (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        point_id uuid NOT NULL,
        unit_name text NOT NULL,
        status text NOT NULL,
        light text NOT NULL,
        due_date date NOT NULL,
        last_report_at timestamptz,
        overdue boolean NOT NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, point_id) REFERENCES lower_rollup_point(tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX lower_rollup_task_point_idx ON lower_rollup_task (tenant_id, point_id)`);
    await enableTenantRowSecurity(q, 'lower_rollup_task');
    await q.query(`
      CREATE CONSTRAINT TRIGGER scorecard_revision_bump AFTER INSERT OR UPDATE OR DELETE ON key_point_upper_link
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION scorecard_bump_revision()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER scorecard_revision_bump ON key_point_upper_link`);
    await q.query(`DROP TABLE lower_rollup_task`);
    await q.query(`DROP TABLE lower_rollup_point`);
    await q.query(`DROP TABLE lower_rollup_source`);
  }
}
