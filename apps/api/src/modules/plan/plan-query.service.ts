import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { Keyset } from '../../common/keyset-page.js';
import type { Connection } from '../../common/pagination.js';
import { one, rows, SqlParams } from '../../common/sql.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import type { PlansArgs } from './dto/plan.args.js';
import { PLAN_READ_COLUMNS, toPlanModel, type PlanModel, type PlanRow } from './dto/plan.model.js';

/** Reading plans: office and leadership see drafts too; units see published plans only. */
@Injectable()
export class PlanQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest year first; the cursor keeps created_at as PostgreSQL text so microseconds survive. */
  async plans(viewer: Viewer, args: PlansArgs): Promise<Connection<PlanModel>> {
    const ks = new Keyset({
      keys: [
        { expr: 'year', cast: 'int' },
        { expr: 'created_at', cast: 'timestamptz' },
      ],
      id: 'id',
      descending: true,
      first: args.first,
      after: args.after,
    });
    const params = new SqlParams([viewer.tenantId, args.year ?? null, args.status ?? null, readsWholeTenant(viewer)]);
    const filter = `tenant_id = $1 AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR status = $3)
      AND ($4::bool OR status <> 'DRAFT')`;
    const countParams = [...params.values];
    const keyset = ks.after(params);
    const [page, total] = await Promise.all([
      rows<PlanRow>(
        this.dataSource,
        `SELECT ${PLAN_READ_COLUMNS}, ${ks.columns} FROM plan WHERE ${filter} AND ${keyset} ORDER BY ${ks.orderBy} ${ks.limit}`,
        params.values,
      ),
      one<{ n: number }>(this.dataSource, `SELECT count(*)::int AS n FROM plan WHERE ${filter}`, countParams),
    ]);
    return ks.page(page, total?.n ?? 0, toPlanModel);
  }

  async plan(viewer: Viewer, id: string): Promise<PlanModel> {
    const row = await one<PlanRow>(this.dataSource, `SELECT * FROM plan WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      id,
    ]);
    if (!row || (!readsWholeTenant(viewer) && row.status === 'DRAFT')) throw notFound('计划');
    return toPlanModel(row);
  }
}
