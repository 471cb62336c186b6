import { Injectable } from '@nestjs/common';
import { isOverdue, OVERDUE_UNITS_NAMED, shanghaiDate, type TaskStatus } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one, rows } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import type { LowerCoverageModel, LowerRollupCountsModel, LowerRollupKeyPointModel } from './dto/lower-rollup.model.js';
import {
  COVERAGE_POINTS_SQL,
  DETAIL_ROWS_SQL,
  INSERT_ROLLUP_CELLS_SQL,
  LOWER_LINKED_TASKS_SQL,
} from './lower-rollup.sql.js';
import { ReplicaReads } from '../../database/read-replica.js';
import { RevisionCache } from '../../common/revision-cache.js';
import { LOWER_STAMPS_SQL, lowerAnswerKey, type LowerStamp } from './lower-rollup-answer-key.js';

interface LowerTenant {
  id: string;
  name: string;
}

/** A row of LOWER_LINKED_TASKS_SQL (task columns null for a key point with no task yet), with overdue judged. */
interface LinkedTaskRow {
  upper_key_point_id: string;
  key_point_id: string;
  label: string | null;
  title: string;
  task_id: string | null;
  unit_name: string | null;
  status: TaskStatus;
  light: string;
  due_date: string;
  last_report_at: Date | null;
  /** Null unless the lower office shares them (upper_share_setting). */
  report_text: string | null;
  report_files: string[] | null;
  report_file_ids: string[] | null;
  report_on: string | null;
  overdue?: boolean;
}

/** Counts as lower_rollup_cell stores them for a cell, and as COVERAGE_POINTS_SQL sums them for a key point. */
interface StoredCounts {
  key_points: number;
  tasks: number;
  green: number;
  yellow: number;
  red: number;
  done: number;
  overdue: number;
  overdue_unit_count: number;
  overdue_units: string[];
  last_report_on: string | null;
}

/** A lower_rollup_cell row: one (upper key point, lower tenant) cell's stored counts. */
interface CellRow extends StoredCounts {
  upper_key_point_id: string;
  lower_tenant_id: string;
}

/** A row of COVERAGE_POINTS_SQL: an upper key point, its cells summed, and each measure per lower tenant. */
interface PointRow extends StoredCounts {
  id: string;
  label: string;
  title: string;
  section_title: string | null;
  covered_by: number;
  lower_key_points: number[];
  lower_tasks: number[];
  lower_red: number[];
  lower_done: number[];
  lower_overdue: number[];
}

const CELL_COLUMNS = `upper_key_point_id, lower_tenant_id, key_points, tasks, green, yellow, red, done, overdue,
  overdue_unit_count, overdue_units, last_report_on::text AS last_report_on`;

interface DetailRow {
  id: string;
  lower_tenant_id: string;
  lower_name: string;
  label: string;
  title: string;
  task_id: string | null;
  unit_name: string;
  status: string;
  light: string;
  due_date: string;
  last_report_on: string | null;
  overdue: boolean;
  report_text: string | null;
  report_files: string[] | null;
  report_file_ids: string[] | null;
  report_on: string | null;
}

/** LowerCoverageModel as cached: JSON, so each lower tenant's refresh time is an ISO string. */
type CachedCoverage = Omit<LowerCoverageModel, 'lowers'> & {
  lowers: (Omit<LowerCoverageModel['lowers'][number], 'refreshedAt'> & { refreshedAt: string | null })[];
};

interface PointCopy {
  upper: string;
  label: string;
  title: string;
  tasks: LinkedTaskRow[];
}

const shareOf = (done: number, tasks: number) => (tasks ? Math.round((done / tasks) * 1000) / 1000 : null);

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The counts of a group of cells (none: all zero). Unit names carry their lower tenant's name, so the
 * cells' unit counts add up, and the first names of the group are among the first names of its cells.
 */
