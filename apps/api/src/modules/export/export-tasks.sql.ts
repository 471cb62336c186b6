import { shanghaiDate } from '@duban/domain';
import { notFound } from '../../common/app-error.js';
import { one, rows, type Queryable } from '../../common/sql.js';
import { overdueCondition } from '../task/index.js';
import { SqlParams } from '../../common/sql.js';

export interface ExportPlan {
  id: string;
  year: number;
  title: string;
}

/** One task as the documents print it (ordinary tasks only; 整改 tasks belong to the review summary). */
export interface ExportTask {
  id: string;
  unit_id: string;
  unit_name: string;
  role: string;
  status: string;
  progress: number;
  light: string;
  due_date: string;
  original_due_date: string;
  last_report_day: string | null;
  urge_count: number;
  key_point_id: string;
  key_point_seq: number;
  /** The key point's own numbering as written: (一), 3. … */
  key_point_label: string;
  key_point_title: string;
  section_key: string;
  section_name: string;
  overdue: boolean;
  /** A report of the unit waits for its leader or the office: its progress is claimed, not yet confirmed. */
  awaiting_review: boolean;
}

/** What a task's reports say, for the 台账: the latest report that reached the office and every return reason. */
export interface TaskReportDigest {
  latestText: string | null;
  latestDay: string | null;
  evidence: string[];
  returnReasons: string[];
}

export async function planInTenant(db: Queryable, tenantId: string, planId: string): Promise<ExportPlan> {
  const plan = await one<ExportPlan>(db, `SELECT id, year, title FROM plan WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    planId,
  ]);
  if (!plan) throw notFound('工作要点');
  return plan;
}

/**
 * Tasks of the given plans in document order (section, key point, lead first, unit name), with
 * "overdue now" computed by the task module's own rule. `extraWhere` narrows (filters, a unit's scope).
 */
export async function exportTasks(
  db: Queryable,
  tenantId: string,
  planIds: string[],
  now: Date,
  narrow?: (p: SqlParams) => string[],
): Promise<ExportTask[]> {
  const params = new SqlParams();
  const overdue = overdueCondition(shanghaiDate(now), params, 't');
  const where = [
    `t.tenant_id = ${params.add(tenantId)}`,
    `t.plan_id = ANY(${params.add(planIds)}::uuid[])`,
    `t.kind = 'NORMAL'`,
    ...(narrow?.(params) ?? []),
  ];
  return rows<ExportTask>(
    db,
    `SELECT t.id, t.unit_id, u.name AS unit_name, t.role, t.status, t.progress, t.light, t.due_date::text AS due_date,
            t.original_due_date::text AS original_due_date, (t.last_report_at AT TIME ZONE 'Asia/Shanghai')::date::text AS last_report_day,
            t.urge_count, kp.id AS key_point_id, kp.seq AS key_point_seq, kp.label AS key_point_label, kp.title AS key_point_title,
            coalesce(ps.id::text, '') AS section_key, coalesce(ps.label || '、' || ps.title, '其他') AS section_name, ${overdue} AS overdue,
            EXISTS (SELECT 1 FROM progress_report r WHERE r.tenant_id = t.tenant_id AND r.task_id = t.id
                       AND r.status IN ('PENDING_LEADER','PENDING_OFFICE')) AS awaiting_review
       FROM task t
       JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
       JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
       LEFT JOIN plan_section ps ON ps.tenant_id = kp.tenant_id AND ps.id = kp.section_id
      WHERE ${where.join(' AND ')}
      ORDER BY ps.sort NULLS LAST, kp.seq, t.role, u.name, t.id`,
    params.values,
  );
}

/**
 * Per task: the latest report that reached the office (text, day, its evidence URLs and file names) and
 * the reasons of every return, oldest first. One statement for all the tasks.
 */
export async function reportDigests(
  db: Queryable,
  tenantId: string,
  taskIds: string[],
): Promise<Map<string, TaskReportDigest>> {
  const found = await rows<{
    task_id: string;
    text: string | null;
    day: string | null;
    evidence: string[] | null;
    returns: string[] | null;
  }>(
    db,
    `WITH latest AS (
       SELECT DISTINCT ON (r.task_id) r.task_id, r.id, r.text, (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date::text AS day
         FROM progress_report r
        WHERE r.tenant_id = $1 AND r.task_id = ANY($2::uuid[]) AND r.status IN ('PENDING_OFFICE','ACCEPTED','RETURNED')
        ORDER BY r.task_id, r.submitted_at DESC, r.id DESC
     ), returns AS (
       SELECT r.task_id, array_agg((r.reviewed_at AT TIME ZONE 'Asia/Shanghai')::date::text || ' ' || r.review_comment ORDER BY r.reviewed_at) AS returns
         FROM progress_report r
        WHERE r.tenant_id = $1 AND r.task_id = ANY($2::uuid[]) AND r.status = 'RETURNED' AND r.review_comment IS NOT NULL
        GROUP BY r.task_id
     )
     SELECT coalesce(l.task_id, x.task_id) AS task_id, l.text, l.day, x.returns,
            (SELECT array_agg(coalesce(e.url, f.filename) ORDER BY e.sort)
               FROM report_evidence e LEFT JOIN stored_file f ON f.tenant_id = e.tenant_id AND f.id = e.file_id
              WHERE e.tenant_id = $1 AND e.report_id = l.id) AS evidence
       FROM latest l FULL JOIN returns x ON x.task_id = l.task_id`,
    [tenantId, taskIds],
  );
  return new Map(
    found.map((r) => [
      r.task_id,
      {
        latestText: r.text,
        latestDay: r.day,
        evidence: (r.evidence ?? []).filter(Boolean),
        returnReasons: r.returns ?? [],
      },
    ]),
  );
}
