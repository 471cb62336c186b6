import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from '../../common/pagination.js';
import { one, rows } from '../../common/sql.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import type { PlansArgs } from './dto/plan.args.js';
import { toPlanModel, type PlanModel } from './dto/plan.model.js';

/** Reading plans: office and leadership see drafts too; units see published plans only. */
@Injectable()
export class PlanQueryService {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest year first; the cursor keeps created_at as PostgreSQL text so microseconds survive. */
  async plans(viewer: Viewer, args: PlansArgs): Promise<Connection<PlanModel>> {
    const limit = pageSize(args.first, 50);
    const after = decodeCursor(args.after, 3);
    const params: unknown[] = [viewer.tenantId, args.year ?? null, args.status ?? null, readsWholeTenant(viewer)];
    const filter = `tenant_id = $1 AND ($2::int IS NULL OR year = $2) AND ($3::text IS NULL OR status = $3)
      AND ($4::bool OR status <> 'DRAFT')`;
    let keyset = '';
    if (after) {
      params.push(after[0], after[1], after[2]);
      keyset = `AND (year, created_at, id) < ($5::int, $6::timestamptz, $7::uuid)`;
    }
    const [page, total] = await Promise.all([
      rows(this.dataSource, `SELECT *, created_at::text AS created_key FROM plan WHERE ${filter} ${keyset} ORDER BY year DESC, created_at DESC, id DESC LIMIT ${limit + 1}`, params),
      one<{ n: number }>(this.dataSource, `SELECT count(*)::int AS n FROM plan WHERE ${filter}`, params.slice(0, 4)),
    ]);
    const nodes = page.slice(0, limit);
    const last = nodes.at(-1);
    return {
      nodes: nodes.map(toPlanModel),
      totalCount: total?.n ?? 0,
      pageInfo: {
        hasNextPage: page.length > limit,
        endCursor: last ? encodeCursor([last.year, last.created_key, last.id]) : null,
      },
    };
  }

  async plan(viewer: Viewer, id: string): Promise<PlanModel> {
    const row = await one(this.dataSource, `SELECT * FROM plan WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, id]);
    if (!row || (!readsWholeTenant(viewer) && row.status === 'DRAFT')) throw notFound('计划');
    return toPlanModel(row);
  }
}
