import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { WARNING_LIGHTS, type WarningLightValue } from '../../common/enums.js';
import { one, rows } from '../../common/sql.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { toUnitModel, type UnitRow } from '../unit/index.js';

/** Counts of totalsSql: one `light_<light>` column per warning light. */
type DashboardTotalsRow = { total: number; overdue: number; due_soon: number } & Record<`light_${string}`, number>;
import type { DashboardModel } from './dto/dashboard.model.js';
import { overdueCondition } from './task-overdue.js';
import { TaskRulesService } from './task-rules.service.js';
import { SqlParams } from '../../common/sql.js';
import { uuidArg } from '../../common/validation.js';

export const DUE_SOON_WORKING_DAYS = 10;

/** Aggregates in SQL (a handful of statements whatever the tenant's size), never rows counted in Node. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: TaskRulesService,
    private readonly clock: Clock,
  ) {}

  async dashboard(viewer: Viewer, planId?: string | null): Promise<DashboardModel> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const { calendar } = await this.rules.forTenant(viewer.tenantId);
    const dueSoonUntil = calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);

    // Office and leadership: the whole tenant; unit users: their own unit's tasks only.
    const scope = (p: SqlParams) => {
      const parts = [`t.tenant_id = ${p.add(viewer.tenantId)}`];
      if (!readsWholeTenant(viewer)) parts.push(viewer.unitId ? `t.unit_id = ${p.add(viewer.unitId)}` : 'false');
      if (planId) parts.push(`t.plan_id = ${p.add(uuidArg(planId, 'planId'))}`);
      return parts.join(' AND ');
    };

    const counts = new SqlParams();
    const countScope = scope(counts);
    const overdue = overdueCondition(today, counts);
    const from = counts.add(today);
    const until = counts.add(dueSoonUntil);
    const totalsSql = `SELECT count(*)::int AS total,
        count(*) FILTER (WHERE ${overdue})::int AS overdue,
        count(*) FILTER (WHERE t.status NOT IN ('DONE','CLOSED') AND t.due_date BETWEEN ${from}::date AND ${until}::date)::int AS due_soon,
        ${WARNING_LIGHTS.map((l) => `count(*) FILTER (WHERE t.light = '${l}')::int AS light_${l.toLowerCase()}`).join(', ')}
      FROM task t WHERE ${countScope}`;

    const pending = new SqlParams();
    const pendingScope = scope(pending);
    const pendingSql = `SELECT
        (SELECT count(*)::int FROM progress_report r JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
          WHERE ${pendingScope} AND r.status = 'PENDING_OFFICE') AS reports,
        (SELECT count(*)::int FROM delay_request d JOIN task t ON t.tenant_id = d.tenant_id AND t.id = d.task_id
          WHERE ${pendingScope} AND d.status = 'PENDING') AS delays`;

    const top = new SqlParams();
    const topScope = scope(top);
    const topSql = `SELECT u.*, c.n FROM (
        SELECT t.unit_id, count(*)::int AS n FROM task t WHERE ${topScope} AND ${overdueCondition(today, top)} GROUP BY t.unit_id
      ) c JOIN unit u ON u.tenant_id = ${top.add(viewer.tenantId)} AND u.id = c.unit_id
      ORDER BY c.n DESC, u.sort, u.name LIMIT 10`;

    const [totals, waiting, units] = await Promise.all([
      one<DashboardTotalsRow>(this.dataSource, totalsSql, counts.values),
      one<{ reports: number; delays: number }>(this.dataSource, pendingSql, pending.values),
      rows<UnitRow & { n: number }>(this.dataSource, topSql, top.values),
    ]);
    return {
      totalTasks: totals!.total,
      lights: WARNING_LIGHTS.map((light: WarningLightValue) => ({
        light,
        count: totals![`light_${light.toLowerCase()}`],
      })),
      overdueCount: totals!.overdue,
      dueSoonCount: totals!.due_soon,
      dueSoonUntil,
      reportsWaitingReview: waiting!.reports,
      delayRequestsWaiting: waiting!.delays,
      unitsMostOverdue: units.map((u) => ({ unit: toUnitModel(u), overdueCount: u.n })),
    };
  }
}
