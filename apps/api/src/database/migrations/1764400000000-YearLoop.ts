import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervision loop closes (issue 23):
 * - task.due_date_amended: the office moved the due date by 调整 of its key point. Like an approved
 *   delay, the moved date is then the one lateness is judged against (the unit did not ask for it).
 * - task.close_note: the 销号 note the office writes when it closes a task.
 * - review_item.excluded_*: a task the office takes out of a 回头看, with the reason. Every task of the
 *   plan is an item now; an excluded one needs no verdict and has none.
 * - Score rules moved from per-event deductions to weights of rates: the old stored rules cannot be read
 *   as weights, so they are kept aside under scoreRulesBeforeRates (down puts them back).
 */
export class YearLoop1764400000000 implements MigrationInterface {
  name = 'YearLoop1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE task ADD COLUMN due_date_amended boolean NOT NULL DEFAULT false, ADD COLUMN close_note text`,
    );
    await q.query(`
      ALTER TABLE review_item
        ADD COLUMN excluded_reason text,
        ADD COLUMN excluded_by uuid,
        ADD COLUMN excluded_at timestamptz,
        ADD FOREIGN KEY (tenant_id, excluded_by) REFERENCES app_user(tenant_id, id),
        ADD CONSTRAINT review_item_excluded_check CHECK (
          (excluded_at IS NULL) = (excluded_reason IS NULL) AND (excluded_at IS NULL OR verdict IS NULL))`);
    await q.query(`
      UPDATE tenant SET settings = (settings - 'scoreRules') || jsonb_build_object('scoreRulesBeforeRates', settings->'scoreRules')
       WHERE settings ? 'scoreRules'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE tenant SET settings = (settings - 'scoreRulesBeforeRates' - 'scoreRules') || jsonb_build_object('scoreRules', settings->'scoreRulesBeforeRates')
       WHERE settings ? 'scoreRulesBeforeRates'`);
    await q.query(`ALTER TABLE review_item DROP CONSTRAINT review_item_excluded_check`);
    await q.query(
      `ALTER TABLE review_item DROP COLUMN excluded_at, DROP COLUMN excluded_by, DROP COLUMN excluded_reason`,
    );
    await q.query(`ALTER TABLE task DROP COLUMN close_note, DROP COLUMN due_date_amended`);
  }
}
