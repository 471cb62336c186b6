import { Injectable } from '@nestjs/common';
import {
  computeScore,
  rankUnits,
  reportPeriodsBetween,
  roundScore,
  shanghaiDate,
  TIE_BREAK_TEXT,
  type ScoreCounts,
  type ScoreRules,
} from '@duban/domain';
import { DataSource } from 'typeorm';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import { Keyset } from '../../common/keyset-page.js';
import { isUnitUser, readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { TaskRulesService, toTaskModel, type TaskRow } from '../task/index.js';
import type { UnitKind } from '../unit/index.js';
import type { ScorecardConnection, ScorecardRowModel } from './dto/scorecard-row.model.js';
import type { ScorecardTaskConnection } from './dto/scorecard-task.model.js';
import {
  metricColumn,
  SCORE_COUNT_COLUMNS,
  SCORECARD_METRICS,
  type ScorecardCounts,
  type ScorecardMetric,
  type ScorecardMetricColumn,
} from './scorecard-metrics.js';
import { RevisionCache } from '../../common/revision-cache.js';
import { ReplicaReads } from '../../database/read-replica.js';
import { rulesKey, type Ranking } from './scorecard-cache.js';
import { scorecardFacts, type ScorecardScope } from './scorecard.sql.js';
import { ScoreRulesService, storedScoreRules } from './score-rules.service.js';
import { CalendarService } from '../calendar/index.js';
import { uuidArg } from '../../common/validation.js';

export interface ScorecardFilter {
  planId?: string | null;
  year?: number | null;
  unitKind?: UnitKind | null;
}

const SCORECARD_PAGE = 200;

/** A scorecard's scope with the tenant's score rules, read with it. */
type ScopeWithRules = ScorecardScope & { rules: ScoreRules };

/**
 * A row of per_unit (perUnitCte) as json_agg hands it back: one unit in one period ('cur' the scope's
 * year, 'prev' the year before), each metric column summed, and each score count summed as lead_<column>
 * and resp_<column>.
 */
export type PerUnitRow = { period: 'cur' | 'prev'; unit_id: string; unit_name: string } & Record<
  ScorecardMetricColumn,
  number | null
> &
  Record<`${'lead' | 'resp'}_${string}`, number | null>;

/**
 * The scorecard: every unit's counts in one SQL statement over the whole tenant, scored and ranked by
 * the domain's computeScore and rankUnits (so the formula and the tie-break rule live in one place).
 */
@Injectable()
export class ScorecardService {
  private reviewTable: Promise<boolean> | null = null;
  private readonly cache: RevisionCache<Ranking>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scoreRules: ScoreRulesService,
    private readonly taskRules: TaskRulesService,
    private readonly clock: Clock,
    private readonly reads: ReplicaReads,
  ) {
    this.cache = new RevisionCache<Ranking>(dataSource);
  }

  /**
   * Office and leadership see every unit; a unit user sees their own row (with its rank among all).
   * The ranking is the same for every viewer of a tenant, so it is computed once and cached (see
   * scorecard-cache.ts); only the viewer's filter and the page are applied here.
   */
  async scorecard(
    viewer: Viewer,
    filter: ScorecardFilter,
    page: { first?: number | null; after?: string | null } = {},
  ): Promise<ScorecardConnection> {
    const onlyUnit = this.rowScope(viewer);
    const limit = pageSize(page.first, SCORECARD_PAGE);
    const cursor = decodeCursor(page.after, 3);
    const scope = await this.scope(viewer, filter);
    const after = cursor ? ([cursor[0], cursor[1], uuidArg(String(cursor[2]), 'after')] as const) : null;
    const ranking = await this.ranking(scope, filter.unitKind ?? null);
    const visible = onlyUnit ? ranking.rows.filter((r) => r.unitId === onlyUnit) : ranking.rows;
    const start = after ? await this.rowsUpTo(visible, after) : 0;
    const found = visible.slice(start, start + limit + 1);
    if (found.length === 0) await this.requirePlan(viewer, scope);
    const pageRows = found.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    const any = found.length > 0;
    return {
      nodes: pageRows,
      totalCount: any ? visible.length : 0,
      rankedUnits: any ? ranking.rankedUnits : 0,
      year: any ? ranking.year : (scope.year ?? null),
      tieBreak: TIE_BREAK_TEXT,
      pageInfo: {
        hasNextPage: found.length > limit,
        endCursor: last ? encodeCursor([String(rankKey(last)), last.unitName, last.unitId]) : null,
      },
    };
  }

  /** Every row (for the xlsx export), ranked; office and leadership only. */
  async allRows(
    viewer: Viewer,
    filter: ScorecardFilter,
  ): Promise<{ rows: ScorecardRowModel[]; year: number | null; rules: ScoreRules }> {
    const out: ScorecardRowModel[] = [];
    let after: string | null = null;
    let year: number | null = null;
    for (;;) {
      const page: ScorecardConnection = await this.scorecard(viewer, filter, { first: SCORECARD_PAGE, after });
      out.push(...page.nodes);
      year = page.year;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    return { rows: out, year, rules: (await this.scoreRules.get(viewer.tenantId)).rules };
  }

  /** The tasks behind one number of one unit, with each task's part of it; sums to the number. */
  async scorecardTasks(
    viewer: Viewer,
    args: {
      unitId: string;
      metric: ScorecardMetric;
      filter: ScorecardFilter;
      first?: number | null;
      after?: string | null;
    },
  ): Promise<ScorecardTaskConnection> {
    const unitId = uuidArg(args.unitId, 'unitId');
    const onlyUnit = this.rowScope(viewer);
    if (onlyUnit && onlyUnit !== unitId) throw forbidden('只能查看本单位的考核明细');
    const unit = await one<{ '?column?': number }>(
      this.dataSource,
      `SELECT 1 FROM unit WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, unitId],
    );
    if (!unit) throw notFound('单位');
    const ks = new Keyset({
      keys: [{ expr: 't.due_date', cast: 'date' }],
      id: 't.id',
      descending: false,
      first: args.first,
      after: args.after,
    });
    const scope = await this.scope(viewer, args.filter);
    const params = new SqlParams();
    const facts = scorecardFacts(scope, params);
    const column = metricColumn(args.metric);
    const keyset = ks.after(params);
    const found = await this.reads.read((db) =>
      rows<TaskRow & { metric_count: number; total_count: number }>(
        db,
        `WITH ${facts},
       hits AS (SELECT f.task_id, f.${column} AS n, count(*) OVER ()::int AS total_count FROM facts f
                 WHERE f.period = 'cur' AND f.unit_id = ${params.add(unitId)}::uuid AND f.${column} > 0)
       SELECT t.*, h.n AS metric_count, h.total_count, ${ks.columns}
         FROM hits h JOIN task t ON t.tenant_id = ${params.add(viewer.tenantId)} AND t.id = h.task_id
        WHERE ${keyset}
        ORDER BY ${ks.orderBy} ${ks.limit}`,
        params.values,
      ),
    );
    if (found.length === 0) await this.requirePlan(viewer, scope);
    return ks.page(found, found[0]?.total_count ?? 0, (r) => ({ task: toTaskModel(r), count: r.metric_count }));
  }

  /**
   * Every unit's row of the scope, ranked: from the cache while no write has committed since it was
   * computed, else the counts come from one statement (which also reads the tenant's revision in the
   * same snapshot) and the domain scores and ranks them, so the formula lives in one place.
   */
  private async ranking(scope: ScopeWithRules, unitKind: UnitKind | null): Promise<Ranking> {
    const { rules } = scope;
    const params = new SqlParams();
    const sql = `WITH ${scorecardFacts(scope, params)},
      ${this.perUnitCte(scope.tenantId, unitKind, params)}
      SELECT (SELECT coalesce((SELECT r.revision FROM scorecard_revision r WHERE r.tenant_id = ${params.add(scope.tenantId)}), 0)) AS revision,
             (SELECT y FROM period_year) AS year,
             coalesce(json_agg(pu ORDER BY pu.unit_name, pu.unit_id), '[]') AS rows
        FROM per_unit pu`;
    const key = {
      tenantId: scope.tenantId,
      scope: `${scope.planId ? `plan:${scope.planId}` : `year:${scope.year}`};kind:${unitKind ?? '*'}`,
      today: scope.today,
      rulesKey: rulesKey(rules, sql, scope.periods),
    };
    const { hit, revision } = await this.cache.lookup(key);
    if (hit) return hit;
    // On the replica only once it has the revision the cache just saw: an answer older than that is
    // never computed there, so never stored. The statement reads the revision it is stored under.
    const computed = (await this.reads.read(
      (db) => one<{ revision: string; year: number | null; rows: PerUnitRow[] }>(db, sql, params.values),
      { tenantId: scope.tenantId, revision },
    ))!;
    const ranking = rankRows(computed.rows, rules, computed.year);
    // Nothing for a plan id is (almost always) someone else's or a deleted plan: not worth a cache row.
    if (ranking.rows.length > 0 || !scope.planId) await this.cache.write(key, computed.revision, ranking);
    return ranking;
  }

  /**
   * How many rows come at or before the keyset cursor (rank, unit name, unit id; unranked units after
   * every rank). The cursor is
   * normally a row of this same ranking; otherwise PostgreSQL compares, so that unit names order by
   * the database's collation exactly as the ORDER BY that ranked them (and bad values fail as before).
   */
  private async rowsUpTo(ranked: ScorecardRowModel[], after: readonly [unknown, unknown, string]): Promise<number> {
    const at = ranked.findIndex(
      (r) => String(rankKey(r)) === after[0] && r.unitName === after[1] && r.unitId === after[2],
    );
    if (at >= 0) return at + 1;
    const first = await one<{ n: number | null }>(
      this.dataSource,
      `SELECT min(r.n)::int AS n FROM unnest($1::int[], $2::text[], $3::uuid[]) WITH ORDINALITY AS r(rank, unit_name, unit_id, n)
        WHERE (r.rank, r.unit_name, r.unit_id) > ($4::int, $5::text, $6::uuid)`,
      [ranked.map(rankKey), ranked.map((r) => r.unitName), ranked.map((r) => r.unitId), ...after],
    );
    return first?.n == null ? ranked.length : first.n - 1;
  }

  /** null: every unit; a unit id: only that unit's row. */
  private rowScope(viewer: Viewer): string | null {
    if (readsWholeTenant(viewer)) return null;
    if (isUnitUser(viewer) && viewer.unitId) return viewer.unitId;
    throw forbidden();
  }

  private async scope(viewer: Viewer, filter: ScorecardFilter): Promise<ScopeWithRules> {
    const planId = filter.planId ? uuidArg(filter.planId, 'planId') : null;
    const year = filter.year ?? null;
    if ((planId === null) === (year === null)) throw badInput('请选择一个工作要点或一个年度', 'planId');
    if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100))
      throw badInput('年度应在 2000 到 2100 之间', 'year');
    const today = shanghaiDate(this.clock.now());
    const [withReview, { rules, periods }] = await Promise.all([
      this.hasReviewTable(),
      this.tenantInputs(viewer.tenantId, planId, year, today),
    ]);
    return { tenantId: viewer.tenantId, planId, year, today, withReview, periods, rules };
  }

  /**
   * What a scorecard takes from the tenant, read in one statement (one snapshot) instead of three (four
   * for a plan): the score rules, the settings and calendar revision that give the report cycle and working
   * days, and the plan's year. From them, the report periods the scope's two plan years can owe reports in:
   * from the start of the year before to today (none without a cycle).
   */
  private async tenantInputs(
    tenantId: string,
    planId: string | null,
    year: number | null,
    today: string,
  ): Promise<{ rules: ScoreRules; periods: ScorecardScope['periods'] }> {
    const row = await one<{
      settings: Record<string, unknown> | null;
      score_rules_version: number;
      calendar_revision: string;
      plan_year: number | null;
    }>(
      this.dataSource,
      `SELECT t.settings, t.score_rules_version, ${CalendarService.revisionSql('$1')} AS calendar_revision,
              (SELECT p.year FROM plan p WHERE p.tenant_id = $1 AND p.id = $2) AS plan_year
         FROM tenant t WHERE t.id = $1`,
      [tenantId, planId],
    );
    if (!row) throw notFound('机构');
    const stored = row.settings?.scoreRules as Record<string, unknown> | undefined;
    const { rules } = storedScoreRules(stored, row.score_rules_version);
    const { reportCycle, calendar } = await this.taskRules.fromStored(tenantId, row.settings, row.calendar_revision);
    const planYear = planId ? row.plan_year : year;
    if (!reportCycle || !planYear) return { rules, periods: [] };
    const periods = reportPeriodsBetween(`${planYear - 1}-01-01`, today, reportCycle, calendar).map((p) => ({
      start: p.periodStart,
      deadline: p.deadline,
    }));
    return { rules, periods };
  }

  /** An empty scorecard for a plan id that is not the viewer's tenant's is NOT_FOUND, not "no units". */
  private async requirePlan(viewer: Viewer, scope: ScorecardScope): Promise<void> {
    if (!scope.planId) return;
    const plan = await one<{ '?column?': number }>(
      this.dataSource,
      `SELECT 1 FROM plan WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, scope.planId],
    );
    if (!plan) throw notFound('工作要点');
  }

  /**
   * One row per unit and period: each metric summed, and each score count summed twice, over the tasks
   * the unit leads and over those it is responsible for (lead tasks weigh more in the rates).
   */
  private perUnitCte(tenantId: string, unitKind: UnitKind | null, params: SqlParams): string {
    const kind = unitKind ? `AND un.kind = ${params.add(unitKind)}` : '';
    const scoreCounts = [...new Set(Object.values(SCORE_COUNT_COLUMNS))].flatMap((col) => [
      `coalesce(sum(f.${col}) FILTER (WHERE f.role = 'LEAD'), 0)::int AS lead_${col}`,
      `coalesce(sum(f.${col}) FILTER (WHERE f.role = 'RESPONSIBLE'), 0)::int AS resp_${col}`,
    ]);
    return `per_unit AS (
        SELECT f.period, f.unit_id, un.name AS unit_name, ${SCORECARD_METRICS.map((m) => `sum(f.${m.column})::int AS ${m.column}`).join(', ')},
               ${scoreCounts.join(', ')}
          FROM facts f JOIN unit un ON un.tenant_id = ${params.add(tenantId)}::uuid AND un.id = f.unit_id ${kind}
         GROUP BY f.period, f.unit_id, un.name
      )`;
  }

  private hasReviewTable(): Promise<boolean> {
    // Tables come only from migrations, which run before the app starts: one look per process.
    this.reviewTable ??= one<{ present: boolean }>(
      this.dataSource,
      `SELECT to_regclass('review_item') IS NOT NULL AS present`,
    ).then((r) => !!r?.present);
    return this.reviewTable;
  }
}

