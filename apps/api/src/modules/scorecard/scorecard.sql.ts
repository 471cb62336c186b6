import { DUE_DATE_SANCTIONED_SQL, overdueCondition } from '../task/index.js';
import { VERDICTS } from './scorecard-metrics.js';
import { SqlParams } from '../../common/sql.js';

export interface ScorecardScope {
  tenantId: string;
  /** Exactly one of planId / year: one plan, or every published plan of a year. */
  planId: string | null;
  year: number | null;
  /** Today in Asia/Shanghai, for "overdue now". */
  today: string;
  /** Whether the 回头看 table exists yet (it arrives with the review module's migration). */
  withReview: boolean;
  /** The tenant's report periods from the start of the previous plan year to today (none: no report cycle). */
  periods: { start: string; deadline: string }[];
}

/**
 * The CTE chain every scorecard query starts from, ending in `facts`: one row per task in scope with
 * its period ('cur' = the plan or year asked for, 'prev' = the year before, for the comparison) and a
 * 0/1 or count column per metric. Definitions (documented for the office in the README):
 * - task counts (lead/responsible/due/completed/on time/late/overdue) are over ordinary tasks; 整改 tasks
 *   count as rectifications (and rectifications_open while unfinished);
 * - a task is due (judged) once it is finished or overdue; each due task is exactly one of on time,
 *   late, or overdue now, so each lateness is counted once;
 * - lateness is judged against the original due date unless a delay was APPROVED or the office moved
 *   the date (调整), then the due date; the completion day is the Shanghai date of completed_at (falling
 *   back to acceptance or last change for rows from before completion was tracked, as the lights do);
 * - reporting is judged per report period, not per report: an ordinary task owes one report for every
 *   period whose deadline has passed, came after the task was assigned, and began while the task was
 *   open (until it was finished or its completion claimed); the period counts as on time when a report
 *   reached the office (pending, accepted or returned) between the period's start and its deadline. A
 *   report on an overdue task is a report delivered, not another lateness;
 * - urges count URGE and SUPERVISE notices: a REMIND before the due date is not a failing;
 * - reports, delays, urges and verdicts of 整改 tasks count like those of ordinary tasks.
 */
