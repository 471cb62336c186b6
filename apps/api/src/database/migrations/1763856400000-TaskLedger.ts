import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the task ledger needs: filtering and sorting by the stored warning light, the lead-unit
 * visibility check (does my unit lead this key point?), pending delay requests per task, unacknowledged
 * urges, and trigram indexes so the ledger's text search on key point titles and unit names stays
 * an index scan (pg_trgm is a trusted extension, so a database owner may create it).
 */
export class TaskLedger1763856400000 implements MigrationInterface {
  name = 'TaskLedger1763856400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX task_light_idx ON task (tenant_id, light, due_date, id)`);
    await q.query(`CREATE INDEX task_lead_idx ON task (tenant_id, unit_id, key_point_id) WHERE role = 'LEAD'`);
    await q.query(`CREATE INDEX task_key_point_idx ON task (tenant_id, key_point_id)`);
    await q.query(
      `CREATE UNIQUE INDEX delay_request_one_pending_uq ON delay_request (tenant_id, task_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX urge_unacknowledged_idx ON urge (tenant_id, created_at) WHERE acknowledged_at IS NULL`);
    await q.query(`CREATE INDEX key_point_title_trgm_idx ON key_point USING gin (title gin_trgm_ops)`);
    await q.query(`CREATE INDEX unit_name_trgm_idx ON unit USING gin (name gin_trgm_ops)`);
    // A task's history gathers audit rows of the task and its reports, delays and urges by entity id.
    await q.query(`CREATE INDEX audit_log_entity_id_idx ON audit_log (tenant_id, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'audit_log_entity_id_idx',
      'unit_name_trgm_idx',
      'key_point_title_trgm_idx',
      'urge_unacknowledged_idx',
      'delay_request_one_pending_uq',
      'task_key_point_idx',
      'task_lead_idx',
      'task_light_idx',
    ]) {
      await q.query(`DROP INDEX ${index}`);
    }
    // The extension stays: other objects may have come to depend on it since.
  }
}