/** Units without a score yet come after every ranked unit. */
const rankKey = (row: ScorecardRowModel) => row.rank ?? 2147483647;

/** Scores every unit of each period with the domain's rules, ranks each period, and pairs a unit with its previous year. */
export function rankRows(perUnit: PerUnitRow[], rules: ScoreRules, year: number | null): Ranking {
  const ranked = (period: 'cur' | 'prev') =>
    rankUnits(
      perUnit
        .filter((r) => r.period === period)
        .map((r) => {
          const byRole = (prefix: 'lead' | 'resp') =>
            Object.fromEntries(
              Object.entries(SCORE_COUNT_COLUMNS).map(([key, col]) => [key, r[`${prefix}_${col}`] ?? 0]),
            ) as ScoreCounts;
          return { row: r, ...computeScore({ asLead: byRole('lead'), asResponsible: byRole('resp') }, rules) };
        }),
    );
  const previous = new Map(ranked('prev').map((p) => [p.row.unit_id, p]));
  const rows = ranked('cur').map(({ row, score, rank, breakdown }): ScorecardRowModel => {
    const prev = previous.get(row.unit_id);
    const previousScore = prev?.score ?? null;
    return {
      unitId: row.unit_id,
      unitName: row.unit_name,
      counts: Object.fromEntries(SCORECARD_METRICS.map((m) => [m.field, row[m.column] ?? 0])) as ScorecardCounts,
      score,
      rank,
      breakdown,
      previousScore,
      previousRank: prev?.rank ?? null,
      scoreChange: previousScore == null || score == null ? null : roundScore(score - previousScore),
    };
  });
  return { year, rankedUnits: rows.filter((r) => r.rank !== null).length, rows };
}
