import { Injectable } from '@nestjs/common';
import { scoreWeights, shanghaiDate, type ScoreRules } from '@duban/domain';
import { DataSource } from 'typeorm';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { decodeCursor, encodeCursor, pageSize } from '../../common/pagination.js';
import { one, rows } from '../../common/sql.js';
import { isUnitUser, readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { SqlParams } from '../task/sql-params.js';
import { toTaskModel } from '../task/dto/task.model.js';
import { uuidArg } from '../task/task-query.js';
import type { UnitKind } from '../unit/unit.entity.js';
import type { ScorecardConnection, ScorecardRowModel } from './dto/scorecard-row.model.js';
import type { ScorecardTaskConnection } from './dto/scorecard-task.model.js';
import { metricColumn, SCORE_COUNT_COLUMNS, SCORECARD_METRICS, type ScorecardCounts, type ScorecardMetric } from './scorecard-metrics.js';
import { RankingCache, rulesKey, type Ranking } from './scorecard-cache.js';
import { scorecardFacts, type ScorecardScope } from './scorecard-sql.js';
import { ScoreRulesService } from './score-rules.service.js';

export interface ScorecardFilter {
  planId?: string | null;
  year?: number | null;
  unitKind?: UnitKind | null;
}

const SCORECARD_PAGE = 200;

/**
 * The scorecard: counts, score and rank for every unit, in one SQL statement over the whole tenant
 * (weights passed as parameters from the domain's scoreWeights, so the formula lives in one place).
 */
@Injectable()
export class ScorecardService {
  private reviewTable: Promise<boolean> | null = null;
  private readonly cache: RankingCache;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scoreRules: ScoreRulesService,
    private readonly clock: Clock,
  ) {
    this.cache = new RankingCache(dataSource);
  }

  /**
   * Office and leadership see every unit; a unit user sees their own row (with its rank among all).
   * The ranking is the same for every viewer of a tenant, so it is computed once and cached (see
   * scorecard-cache.ts); only the viewer's filter and the page are applied here.
   */
  async scorecard(viewer: Viewer, filter: ScorecardFilter, page: { first?: number | null; after?: string | null } = {}): Promise<ScorecardConnection> {
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
      pageInfo: { hasNextPage: found.length > limit, endCursor: last ? encodeCursor([String(last.rank), last.unitName, last.unitId]) : null },
    };
  }

  /** Every row (for the xlsx export), ranked; office and leadership only. */
  async allRows(viewer: Viewer, filter: ScorecardFilter): Promise<{ rows: ScorecardRowModel[]; year: number | null; rules: ScoreRules }> {
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
    args: { unitId: string; metric: ScorecardMetric; filter: ScorecardFilter; first?: number | null; after?: string | null },
  ): Promise<ScorecardTaskConnection> {
    const unitId = uuidArg(args.unitId, 'unitId');
    const onlyUnit = this.rowScope(viewer);
    if (onlyUnit && onlyUnit !== unitId) throw forbidden('只能查看本单位的考核明细');
    const unit = await one(this.dataSource, `SELECT 1 FROM unit WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, unitId]);
    if (!unit) throw notFound('单位');
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, 2);
    const scope = await this.scope(viewer, args.filter);
    const params = new SqlParams();
    const facts = scorecardFacts(scope, params);
    const column = metricColumn(args.metric);
    const keyset = cursor ? `AND (t.due_date, t.id) > (${params.add(cursor[0])}::date, ${params.add(uuidArg(String(cursor[1]), 'after'))}::uuid)` : '';
    const found = await rows(
      this.dataSource,
      `WITH ${facts},
       hits AS (SELECT f.task_id, f.${column} AS n, count(*) OVER ()::int AS total_count FROM facts f
                 WHERE f.period = 'cur' AND f.unit_id = ${params.add(unitId)}::uuid AND f.${column} > 0)
       SELECT t.*, h.n AS metric_count, h.total_count, t.due_date::text AS cursor_due
         FROM hits h JOIN task t ON t.tenant_id = ${params.add(viewer.tenantId)} AND t.id = h.task_id
        WHERE true ${keyset}
        ORDER BY t.due_date, t.id LIMIT ${limit + 1}`,
      params.values,
    );
    if (found.length === 0) await this.requirePlan(viewer, scope);
    const pageRows = found.slice(0, limit);
    const last = pageRows[pageRows.length - 1];
    return {
      nodes: pageRows.map((r) => ({ task: toTaskModel(r), count: r.metric_count })),
      totalCount: found[0]?.total_count ?? 0,
      pageInfo: { hasNextPage: found.length > limit, endCursor: last ? encodeCursor([last.cursor_due, last.id]) : null },
    };
  }

  /**
   * Every unit's row of the scope, ranked: from the cache while no write has committed since it was
   * computed, else computed in one statement that also reads the tenant's revision (same snapshot).
   */
  private async ranking(scope: ScorecardScope, unitKind: UnitKind | null): Promise<Ranking> {
    const { rules } = await this.scoreRules.get(scope.tenantId);
    const params = new SqlParams();
    const sql = `WITH ${scorecardFacts(scope, params)},
      ${this.rankedCtes(scope.tenantId, rules, unitKind, params)},
      cur AS (
        SELECT c.*, un.name AS unit_name, p.score AS prev_score, p.rank AS prev_rank
          FROM ranked c
          JOIN unit un ON un.tenant_id = ${params.add(scope.tenantId)} AND un.id = c.unit_id
          LEFT JOIN ranked p ON p.period = 'prev' AND p.unit_id = c.unit_id
         WHERE c.period = 'cur'
      )
      SELECT (SELECT coalesce((SELECT r.revision FROM scorecard_revision r WHERE r.tenant_id = ${params.add(scope.tenantId)}), 0)) AS revision,
             (SELECT y FROM period_year) AS year,
             coalesce(json_agg(cur ORDER BY cur.rank, cur.unit_name, cur.unit_id), '[]') AS rows
        FROM cur`;
    const key = {
      tenantId: scope.tenantId,
      scope: `${scope.planId ? `plan:${scope.planId}` : `year:${scope.year}`};kind:${unitKind ?? '*'}`,
      today: scope.today,
      rulesKey: rulesKey(rules, sql),
    };
    const cached = await this.cache.read(key);
    if (cached) return cached;
    const computed = (await one<{ revision: string; year: number | null; rows: Record<string, any>[] }>(this.dataSource, sql, params.values))!;
    const ranking: Ranking = { year: computed.year, rankedUnits: computed.rows[0]?.ranked_units ?? 0, rows: computed.rows.map(toRow) };
    // Nothing for a plan id is (almost always) someone else's or a deleted plan: not worth a cache row.
    if (ranking.rows.length > 0 || !scope.planId) await this.cache.write(key, computed.revision, ranking);
    return ranking;
  }

  /**
   * How many rows come at or before the keyset cursor (rank, unit name, unit id). The cursor is
   * normally a row of this same ranking; otherwise PostgreSQL compares, so that unit names order by
   * the database's collation exactly as the ORDER BY that ranked them (and bad values fail as before).
   */
  private async rowsUpTo(ranked: ScorecardRowModel[], after: readonly [unknown, unknown, string]): Promise<number> {
    const at = ranked.findIndex((r) => String(r.rank) === after[0] && r.unitName === after[1] && r.unitId === after[2]);
    if (at >= 0) return at + 1;
    const first = await one<{ n: number | null }>(
      this.dataSource,
      `SELECT min(r.n)::int AS n FROM unnest($1::int[], $2::text[], $3::uuid[]) WITH ORDINALITY AS r(rank, unit_name, unit_id, n)
        WHERE (r.rank, r.unit_name, r.unit_id) > ($4::int, $5::text, $6::uuid)`,
      [ranked.map((r) => r.rank), ranked.map((r) => r.unitName), ranked.map((r) => r.unitId), ...after],
    );
    return first?.n == null ? ranked.length : first.n - 1;
  }

  /** null: every unit; a unit id: only that unit's row. */
  private rowScope(viewer: Viewer): string | null {
    if (readsWholeTenant(viewer)) return null;
    if (isUnitUser(viewer) && viewer.unitId) return viewer.unitId;
    throw forbidden();
  }

  private async scope(viewer: Viewer, filter: ScorecardFilter): Promise<ScorecardScope> {
    const planId = filter.planId ? uuidArg(filter.planId, 'planId') : null;
    const year = filter.year ?? null;
    if ((planId === null) === (year === null)) throw badInput('请选择一个工作要点或一个年度', 'planId');
    if (year !== null && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw badInput('年度应在 2000 到 2100 之间', 'year');
    return { tenantId: viewer.tenantId, planId, year, today: shanghaiDate(this.clock.now()), withReview: await this.hasReviewTable() };
  }

  /** An empty scorecard for a plan id that is not the viewer's tenant's is NOT_FOUND, not "no units". */
  private async requirePlan(viewer: Viewer, scope: ScorecardScope): Promise<void> {
    if (!scope.planId) return;
    const plan = await one(this.dataSource, `SELECT 1 FROM plan WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, scope.planId]);
    if (!plan) throw notFound('工作要点');
  }

  /**
   * per_unit sums each metric, and each score count split by the unit's role on the task; the score
   * rounds every rule's points to 2 decimals like the domain's computeScore (half up: floor(x·100+0.5)).
   */
  private rankedCtes(tenantId: string, rules: ScoreRules, unitKind: UnitKind | null, params: SqlParams): string {
    const { base, minScore, weights } = scoreWeights(rules);
    const lead = params.add(weights.map((w) => String(w.asLead)));
    const responsible = params.add(weights.map((w) => String(w.asResponsible)));
    const points = weights.map((w, i) => {
      const col = SCORE_COUNT_COLUMNS[w.count];
      return `floor((coalesce(sum(f.${col}) FILTER (WHERE f.role = 'LEAD'), 0) * (${lead}::numeric[])[${i + 1}]
        + coalesce(sum(f.${col}) FILTER (WHERE f.role = 'RESPONSIBLE'), 0) * (${responsible}::numeric[])[${i + 1}]) * 100 + 0.5) / 100`;
    });
    const kind = unitKind ? `AND un.kind = ${params.add(unitKind)}` : '';
    return `per_unit AS (
        SELECT f.period, f.unit_id, ${SCORECARD_METRICS.map((m) => `sum(f.${m.column})::int AS ${m.column}`).join(', ')},
               ${params.add(String(base))}::numeric + ${points.join(' + ')} AS raw_score
          FROM facts f JOIN unit un ON un.tenant_id = ${params.add(tenantId)}::uuid AND un.id = f.unit_id ${kind}
         GROUP BY f.period, f.unit_id
      ),
      scored AS (
        SELECT pu.*, floor(greatest(${params.add(String(minScore))}::numeric, pu.raw_score) * 100 + 0.5) / 100 AS score FROM per_unit pu
      ),
      ranked AS (
        SELECT s.*, rank() OVER (PARTITION BY s.period ORDER BY s.score DESC)::int AS rank,
               count(*) OVER (PARTITION BY s.period)::int AS ranked_units
          FROM scored s
      )`;
  }

  private hasReviewTable(): Promise<boolean> {
    // Tables come only from migrations, which run before the app starts: one look per process.
    this.reviewTable ??= one<{ present: boolean }>(this.dataSource, `SELECT to_regclass('review_item') IS NOT NULL AS present`).then((r) => !!r?.present);
    return this.reviewTable;
  }
}

function toRow(r: Record<string, any>): ScorecardRowModel {
  const counts = Object.fromEntries(SCORECARD_METRICS.map((m) => [m.field, r[m.column] ?? 0])) as ScorecardCounts;
  const score = Number(r.score);
  const previousScore = r.prev_score == null ? null : Number(r.prev_score);
  return {
    unitId: r.unit_id,
    unitName: r.unit_name,
    counts,
    score,
    rank: r.rank,
    previousScore,
    previousRank: r.prev_rank ?? null,
    scoreChange: previousScore == null ? null : Math.round((score - previousScore) * 100) / 100,
  };
}
