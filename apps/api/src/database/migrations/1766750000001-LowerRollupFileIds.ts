import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 上下联动: the upper's read model keeps, next to the names of a shared report's files, their ids in the
 * lower tenant, so the upper office can ask for a file (each download is checked afresh against the
 * lower tenant's live rows). Every lower tenant is taken in again on the next read to fill them.
 */
export class LowerRollupFileIds1766750000001 implements MigrationInterface {
  name = 'LowerRollupFileIds1766750000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lower_rollup_task ADD COLUMN report_file_ids uuid[]`);
    await q.query(`UPDATE lower_rollup_source SET revision = -1`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE lower_rollup_task DROP COLUMN report_file_ids`);
  }
}
