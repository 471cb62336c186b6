import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/app-error.js';
import { Keyset } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { taskVisibility } from '../task/index.js';
import {
  toProgressReportModel,
  type ProgressReportModel,
  type CursoredReportRow,
} from './dto/progress-report.model.js';
import type { PageArgs, ReportFilter } from './dto/reports.args.js';
import { isUuid } from '../../common/validation.js';

type Order = 'NEWEST_FIRST' | 'OLDEST_FIRST';

/** Reads of progress reports; every one goes through the task visibility rule. */
@Injectable()
export class ReportQueryService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    viewer: Viewer,
    filter: ReportFilter | null | undefined,
    page: PageArgs,
  ): Promise<Connection<ProgressReportModel>> {
    const params = new SqlParams([viewer.tenantId]);
    const where: string[] = [];
    if (filter?.status) where.push(`r.status = ${params.add(filter.status)}`);
    for (const [field, column] of [
      ['taskId', 'r.task_id'],
      ['unitId', 'r.unit_id'],
      ['planId', 't.plan_id'],
    ] as const) {
      const value = filter?.[field];
      if (value == null) continue;
      if (!isUuid(value)) throw badInput('筛选条件中的编号无效', field);
      where.push(`${column} = ${params.add(value)}`);
    }
    return this.page(viewer, params, where, page, 'NEWEST_FIRST');
  }

  /** The office's work list: reports waiting for it, oldest first so nothing waits forever. */
  reviewQueue(viewer: Viewer, page: PageArgs): Promise<Connection<ProgressReportModel>> {
    const params = new SqlParams([viewer.tenantId]);
    return this.page(viewer, params, [`r.status = 'PENDING_OFFICE'`], page, 'OLDEST_FIRST');
  }

  /** A unit leader's work list: the unit's reports waiting for approval (not the co-units it coordinates). */
  leaderQueue(viewer: Viewer, page: PageArgs): Promise<Connection<ProgressReportModel>> {
    const params = new SqlParams([viewer.tenantId]);
    return this.page(
      viewer,
      params,
      [`r.status = 'PENDING_LEADER'`, `r.unit_id = ${params.add(viewer.unitId)}`],
      page,
      'OLDEST_FIRST',
    );
  }

  async byId(viewer: Viewer, id: string): Promise<ProgressReportModel> {
    if (!isUuid(id)) throw notFound('进展报告');
    const params = new SqlParams([viewer.tenantId, id]);
    const row = await one<CursoredReportRow>(
      this.dataSource,
      `SELECT r.*, r.submitted_at::text AS cursor_at FROM progress_report r
         JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
        WHERE r.tenant_id = $1 AND r.id = $2 AND ${taskVisibility(viewer, params, 't')}`,
      params.values,
    );
    if (!row) throw notFound('进展报告');
    return toProgressReportModel(row);
  }

  /**
   * One statement per page: the filtered set, its size, and the page after the keyset cursor
   * (submitted_at as text keeps microseconds that a JS Date would drop).
   */
  private async page(
    viewer: Viewer,
    params: SqlParams,
    where: string[],
    page: PageArgs,
    order: Order,
  ): Promise<Connection<ProgressReportModel>> {
    const ks = new Keyset({
      keys: [{ expr: 'b.submitted_at', cast: 'timestamptz' }],
      id: 'b.id',
      descending: order === 'NEWEST_FIRST',
      first: page.first,
      after: page.after,
    });
    const after = ks.after(params);
    const visible = taskVisibility(viewer, params, 't');
    const found = await rows<Partial<CursoredReportRow> & { total_count: number }>(
      this.dataSource,
      `WITH base AS (
         SELECT r.*, r.submitted_at::text AS cursor_at FROM progress_report r
           JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
          WHERE r.tenant_id = $1 AND ${visible} ${where.map((w) => `AND ${w}`).join(' ')}
       )
       SELECT p.*, c.total_count FROM (SELECT count(*)::int AS total_count FROM base) c
         LEFT JOIN LATERAL (
           SELECT b.*, ${ks.columns} FROM base b WHERE ${after} ORDER BY ${ks.orderBy} ${ks.limit}
         ) p ON TRUE`,
      params.values,
    );
    // The LEFT JOIN LATERAL gives one row without a report when the page is empty: it carries only the count.
    return ks.page(
      found.filter((r): r is CursoredReportRow & { total_count: number } => !!r.id),
      found[0]?.total_count ?? 0,
      toProgressReportModel,
    );
  }
}
