import { createHash } from 'node:crypto';
import { shanghaiDate } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { RevisionCache } from '../../common/revision-cache.js';
import { fromJsonRow, one, rows, type Queryable } from '../../common/sql.js';
import { ReplicaReads } from '../../database/read-replica.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import type {
  KeyPointProgressModel,
  PlanProgressModel,
  ProgressTaskModel,
  SectionProgressModel,
  UnitProgressModel,
} from './dto/plan-progress.model.js';
import { toPlanModel, type PlanRow } from './dto/plan.model.js';
import type { KeyPointRow, SectionRow } from './dto/key-point.model.js';
import { toUnitModel, type UnitModel, type UnitRow } from '../unit/index.js';

/** The task columns a key point's opened rows read (dates as text). */
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

/** One cell of the plan's task counts: per key point × status × light, or per unit × light (`per_unit`). */
interface CellRow {
  per_unit: boolean;
  key_point_id: string | null;
  unit_id: string | null;
  status: ProgressTaskModel['status'] | null;
  light: ProgressTaskModel['light'];
  n: number;
  progress_sum: number;
  lead_unit_ids: string[] | null;
  /** The unit of a per-unit row, as JSON. */
  unit: UnitRow | null;
}

/**
 * The tasks a viewer sees in the tree, as a condition on `t` (parameters $1 tenant, $3 unit or null):
 * office and leadership every task; a unit its own tasks and every task of the key points it leads
 * (the lead unit coordinates its co-units).
 */
const VISIBLE_TASK = `t.tenant_id = $1 AND t.kind = 'NORMAL'
  AND ($3::uuid IS NULL OR t.unit_id = $3 OR EXISTS (
    SELECT 1 FROM task mine WHERE mine.tenant_id = t.tenant_id AND mine.key_point_id = t.key_point_id
      AND mine.unit_id = $3 AND mine.role = 'LEAD' AND mine.kind = 'NORMAL'))`;

/** One pass over the plan's tasks, counted two ways (grouping sets); the per-unit rows bring their unit. */
const CELLS_SQL = `SELECT c.*, to_jsonb(u) AS unit FROM (
    SELECT GROUPING(t.key_point_id) = 1 AS per_unit, t.key_point_id, t.unit_id, t.status, t.light,
           count(*)::int AS n, sum(t.progress)::int AS progress_sum,
           array_agg(t.unit_id) FILTER (WHERE t.role = 'LEAD') AS lead_unit_ids
      FROM task t
     WHERE t.plan_id = $2 AND ${VISIBLE_TASK}
     GROUP BY GROUPING SETS ((t.key_point_id, t.status, t.light), (t.unit_id, t.light))) c
  LEFT JOIN unit u ON c.per_unit AND u.tenant_id = $1 AND u.id = c.unit_id`;

/** The cached tree's format: a deploy that changes what it holds or how it is counted never reads older entries. */
const TREE_KEY = createHash('sha1').update(`plan-progress-1\n${CELLS_SQL}`).digest('hex');

/** What planProgress caches: everything but the plan itself (read fresh, it decides who may see the tree). */
type ProgressTree = Omit<PlanProgressModel, 'plan'>;

/**
 * The progress tree of a plan: sections and key points with their tasks counted by status and light
 * and averaged, and the same per unit, in statements whose answers grow with key points and units, not
 * tasks (a province plan has ≈4,000). Leadership's home reads it on every visit, so the tree is kept in
 * the revision cache the scorecard uses (scorecard_revision moves with every write to the tables it
 * reads: task, unit, plan, plan_section, key_point): unchanged, it costs the plan's row and one check. A key point's tasks are read when asked for (`tasksOf`),
 * which the web does when a key point is opened.
 */
