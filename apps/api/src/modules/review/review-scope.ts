/**
 * Which tasks a 回头看 checks: the key points themselves say "every task with a clear unit and a time
 * limit". Every NORMAL task has a unit. A task has a time limit when its key point states at least
 * one dated deadline (`6月底前`, `年底前` …) or its due date was set to something other than the
 * tenant's default for items without a time limit (publishing fills that default in, so a due date
 * equal to it is indistinguishable from "no time limit stated" unless a dated deadline says so).
 * Tasks due only by that default are 无明确时限: left out of the items, counted in the summary.
 * Earlier 整改 tasks are not re-reviewed here (they are followed up as tasks of their own).
 *
 * Parameters: $1 tenant, $2 plan, $3 the tenant's default due date for the plan year, $4 review id.
 * Inserts the items and stores both counts on the review in one statement.
 */
export const OPEN_REVIEW_ITEMS_SQL = `
  WITH candidate AS (
    SELECT t.tenant_id, t.id,
           (t.original_due_date <> $3::date OR EXISTS (
              SELECT 1 FROM key_point_deadline d
               WHERE d.tenant_id = t.tenant_id AND d.key_point_id = t.key_point_id AND d.date IS NOT NULL)) AS timed
      FROM task t
     WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.kind = 'NORMAL'
  ), inserted AS (
    INSERT INTO review_item (tenant_id, review_id, task_id)
    SELECT tenant_id, $4, id FROM candidate WHERE timed
    RETURNING 1
  )
  UPDATE review
     SET item_count = (SELECT count(*) FROM inserted),
         untimed_task_count = (SELECT count(*) FROM candidate WHERE NOT timed)
   WHERE tenant_id = $1 AND id = $4
  RETURNING *`;