export function scorecardFacts(scope: ScorecardScope, params: SqlParams): string {
  const tenant = params.add(scope.tenantId);
  const planId = params.add(scope.planId);
  const year = params.add(scope.year);
  const overdue = overdueCondition(scope.today, params, 't');
  const today = params.add(scope.today);
  const periods = reportPeriodSql(scope, params, today);
  const verdicts = scope.withReview
    ? `verdict AS (
        SELECT v.task_id, ${VERDICTS.map((d) => `count(*) FILTER (WHERE v.verdict IN (${d.values.map((x) => `'${x}'`).join(', ')}))::int AS ${d.column}`).join(', ')}
          FROM review_item v JOIN scoped_task st ON st.id = v.task_id WHERE v.tenant_id = ${tenant} GROUP BY v.task_id
      ),`
    : `verdict AS (
        SELECT NULL::uuid AS task_id, ${VERDICTS.map((d) => `0 AS ${d.column}`).join(', ')} WHERE false
      ),`;
  return `
    period_year AS (
      SELECT coalesce((SELECT p.year FROM plan p WHERE p.tenant_id = ${tenant} AND p.id = ${planId}::uuid), ${year}::int) AS y
    ),
    scoped_plan AS (
      SELECT p.id, CASE WHEN p.year = py.y THEN 'cur' ELSE 'prev' END AS period
        FROM plan p CROSS JOIN period_year py
       WHERE p.tenant_id = ${tenant}
         AND (p.id = ${planId}::uuid
              OR (p.status <> 'DRAFT' AND (p.year = py.y - 1 OR (${planId}::uuid IS NULL AND p.year = py.y))))
    ),
    scoped_task_base AS (
      SELECT t.id, t.unit_id, t.role, t.kind, t.assigned_on, sp.period,
             t.status IN ('DONE','CLOSED') AS is_completed,
             (coalesce(t.completed_at, t.accepted_at, t.updated_at) AT TIME ZONE 'Asia/Shanghai')::date AS completed_on,
             CASE WHEN t.status IN ('DONE','CLOSED') THEN (coalesce(t.completed_at, t.accepted_at, t.updated_at) AT TIME ZONE 'Asia/Shanghai')::date
                  WHEN t.status = 'SUBMITTED' AND t.last_report_at IS NOT NULL THEN (t.last_report_at AT TIME ZONE 'Asia/Shanghai')::date
                  ELSE ${today}::date END AS open_until,
             CASE WHEN ${DUE_DATE_SANCTIONED_SQL} THEN t.due_date ELSE t.original_due_date END AS judged_due,
             ${overdue} AS is_overdue
        FROM task t JOIN scoped_plan sp ON sp.id = t.plan_id
       WHERE t.tenant_id = ${tenant}
    ),
    scoped_task AS (
      SELECT b.*, ${periods.owedFrom('b')} AS period_lo, ${periods.owedTo('b')} AS period_hi FROM scoped_task_base b
    ),
    -- Each report's Shanghai day and period bucket computed once: without the OFFSET 0 fences PostgreSQL
    -- inlines both into every place they are used (four time zone conversions and four bucket searches a
    -- report; 112,000 reports in the bench province, about a fifth of the statement's CPU).
    report_row AS MATERIALIZED (
      SELECT d.task_id, d.status, d.kind, d.period_lo, d.period_hi, ${periods.answered('d.day', 'd.i')} AS idx
        FROM (SELECT j.*, ${periods.bucket('j.day')} AS i
                FROM (SELECT r.task_id, r.status, st.kind, st.period_lo, st.period_hi,
                             (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS day
                        FROM progress_report r JOIN scoped_task st ON st.id = r.task_id
                       WHERE r.tenant_id = ${tenant} AND r.status IN ('PENDING_OFFICE','ACCEPTED','RETURNED')
                      OFFSET 0) j
              OFFSET 0) d
    ),
    report AS (
      SELECT task_id, count(*)::int AS reports_total,
             count(*) FILTER (WHERE status IN ('ACCEPTED','RETURNED'))::int AS reports_reviewed,
             count(*) FILTER (WHERE status = 'ACCEPTED')::int AS reports_accepted,
             count(*) FILTER (WHERE status = 'RETURNED')::int AS reports_returned
        FROM report_row GROUP BY task_id
    ),
    answered AS (
      -- Distinct periods by grouping, not count(DISTINCT): that sorts every task's reports apart.
      SELECT task_id, count(*)::int AS periods_on_time
        FROM (SELECT task_id, idx FROM report_row WHERE kind = 'NORMAL' AND idx > period_lo AND idx <= period_hi GROUP BY task_id, idx) x
       GROUP BY task_id
    ),
    delay AS (
      SELECT d.task_id, count(*) FILTER (WHERE d.status = 'APPROVED')::int AS delays_approved,
             count(*) FILTER (WHERE d.status = 'REFUSED')::int AS delays_refused
        FROM delay_request d JOIN scoped_task st ON st.id = d.task_id
       WHERE d.tenant_id = ${tenant} GROUP BY d.task_id
    ),
    urged AS (
      SELECT u.task_id, count(*)::int AS urges_received
        FROM urge u JOIN scoped_task st ON st.id = u.task_id
       WHERE u.tenant_id = ${tenant} AND u.level IN ('URGE','SUPERVISE') GROUP BY u.task_id
    ),
    ${verdicts}
    facts AS (
      SELECT st.id AS task_id, st.unit_id, st.role, st.period,
             (st.kind = 'NORMAL' AND st.role = 'LEAD')::int AS lead_tasks,
             (st.kind = 'NORMAL' AND st.role = 'RESPONSIBLE')::int AS responsible_tasks,
             (st.kind = 'NORMAL' AND (st.is_completed OR st.is_overdue))::int AS due_tasks,
             (st.kind = 'NORMAL' AND st.is_completed)::int AS completed,
             (st.kind = 'NORMAL' AND st.is_completed AND st.completed_on <= st.judged_due)::int AS completed_on_time,
             (st.kind = 'NORMAL' AND st.is_completed AND st.completed_on > st.judged_due)::int AS completed_late,
             (st.kind = 'NORMAL' AND st.is_overdue)::int AS overdue_now,
             (st.kind = 'NORMAL' AND st.is_completed)::int AS not_overdue,
             CASE WHEN st.kind = 'NORMAL' THEN greatest(st.period_hi - st.period_lo, 0) ELSE 0 END AS periods_owed,
             coalesce(an.periods_on_time, 0) AS periods_on_time,
             CASE WHEN st.kind = 'NORMAL' THEN greatest(st.period_hi - st.period_lo, 0) ELSE 0 END - coalesce(an.periods_on_time, 0) AS periods_missed,
             coalesce(r.reports_total, 0) AS reports_total,
             coalesce(r.reports_reviewed, 0) AS reports_reviewed,
             coalesce(r.reports_accepted, 0) AS reports_accepted,
             coalesce(r.reports_returned, 0) AS reports_returned,
             coalesce(d.delays_approved, 0) AS delays_approved,
             coalesce(d.delays_refused, 0) AS delays_refused,
             coalesce(u.urges_received, 0) AS urges_received,
             ${VERDICTS.map((v) => `coalesce(v.${v.column}, 0) AS ${v.column}`).join(', ')},
             (st.kind = 'RECTIFICATION')::int AS rectifications,
             (st.kind = 'RECTIFICATION' AND st.is_completed)::int AS rectifications_done,
             (st.kind = 'RECTIFICATION' AND NOT st.is_completed)::int AS rectifications_open
        FROM scoped_task st
        LEFT JOIN report r ON r.task_id = st.id
        LEFT JOIN answered an ON an.task_id = st.id
        LEFT JOIN delay d ON d.task_id = st.id
        LEFT JOIN urged u ON u.task_id = st.id
        LEFT JOIN verdict v ON v.task_id = st.id
    )`;
}

