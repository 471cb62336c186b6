// Each benchmarked read twice: as the web asks for it through GraphQL, and as hand-written SQL
// returning the same data (the floor the API is compared against).

export interface BenchIds {
  tenantId: string;
  planId: string;
  year: number;
  unitId: string;
  today: string;
}

// The GraphQL side lives with the API's tests, which count the statements each of these sends.
export { GQL } from '../../../apps/api/test/bench-reads.js';

/** The ledger page as hand-written SQL: one plan's tasks matching `where`, 50 by due date, with their names. */
const ledgerSql = (where: string) => ({
  text: `SELECT t.id, t.status, t.progress, t.light, t.due_date, u.name AS unit_name, kp.title AS key_point_title, p.title AS plan_title, count(*) OVER () AS total
           FROM task t
           JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
           JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
           JOIN plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
          WHERE t.tenant_id = $1 AND t.plan_id = $2 AND ${where}
          ORDER BY t.due_date, t.id LIMIT 50`,
  params: (ids: BenchIds) => [ids.tenantId, ids.planId],
});

export const SQL = {
  ledger: ledgerSql(`t.light = ANY('{RED,YELLOW}')`),
  ledgerFiltered: ledgerSql(
    `t.status = ANY('{NOT_STARTED,IN_PROGRESS,RETURNED}') AND t.due_date BETWEEN '2026-10-01' AND '2026-12-31'`,
  ),
  myTasks: {
    text: `SELECT t.id, t.status, t.progress, t.light, t.due_date, kp.title, count(*) OVER () AS total
             FROM task t JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
            WHERE t.tenant_id = $1 AND t.unit_id = $2
            ORDER BY CASE t.light WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 ELSE 2 END, t.due_date, t.id LIMIT 50`,
    params: (ids: BenchIds) => [ids.tenantId, ids.unitId],
  },
  progress: [
    {
      text: `SELECT id, label, title FROM plan_section WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort`,
      params: (ids: BenchIds) => [ids.tenantId, ids.planId],
    },
    {
      text: `SELECT id, section_id, label, title, due_date FROM key_point WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq`,
      params: (ids: BenchIds) => [ids.tenantId, ids.planId],
    },
    // Counts per key point and per unit (the tree the leadership home shows), with the units' names.
    {
      text: `SELECT c.*, u.name FROM (
               SELECT t.key_point_id, t.unit_id, t.status, t.light, count(*) AS n, sum(t.progress) AS progress_sum
                 FROM task t WHERE t.tenant_id = $1 AND t.plan_id = $2
                GROUP BY GROUPING SETS ((t.key_point_id, t.status, t.light), (t.unit_id, t.light))) c
               LEFT JOIN unit u ON u.tenant_id = $1 AND u.id = c.unit_id`,
      params: (ids: BenchIds) => [ids.tenantId, ids.planId],
    },
  ],
  // The scorecard's counts per unit for one plan year, with the monthly report periods owed (deadline the
  // 25th, not moved to a working day: a floor, not a twin; periods numbered with width_bucket as the API
  // does), scored by the default rates, in one statement.
  scorecard: {
    text: `WITH yt AS (
             SELECT t.* FROM task t JOIN plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id WHERE t.tenant_id = $1 AND p.year = $2),
           approved AS (SELECT DISTINCT d.task_id FROM delay_request d JOIN yt ON yt.id = d.task_id WHERE d.tenant_id = $1 AND d.status = 'APPROVED'),
           period AS (
             SELECT array_agg(m::date ORDER BY m) AS starts, array_agg((m + interval '24 days')::date ORDER BY m) AS deadlines
               FROM generate_series(make_date($2 - 1, 1, 1), $3::date, interval '1 month') AS m),
           rr AS MATERIALIZED (
             SELECT r.task_id, r.unit_id, r.status, (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS day
               FROM progress_report r JOIN yt ON yt.id = r.task_id WHERE r.tenant_id = $1 AND r.status IN ('PENDING_OFFICE','ACCEPTED','RETURNED')),
           reported AS (
             SELECT DISTINCT rr.task_id, width_bucket(rr.day, p.starts) AS idx FROM rr, period p WHERE rr.day <= p.deadlines[width_bucket(rr.day, p.starts)]),
           bounds AS (
             SELECT yt.id, yt.unit_id, width_bucket(yt.assigned_on, p.deadlines) AS lo,
                    least(width_bucket($3::date - 1, p.deadlines),
                          width_bucket(CASE WHEN yt.status IN ('DONE','CLOSED') THEN (yt.completed_at AT TIME ZONE 'Asia/Shanghai')::date ELSE $3::date END, p.starts)) AS hi
               FROM yt, period p),
           owed_task AS (
             SELECT b.unit_id, greatest(b.hi - b.lo, 0) AS owed, count(x.idx) AS on_time
               FROM bounds b LEFT JOIN reported x ON x.task_id = b.id AND x.idx > b.lo AND x.idx <= b.hi GROUP BY b.id, b.unit_id, b.lo, b.hi),
           owed AS (SELECT unit_id, sum(owed) AS periods_owed, sum(on_time) AS periods_on_time FROM owed_task GROUP BY unit_id),
           tasks AS (
             SELECT yt.unit_id,
                    count(*) FILTER (WHERE yt.role = 'LEAD') AS lead_tasks, count(*) FILTER (WHERE yt.role = 'RESPONSIBLE') AS responsible_tasks,
                    count(*) FILTER (WHERE yt.status IN ('DONE','CLOSED')) AS completed,
                    count(*) FILTER (WHERE yt.status IN ('DONE','CLOSED') AND (yt.completed_at AT TIME ZONE 'Asia/Shanghai')::date
                                     <= CASE WHEN a.task_id IS NOT NULL OR yt.due_date_amended THEN yt.due_date ELSE yt.original_due_date END) AS on_time,
                    count(*) FILTER (WHERE yt.status NOT IN ('DONE','CLOSED') AND yt.due_date < $3::date) AS overdue_now,
                    sum(yt.urge_count) AS urges
               FROM yt LEFT JOIN approved a ON a.task_id = yt.id GROUP BY yt.unit_id),
           reports AS (
             SELECT rr.unit_id, count(*) AS total, count(*) FILTER (WHERE rr.status = 'RETURNED') AS returned FROM rr GROUP BY rr.unit_id),
           delays AS (
             SELECT yt.unit_id, count(*) FILTER (WHERE d.status = 'APPROVED') AS approved, count(*) FILTER (WHERE d.status = 'REFUSED') AS refused
               FROM delay_request d JOIN yt ON yt.id = d.task_id WHERE d.tenant_id = $1 GROUP BY yt.unit_id),
           scored AS (
             SELECT u.id, u.name, tk.*, coalesce(r.total, 0) AS reports, coalesce(r.returned, 0) AS returned, coalesce(d.approved, 0) AS delays_approved,
                    coalesce(d.refused, 0) AS delays_refused, coalesce(o.periods_owed, 0) AS periods_owed, coalesce(o.periods_on_time, 0) AS periods_on_time,
                    (50 * tk.on_time::numeric / nullif(tk.completed + tk.overdue_now, 0) + 30 * tk.completed::numeric / nullif(tk.completed + tk.overdue_now, 0)
                      + 20 * o.periods_on_time::numeric / nullif(o.periods_owed, 0)) AS score
               FROM tasks tk JOIN unit u ON u.tenant_id = $1 AND u.id = tk.unit_id
               LEFT JOIN reports r ON r.unit_id = tk.unit_id LEFT JOIN delays d ON d.unit_id = tk.unit_id LEFT JOIN owed o ON o.unit_id = tk.unit_id)
           SELECT *, rank() OVER (ORDER BY score DESC NULLS LAST) AS rank FROM scored ORDER BY rank, name`,
    params: (ids: BenchIds) => [ids.tenantId, ids.year, ids.today],
  },
};