function countsOf(cells: StoredCounts[]): LowerRollupCountsModel {
  const sum = (pick: (c: StoredCounts) => number) => cells.reduce((n, c) => n + pick(c), 0);
  const tasks = sum((c) => c.tasks);
  const done = sum((c) => c.done);
  const lastReportOn = cells.reduce<string | null>(
    (last, c) => (c.last_report_on && (!last || c.last_report_on > last) ? c.last_report_on : last),
    null,
  );
  return {
    keyPoints: sum((c) => c.key_points),
    tasks,
    green: sum((c) => c.green),
    yellow: sum((c) => c.yellow),
    red: sum((c) => c.red),
    done,
    doneShare: shareOf(done, tasks),
    overdue: sum((c) => c.overdue),
    overdueUnits: [...new Set(cells.flatMap((c) => c.overdue_units))].sort(byCodePoint).slice(0, OVERDUE_UNITS_NAMED),
    overdueUnitCount: sum((c) => c.overdue_unit_count),
    lastReportOn,
  };
}

/**
 * 上下联动, coverage and roll-up: the upper tenant's read model of its lower tenants' work on its key
 * points. A lower tenant is taken in again whenever its scorecard revision moved (every task, report,
 * key point or link write bumps it in the writing transaction) or the day changed (overdue is a
 * function of today): the check runs on every read, in any API process, from stamps in the database.
 * The refresh reads the lower tenant in the lower's own scope and writes the upper's rows in the
 * upper's scope; the upper's queries read its own rows only.
 */
