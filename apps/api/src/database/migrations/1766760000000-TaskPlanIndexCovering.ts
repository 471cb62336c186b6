import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger's total (`count(*)` of a plan's tasks by light, or by status within a due range) read each
 * matching task's heap row for its light or status: a bitmap heap scan of the plan's ≈ 4,000 rows, the
 * largest part of a ledger read's PostgreSQL time. With both carried in the plan index, the count is an
 * index-only scan. Both columns are in other indexes already, so updates that were HOT stay HOT.
 */
export class TaskPlanIndexCovering1766760000000 implements MigrationInterface {
  name = 'TaskPlanIndexCovering1766760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_plan_idx`);
    await q.query(`CREATE INDEX task_plan_idx ON task (tenant_id, plan_id, due_date, id) INCLUDE (light, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX task_plan_idx`);
    await q.query(`CREATE INDEX task_plan_idx ON task (tenant_id, plan_id, due_date, id)`);
  }
}
