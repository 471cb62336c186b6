import { shanghaiDate } from '@duban/domain';
import type { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { SqlParams } from '../task/sql-params.js';
import { overdueCondition } from '../task/task-overdue.js';

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
  key_point_title: string;
  section_key: string;
  section_name: string;
  overdue: boolean;
}

export async function planInTenant(db: DataSource, tenantId: string, planId: string): Promise<ExportPlan> {
  const plan = await one<ExportPlan>(db, `SELECT id, year, title FROM plan WHERE tenant_id = $1 AND id = $2`, [tenantId, planId]);
  if (!plan) throw notFound('工作要点');
  return plan;
}

/**
 * Tasks of the given plans in document order (section, key point, lead first, unit name), with
 * "overdue now" computed by the task module's own rule. `extraWhere` narrows (filters, a unit's scope).
 */
export async function exportTasks(db: DataSource, tenantId: string, planIds: string[], now: Date, narrow?: (p: SqlParams) => string[]): Promise<ExportTask[]> {
  const params = new SqlParams();
  const overdue = overdueCondition(shanghaiDate(now), params, 't');
  const where = [`t.tenant_id = ${params.add(tenantId)}`, `t.plan_id = ANY(${params.add(planIds)}::uuid[])`, `t.kind = 'NORMAL'`, ...(narrow?.(params) ?? [])];
  return rows<ExportTask>(
    db,
    `SELECT t.id, t.unit_id, u.name AS unit_name, t.role, t.status, t.progress, t.light, t.due_date::text AS due_date,
            t.original_due_date::text AS original_due_date, (t.last_report_at AT TIME ZONE 'Asia/Shanghai')::date::text AS last_report_day,
            t.urge_count, kp.id AS key_point_id, kp.seq AS key_point_seq, kp.title AS key_point_title,
            coalesce(ps.id::text, '') AS section_key, coalesce(ps.label || '、' || ps.title, '其他') AS section_name, ${overdue} AS overdue
       FROM task t
       JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
       JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
       LEFT JOIN plan_section ps ON ps.tenant_id = kp.tenant_id AND ps.id = kp.section_id
      WHERE ${where.join(' AND ')}
      ORDER BY ps.sort NULLS LAST, kp.seq, t.role, u.name, t.id`,
    params.values,
  );
}