@Injectable()
export class LowerRollupService {
  /** Answers as the page reads them, in the scorecard's revision cache (see lowerAnswerKey for what keys them). */
  private readonly coverageAnswers: RevisionCache<CachedCoverage>;
  private readonly detailAnswers: RevisionCache<LowerRollupKeyPointModel[]>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly reads: ReplicaReads,
  ) {
    this.coverageAnswers = new RevisionCache<CachedCoverage>(dataSource);
    this.detailAnswers = new RevisionCache<LowerRollupKeyPointModel[]>(dataSource);
  }

  /** The lower tenants linked now with what the upper's answers depend on (LOWER_STAMPS_SQL). */
  private lowerStamps(upperTenantId: string): Promise<LowerStamp[]> {
    return runOutsideTenant(() => rows<LowerStamp>(this.dataSource, LOWER_STAMPS_SQL, [upperTenantId]));
  }

  /**
   * The lower tenants linked now, each taken in again if stale; rows of lower tenants no longer linked go.
   * Two reads whatever the number of lower tenants: the links with each lower tenant's revision stamp
   * (unless the caller read them just before), and the upper's own stamps of what it holds.
   */
  async ensureFresh(upperTenantId: string, stamps?: LowerStamp[]): Promise<LowerTenant[]> {
    const lowers = stamps ?? (await this.lowerStamps(upperTenantId));
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const held = await runInTenant(upperTenantId, () =>
      rows<{ lower_tenant_id: string; revision: string; computed_on: string; lower_name: string }>(
        this.dataSource,
        `SELECT lower_tenant_id, revision::text, computed_on::text, lower_name FROM lower_rollup_source WHERE tenant_id = $1`,
        [upperTenantId],
      ),
    );
    for (const { id, name, revision } of lowers) {
      const mine = held.find((h) => h.lower_tenant_id === id);
      if (mine && mine.revision === revision && mine.computed_on === today && mine.lower_name === name) continue;
      await this.refresh(upperTenantId, { id, name }, revision, now);
    }
    const gone = held.map((h) => h.lower_tenant_id).filter((id) => !lowers.some((l) => l.id === id));
    if (gone.length) {
      await runInTenant(upperTenantId, () =>
        this.dataSource.query(
          `DELETE FROM lower_rollup_source WHERE tenant_id = $1 AND lower_tenant_id = ANY($2::uuid[])`,
          [upperTenantId, gone],
        ),
      );
    }
    return lowers.map(({ id, name }) => ({ id, name }));
  }

  /** Takes one lower tenant in again: read in its scope, written in the upper's (one transaction, row-locked against a parallel refresh). */
  async refresh(upperTenantId: string, lower: LowerTenant, revision: string, now: Date): Promise<void> {
    const today = shanghaiDate(now);
    // The heavy read may go to a replica that holds the revision it is stored under.
    const found = await runInTenant(lower.id, () =>
      this.reads.read((db) => rows<LinkedTaskRow>(db, LOWER_LINKED_TASKS_SQL, [lower.id, upperTenantId]), {
        tenantId: lower.id,
        revision,
      }),
    );
    for (const r of found) {
      r.overdue =
        !!r.task_id &&
        isOverdue({
          status: r.status,
          dueDate: r.due_date,
          now,
          submittedAt: r.status === 'SUBMITTED' ? r.last_report_at : null,
        });
    }
    await runInTenant(upperTenantId, () =>
      this.dataSource.transaction(async (m) => {
        await m.query(
          `INSERT INTO lower_rollup_source (tenant_id, lower_tenant_id, lower_name, revision, computed_on) VALUES ($1, $2, $3, -1, $4)
           ON CONFLICT (tenant_id, lower_tenant_id) DO NOTHING`,
          [upperTenantId, lower.id, lower.name, today],
        );
        const current = await one<{ revision: string; computed_on: string }>(
          m,
          `SELECT revision::text, computed_on::text FROM lower_rollup_source WHERE tenant_id = $1 AND lower_tenant_id = $2 FOR UPDATE`,
          [upperTenantId, lower.id],
        );
        // Another process took in this revision (or a later one) today while this one read.
        if (
          current &&
          BigInt(current.revision) >= BigInt(revision) &&
          current.computed_on === today &&
          current.revision !== '-1'
        )
          return;
        await this.replace(m, upperTenantId, lower, found);
        await m.query(INSERT_ROLLUP_CELLS_SQL, [upperTenantId, lower.id, lower.name, OVERDUE_UNITS_NAMED]);
        await m.query(
          `UPDATE lower_rollup_source SET lower_name = $3, revision = $4, computed_on = $5, refreshed_at = now() WHERE tenant_id = $1 AND lower_tenant_id = $2`,
          [upperTenantId, lower.id, lower.name, revision, today],
        );
      }),
    );
  }

  private async replace(
    m: EntityManager,
    upperTenantId: string,
    lower: LowerTenant,
    found: LinkedTaskRow[],
  ): Promise<void> {
    for (const table of ['lower_rollup_cell', 'lower_rollup_point'])
      await m.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND lower_tenant_id = $2`, [upperTenantId, lower.id]);
    // Only links to key points the upper still has (its own rows, read in its own scope).
    const upperIds = [...new Set(found.map((r) => r.upper_key_point_id))];
    const existing = new Set(
      (
        await rows<{ id: string }>(m, `SELECT id FROM key_point WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
          upperTenantId,
          upperIds,
        ])
      ).map((r) => r.id),
    );
    const points = new Map<string, PointCopy>();
    for (const r of found) {
      if (!existing.has(r.upper_key_point_id)) continue;
      const key = `${r.upper_key_point_id}/${r.key_point_id}`;
      if (!points.has(key))
        points.set(key, { upper: r.upper_key_point_id, label: r.label ?? '', title: r.title, tasks: [] });
      if (r.task_id) points.get(key)!.tasks.push(r);
    }
    const list = [...points.values()];
    if (!list.length) return;
    const ids = await rows<{ id: string }>(
      m,
      `INSERT INTO lower_rollup_point (tenant_id, lower_tenant_id, upper_key_point_id, label, title)
       SELECT $1, $2, x.u, x.l, x.t FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS x(u, l, t, o) ORDER BY x.o RETURNING id`,
      [upperTenantId, lower.id, list.map((p) => p.upper), list.map((p) => p.label), list.map((p) => p.title)],
    );
    const tasks = list.flatMap((p, i) => p.tasks.map((t) => ({ ...t, point: ids[i]!.id })));
    if (!tasks.length) return;
    await m.query(
      `INSERT INTO lower_rollup_task (tenant_id, point_id, unit_name, status, light, due_date, last_report_at, overdue, report_text, report_files, report_file_ids, report_on)
       SELECT $1, x.p, x.u, x.s, x.l, x.d, x.r, x.o, x.t, CASE WHEN x.f IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(x.f::jsonb)) END,
              CASE WHEN x.fi IS NOT NULL THEN ARRAY(SELECT jsonb_array_elements_text(x.fi::jsonb)::uuid) END, x.rd
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::timestamptz[], $8::boolean[], $9::text[], $10::text[], $12::text[], $11::date[])
           AS x(p, u, s, l, d, r, o, t, f, fi, rd)`,
      [
        upperTenantId,
        tasks.map((t) => t.point),
        tasks.map((t) => t.unit_name ?? ''),
        tasks.map((t) => t.status),
        tasks.map((t) => t.light),
        tasks.map((t) => t.due_date),
        tasks.map((t) => t.last_report_at),
        tasks.map((t) => t.overdue),
        tasks.map((t) => t.report_text),
        // One array per task: unnest would flatten a two-dimensional array, so each travels as JSON.
        tasks.map((t) => (t.report_files ? JSON.stringify(t.report_files) : null)),
        tasks.map((t) => t.report_on),
        tasks.map((t) => (t.report_file_ids ? JSON.stringify(t.report_file_ids) : null)),
      ],
    );
  }

  /**
   * The coverage matrix and roll-up of the upper's published key points of a year (default: its latest):
   * two statements while nothing it shows has changed (the lower tenants' stamps, then the cached answer
   * checked against the upper's revision), else the lower tenants that changed are taken in and the
   * answer is computed and stored under the stamps read first (what it reflects at least).
   */
  async coverage(viewer: Viewer, year: number | null): Promise<LowerCoverageModel> {
    const stamps = await this.lowerStamps(viewer.tenantId);
    const key = lowerAnswerKey(
      viewer.tenantId,
      `lower-coverage:${year ?? 'latest'}`,
      shanghaiDate(this.clock.now()),
      stamps,
    );
    const { hit, revision } = await this.coverageAnswers.lookup(key);
    const answer = hit ?? (await this.computeCoverage(viewer.tenantId, year, stamps));
    if (!hit) await this.coverageAnswers.write(key, revision, answer);
    return {
      ...answer,
      lowers: answer.lowers.map((l) => ({ ...l, refreshedAt: l.refreshedAt ? new Date(l.refreshedAt) : null })),
    };
  }

  /**
   * PostgreSQL sums the stored cells per key point and lays them out as one int array per measure in the
   * order of `lowers`, so a province's thousands of cells travel as a few hundred rows and lists.
   */
  private async computeCoverage(
    upperTenantId: string,
    year: number | null,
    stamps: LowerStamp[],
  ): Promise<CachedCoverage> {
    const lowers = await this.ensureFresh(upperTenantId, stamps);
    const planYear =
      year ??
      (
        await one<{ y: number | null }>(
          this.dataSource,
          `SELECT max(year) AS y FROM plan WHERE tenant_id = $1 AND status <> 'DRAFT'`,
          [upperTenantId],
        )
      )?.y ??
      null;
    const lowerIds = lowers.map((l) => l.id);
    const points = await rows<PointRow>(this.dataSource, COVERAGE_POINTS_SQL, [
      upperTenantId,
      planYear,
      lowerIds,
      OVERDUE_UNITS_NAMED,
    ]);
    const refreshed = await rows<{ lower_tenant_id: string; refreshed_at: Date }>(
      this.dataSource,
      `SELECT lower_tenant_id, refreshed_at FROM lower_rollup_source WHERE tenant_id = $1`,
      [upperTenantId],
    );
    return {
      year: planYear,
      points: points.map((p) => ({
        keyPointId: p.id,
        label: p.label,
        title: p.title,
        sectionTitle: p.section_title,
        coveredBy: p.covered_by,
        counts: countsOf([p]),
        lowerKeyPoints: p.lower_key_points,
        lowerTasks: p.lower_tasks,
        lowerRed: p.lower_red,
        lowerDone: p.lower_done,
        lowerOverdue: p.lower_overdue,
      })),
      lowers: lowers.map((l, i) => {
        const covered = points.filter((p) => p.lower_key_points[i]! > 0).length;
        return {
          tenantId: l.id,
          name: l.name,
          covered,
          share: points.length ? Math.round((covered / points.length) * 1000) / 1000 : 0,
          refreshedAt: refreshed.find((r) => r.lower_tenant_id === l.id)?.refreshed_at.toISOString() ?? null,
        };
      }),
    };
  }

  /** The roll-up of one lower tenant's work on one upper key point, from the upper's read model (call ensureFresh first). */
  async countsFor(upperTenantId: string, lowerTenantId: string, keyPointId: string): Promise<LowerRollupCountsModel> {
    const cells = await rows<CellRow>(
      this.dataSource,
      `SELECT ${CELL_COLUMNS} FROM lower_rollup_cell WHERE tenant_id = $1 AND lower_tenant_id = $2 AND upper_key_point_id = $3`,
      [upperTenantId, lowerTenantId, keyPointId],
    );
    return countsOf(cells);
  }

  /**
   * Read-only drill-down: the lower key points linked to one of the upper's key points, with their tasks.
   * Cached like the coverage; an answer is stored only once the key point was found to be the viewer's
   * tenant's, and deleting it moves that tenant's revision, so a hit needs no ownership check.
   */
  async detail(viewer: Viewer, keyPointId: string): Promise<LowerRollupKeyPointModel[]> {
    if (!isUuid(keyPointId)) throw notFound('工作要点');
    const stamps = await this.lowerStamps(viewer.tenantId);
    const key = lowerAnswerKey(
      viewer.tenantId,
      `lower-detail:${keyPointId.toLowerCase()}`,
      shanghaiDate(this.clock.now()),
      stamps,
    );
    const { hit, revision } = await this.detailAnswers.lookup(key);
    if (hit) return hit;
    const answer = await this.computeDetail(viewer.tenantId, keyPointId, stamps);
    await this.detailAnswers.write(key, revision, answer);
    return answer;
  }

  private async computeDetail(
    upperTenantId: string,
    keyPointId: string,
    stamps: LowerStamp[],
  ): Promise<LowerRollupKeyPointModel[]> {
    const own = await one(this.dataSource, `SELECT id FROM key_point WHERE tenant_id = $1 AND id = $2`, [
      upperTenantId,
      keyPointId,
    ]);
    if (!own) throw notFound('工作要点');
    const lowers = await this.ensureFresh(upperTenantId, stamps);
    const found = await rows<DetailRow>(this.dataSource, DETAIL_ROWS_SQL, [
      upperTenantId,
      keyPointId,
      lowers.map((l) => l.id),
    ]);
    const out = new Map<string, LowerRollupKeyPointModel>();
    for (const r of found) {
      if (!out.has(r.id))
        out.set(r.id, {
          id: r.id,
          lowerTenantId: r.lower_tenant_id,
          lowerTenantName: r.lower_name,
          label: r.label,
          title: r.title,
          tasks: [],
        });
      if (r.task_id) {
        out.get(r.id)!.tasks.push({
          id: r.task_id,
          unitName: r.unit_name,
          status: r.status,
          light: r.light,
          dueDate: r.due_date,
          lastReportOn: r.last_report_on,
          overdue: r.overdue,
          sharedReport:
            r.report_on && (r.report_text !== null || r.report_files !== null)
              ? {
                  text: r.report_text,
                  files: r.report_files,
                  attachments: r.report_file_ids
                    ? r.report_file_ids.map((fileId, i) => ({ fileId, filename: r.report_files?.[i] ?? '' }))
                    : null,
                  reportOn: r.report_on,
                }
              : null,
        });
      }
    }
    return [...out.values()];
  }
}