/**
 * Report periods as SQL, without joining tasks to periods: the periods are numbered in order (their
 * starts and deadlines both ascend), and width_bucket counts the sorted bounds at or before a day. A task
 * owes the periods numbered lo+1 … hi: lo counts the deadlines on or before its assignment, hi the
 * periods begun while it was open whose deadline is before today. A report made on day d answers one
 * period: the one before the last begun by d while that one's deadline, carried past its end (a
 * month-end deadline on a weekend), is still open; else the last begun by d if d is by its deadline.
 * Without a report cycle nothing is owed.
 */
function reportPeriodSql(scope: ScorecardScope, params: SqlParams, today: string) {
  if (scope.periods.length === 0)
    return { owedFrom: () => '0', owedTo: () => '0', bucket: () => '0', answered: () => 'NULL::int' };
  const starts = `${params.add(scope.periods.map((p) => p.start))}::date[]`;
  const deadlines = `${params.add(scope.periods.map((p) => p.deadline))}::date[]`;
  return {
    owedFrom: (t: string) => `width_bucket(${t}.assigned_on, ${deadlines})`,
    owedTo: (t: string) =>
      `least(width_bucket(${today}::date - 1, ${deadlines}), width_bucket(${t}.open_until, ${starts}))`,
    /** The last period begun by the day (0: before the first). */
    bucket: (day: string) => `width_bucket(${day}, ${starts})`,
    /** The owed period a report on `day` answers, given its bucket `i` (NULL: none owed by this task). */
    answered: (day: string, i: string) => `CASE WHEN ${i} > 1 AND ${day} <= (${deadlines})[${i} - 1] THEN ${i} - 1
      WHEN ${i} > 0 AND ${day} <= (${deadlines})[${i}] THEN ${i} END`,
  };
}