@Injectable()
export class PlanProgressService {
  private readonly cache: RevisionCache<ProgressTree>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reads: ReplicaReads,
  ) {
    this.cache = new RevisionCache<ProgressTree>(dataSource);
  }

  async planProgress(viewer: Viewer, planId: string): Promise<PlanProgressModel> {
    const whole = readsWholeTenant(viewer);
    const key = {
      tenantId: viewer.tenantId,
      scope: `plan-progress:${planId}:${whole ? 'all' : viewer.unitId}`,
      today: shanghaiDate(this.clock.now()),
      rulesKey: TREE_KEY,
    };
    // The revision is read before the tree, so a write committed meanwhile only makes the entry stale.
    const [plan, cached] = await Promise.all([
      one<PlanRow & { revision: string }>(
        this.dataSource,
        `SELECT p.*, (SELECT coalesce(max(r.revision), 0) FROM scorecard_revision r WHERE r.tenant_id = $1) AS revision
           FROM plan p WHERE p.tenant_id = $1 AND p.id = $2`,
        [viewer.tenantId, planId],
      ),
      this.cache.read(key),
    ]);
    if (!plan || (!whole && plan.status === 'DRAFT')) throw notFound('计划');
    // The replica computes the tree only once it holds the revision read here, which the tree is stored under.
    const tree =
      cached ??
      (await this.reads.read((db) => this.tree(db, viewer, planId, whole), {
        tenantId: viewer.tenantId,
        revision: plan.revision,
      }));
    if (!cached) await this.cache.write(key, plan.revision, tree);
    return { plan: toPlanModel(plan), ...tree };
  }

  /** The tree's sections and units as read now (planProgress caches them). */
  private async tree(db: Queryable, viewer: Viewer, planId: string, whole: boolean): Promise<ProgressTree> {
    // One after the other: on the replica `db` is one transaction's connection, which runs one query at a time.
    const sections = await rows<SectionRow>(
      db,
      `SELECT * FROM plan_section WHERE tenant_id = $1 AND plan_id = $2 ORDER BY sort`,
      [viewer.tenantId, planId],
    );
    const keyPoints = await rows<KeyPointRow>(
      db,
      `SELECT * FROM key_point WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq, created_at`,
      [viewer.tenantId, planId],
    );
    const cells = await rows<CellRow>(db, CELLS_SQL, [viewer.tenantId, planId, whole ? null : viewer.unitId]);
    const byKeyPoint = new Map<string, CellRow[]>();
    const byUnit = new Map<string, CellRow[]>();
    for (const c of cells) {
      const [map, key] = c.per_unit ? [byUnit, c.unit_id!] : [byKeyPoint, c.key_point_id!];
      const list = map.get(key);
      if (list) list.push(c);
      else map.set(key, [c]);
    }
    const bySection = new Map<string | null, KeyPointProgressModel[]>();
    for (const k of keyPoints) {
      const own = byKeyPoint.get(k.id) ?? [];
      if (!whole && !own.length) continue;
      const list = bySection.get(k.section_id) ?? [];
      list.push(summarizeKeyPoint(k, own));
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
    const perUnit = [...byUnit.values()].map((own) =>
      summarizeUnit(toUnitModel(fromJsonRow<UnitRow>(own[0]!.unit!)), own),
    );
    return { sections: tree, units: perUnit };
  }

  /** One key point's tasks, as the tree shows it opened; a key point the viewer cannot see is not found. */
  async keyPointTasks(viewer: Viewer, keyPointId: string): Promise<ProgressTaskModel[]> {
    const [tasks] = await this.tasksOf(viewer, [keyPointId]);
    if (tasks!.length) return tasks!;
    // Nothing shown: a key point of the tenant without tasks (office, leadership), or not theirs to see.
    const exists = readsWholeTenant(viewer)
      ? await one(this.dataSource, `SELECT 1 FROM key_point WHERE tenant_id = $1 AND id = $2`, [
          viewer.tenantId,
          keyPointId,
        ])
      : null;
    if (!exists) throw notFound('要点');
    return [];
  }

  /**
   * The tasks of some key points the viewer sees in the tree, grouped by key point in the order asked
   * (lead first, then by unit). A unit user reads nothing of a draft plan.
   */
  async tasksOf(viewer: Viewer, keyPointIds: readonly string[]): Promise<ProgressTaskModel[][]> {
    const whole = readsWholeTenant(viewer);
    const found = await rows<ProgressTaskRow & { unit: UnitRow }>(
      this.dataSource,
      `SELECT t.id, t.key_point_id, t.unit_id, t.role, t.status, t.progress, t.light, t.due_date, row_to_json(u) AS unit
         FROM task t JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
        WHERE t.key_point_id = ANY($2::uuid[]) AND ${VISIBLE_TASK}
          AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM plan p WHERE p.tenant_id = t.tenant_id AND p.id = t.plan_id AND p.status <> 'DRAFT'))
        ORDER BY t.key_point_id, t.role, t.unit_id`,
      [viewer.tenantId, keyPointIds, whole ? null : viewer.unitId],
    );
    const units = new Map<string, UnitModel>();
    const byKeyPoint = new Map<string, ProgressTaskModel[]>(keyPointIds.map((id) => [id, []]));
    for (const t of found) {
      let unit = units.get(t.unit_id);
      if (!unit) units.set(t.unit_id, (unit = toUnitModel(fromJsonRow<UnitRow>(t.unit))));
      byKeyPoint.get(t.key_point_id)?.push({
        taskId: t.id,
        unitId: t.unit_id,
        unit,
        role: t.role,
        status: t.status,
        progress: t.progress,
        light: t.light,
        dueDate: t.due_date,
      });
    }
    return keyPointIds.map((id) => byKeyPoint.get(id)!);
  }
}

/** Counts per value of `key` over cells, in the order first met. */
function countBy<K extends 'status' | 'light'>(cells: CellRow[], key: K) {
  const counts = new Map<NonNullable<CellRow[K]>, number>();
  for (const c of cells) counts.set(c[key]!, (counts.get(c[key]!) ?? 0) + c.n);
  return [...counts].map(
    ([value, count]) => ({ [key]: value, count }) as { [P in K]: NonNullable<CellRow[K]> } & { count: number },
  );
}

function totals(cells: CellRow[]) {
  const n = cells.reduce((sum, c) => sum + c.n, 0);
  const progress = cells.reduce((sum, c) => sum + c.progress_sum, 0);
  return { n, average: n ? Math.round((progress / n) * 10) / 10 : null };
}

function summarizeKeyPoint(k: KeyPointRow, cells: CellRow[]): KeyPointProgressModel {
  const { n, average } = totals(cells);
  return {
    keyPointId: k.id,
    parentId: k.parent_id,
    label: k.label,
    title: k.title,
    dueDate: k.due_date,
    taskCount: n,
    byStatus: countBy(cells, 'status'),
    byLight: countBy(cells, 'light'),
    averageProgress: average,
    leadUnitIds: [...new Set(cells.flatMap((c) => c.lead_unit_ids ?? []))],
  };
}

function summarizeUnit(unit: UnitModel, cells: CellRow[]): UnitProgressModel {
  const { n, average } = totals(cells);
  return {
    unitId: unit.id,
    unit,
    taskCount: n,
    averageProgress: average ?? 0,
    byLight: countBy(cells, 'light'),
  };
}
