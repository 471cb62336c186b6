import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import type {
  KeyPointProgressModel,
  PlanProgressModel,
  ProgressTaskModel,
  SectionProgressModel,
} from './dto/plan-progress.model.js';
import { toPlanModel, type PlanRow } from './dto/plan.model.js';
import type { KeyPointRow, SectionRow } from './dto/key-point.model.js';
import { toUnitModel, type UnitModel, type UnitRow } from '../unit/index.js';

/** The task columns the progress tree reads (dates as text). */
interface ProgressTaskRow {
  id: string;
  key_point_id: string;
  unit_id: string;
  role: ProgressTaskModel['role'];
  status: ProgressTaskModel['status'];
  progress: number;
  light: ProgressTaskModel['light'];
  due_date: string;
}

/**
 * The progress tree of a plan in five queries whatever its size (plan, sections, key points, tasks, units);
 * counts and averages are folded in memory from the task rows already loaded.
 * Unit users see the key points their unit has a task on: their own task, or every task of the key
 * points their unit leads (the lead unit coordinates its co-units).
 */
@Injectable()
export class PlanProgressService {
  constructor(private readonly dataSource: DataSource) {}

  async planProgress(viewer: Viewer, planId: string): Promise<PlanProgressModel> {
    const whole = readsWholeTenant(viewer);
    const plan = await one<PlanRow>(this.dataSource, `SELECT * FROM plan WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      planId,
    ]);
    if (!plan || (!whole && plan.status === 'DRAFT')) throw notFound('计划');
    const [sections, keyPoints, tasks, units] = await Promise.all([
      rows<SectionRow>(
        this.dataSource,
        `SELECT * FROM plan_section WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort`,
        [viewer.tenantId, planId],
      ),
      rows<KeyPointRow>(
        this.dataSource,
        `SELECT * FROM key_point WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq, created_at`,
        [viewer.tenantId, planId],
      ),
      rows<ProgressTaskRow>(
        this.dataSource,
        `SELECT t.id, t.key_point_id, t.unit_id, t.role, t.status, t.progress, t.light, t.due_date
         FROM task t
         WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.kind = 'NORMAL'
           AND ($3::uuid IS NULL OR t.unit_id = $3 OR EXISTS (
             SELECT 1 FROM task mine WHERE mine.tenant_id = t.tenant_id AND mine.key_point_id = t.key_point_id
               AND mine.unit_id = $3 AND mine.role = 'LEAD' AND mine.kind = 'NORMAL'))
         ORDER BY t.key_point_id, t.role, t.unit_id`,
        [viewer.tenantId, planId, whole ? null : viewer.unitId],
      ),
      // Every unit with a task in the plan (a superset of the visible ones; at most the tenant's units).
      rows<UnitRow>(
        this.dataSource,
        `SELECT u.* FROM unit u WHERE u.tenant_id = $1 AND u.id IN (SELECT t.unit_id FROM task t WHERE t.tenant_id = $1 AND t.plan_id = $2)`,
        [viewer.tenantId, planId],
      ),
    ]);
    const unitById = new Map<string, UnitModel>(units.map((u) => [u.id, toUnitModel(u)]));
    const tasksByKeyPoint = new Map<string, ProgressTaskModel[]>();
    for (const t of tasks) {
      const list = tasksByKeyPoint.get(t.key_point_id) ?? [];
      const unit = unitById.get(t.unit_id)!;
      list.push({
        taskId: t.id,
        unitId: t.unit_id,
        unit,
        role: t.role,
        status: t.status,
        progress: t.progress,
        light: t.light,
        dueDate: t.due_date,
      });
      tasksByKeyPoint.set(t.key_point_id, list);
    }
    const bySection = new Map<string | null, KeyPointProgressModel[]>();
    for (const k of keyPoints) {
      const own = tasksByKeyPoint.get(k.id) ?? [];
      if (!whole && !own.length) continue;
      const list = bySection.get(k.section_id) ?? [];
      list.push(summarize(k, own));
      bySection.set(k.section_id, list);
    }
    const tree: SectionProgressModel[] = sections
      .map((s) => ({
        sectionId: s.id as string | null,
        label: s.label,
        title: s.title,
        keyPoints: bySection.get(s.id) ?? [],
      }))
      .filter((s) => whole || s.keyPoints.length);
    const loose = bySection.get(null);
    if (loose?.length) tree.push({ sectionId: null, label: '', title: '其他', keyPoints: loose });
    return { plan: toPlanModel(plan), sections: tree };
  }
}

function summarize(k: KeyPointRow, tasks: ProgressTaskModel[]): KeyPointProgressModel {
  const count = <K extends 'status' | 'light'>(key: K) => {
    const counts = new Map<string, number>();
    for (const t of tasks) counts.set(t[key], (counts.get(t[key]) ?? 0) + 1);
    return [...counts].map(([value, n]) => ({ [key]: value, count: n })) as any[];
  };
  const average = tasks.length
    ? Math.round((tasks.reduce((sum, t) => sum + t.progress, 0) / tasks.length) * 10) / 10
    : null;
  return {
    keyPointId: k.id,
    parentId: k.parent_id,
    label: k.label,
    title: k.title,
    dueDate: k.due_date,
    taskCount: tasks.length,
    byStatus: count('status'),
    byLight: count('light'),
    averageProgress: average,
    tasks,
  };
}
