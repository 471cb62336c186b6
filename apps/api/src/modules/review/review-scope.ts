/**
 * Which tasks a 回头看 checks: every ordinary task of the plan. A task due only by the tenant's
 * default (the key point stated no time limit, publishing filled in year end) is a task all the same:
 * it is reviewed, and counted apart (untimed_task_count) so the summary can say how many there were.
 * The office takes a task out with a reason (excludeReviewItem), not by a rule applied in advance.
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
    SELECT tenant_id, $4, id FROM candidate
    RETURNING 1
  )
  UPDATE review
     SET item_count = (SELECT count(*) FROM inserted),
         untimed_task_count = (SELECT count(*) FROM candidate WHERE NOT timed)
   WHERE tenant_id = $1 AND id = $4
  RETURNING *`;
