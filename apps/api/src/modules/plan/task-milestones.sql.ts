/**
 * Copies a key point's dated time limits to its tasks as milestones, for every task of plan $2 that
 * has none yet, or only for tasks in $3 (uuid[]) when given: used by publishing and by amendments.
 */
export const TASK_MILESTONES_FROM_DEADLINES_SQL = `
  INSERT INTO task_milestone (tenant_id, task_id, text, date, sort)
  SELECT t.tenant_id, t.id, d.text, d.date, row_number() OVER (PARTITION BY t.id ORDER BY d.date, d.sort)
  FROM task t
  JOIN key_point_deadline d ON d.tenant_id = t.tenant_id AND d.key_point_id = t.key_point_id
  WHERE t.tenant_id = $1 AND t.plan_id = $2 AND d.date IS NOT NULL AND t.kind = 'NORMAL'
    AND ($3::uuid[] IS NULL OR t.id = ANY($3::uuid[]))
    AND NOT EXISTS (SELECT 1 FROM task_milestone x WHERE x.tenant_id = t.tenant_id AND x.task_id = t.id)`;
