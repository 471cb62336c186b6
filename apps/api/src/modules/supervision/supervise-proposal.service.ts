import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput } from '../../common/app-error.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from '../../common/pagination.js';
import { one, rows } from '../../common/sql.js';
import { requireRole, type Viewer } from '../../common/viewer.js';
import { toUrgeModel, URGE_SELECT, type UrgeModel } from './dto/urge.model.js';
import { isUuid } from '../../common/validation.js';


/**
 * 拟督办名单: tasks the ladder proposed for formal supervision and that are still not done — what
 * the next 通报 should name. Oldest proposal first (longest waiting).
 */
@Injectable()
export class SuperviseProposalService {
  constructor(private readonly dataSource: DataSource) {}

  async list(viewer: Viewer, first: number | null | undefined, after: string | null | undefined): Promise<Connection<UrgeModel>> {
    requireRole(viewer, ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'], '只有政务公开办公室和领导可以查看拟督办名单');
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    const base = `g.tenant_id = $1 AND g.level = 'SUPERVISE' AND t.status NOT IN ('DONE', 'CLOSED')`;
    const params: unknown[] = [viewer.tenantId];
    let where = base;
    if (cursor) {
      if (typeof cursor[0] !== 'string' || Number.isNaN(Date.parse(cursor[0])) || typeof cursor[1] !== 'string' || !isUuid(cursor[1])) {
        throw badInput('分页游标无效，请刷新后重试', 'after');
      }
      params.push(cursor[0], cursor[1]);
      where += ` AND (g.created_at, g.id) > ($2::timestamptz, $3::uuid)`;
    }
    const join = `JOIN task t ON t.tenant_id = g.tenant_id AND t.id = g.task_id`;
    const [found, count] = await Promise.all([
      rows(
        this.dataSource,
        `${URGE_SELECT.replace('SELECT g.*', 'SELECT g.*, g.created_at::text AS cursor_at')} ${join} WHERE ${where} ORDER BY g.created_at, g.id LIMIT ${limit + 1}`,
        params,
      ),
      one<{ n: number }>(this.dataSource, `SELECT count(*)::int AS n FROM urge g ${join} WHERE ${base}`, [viewer.tenantId]),
    ]);
    const page = found.slice(0, limit);
    const last = page[page.length - 1];
    return {
      nodes: page.map(toUrgeModel),
      totalCount: count?.n ?? 0,
      pageInfo: { hasNextPage: found.length > limit, endCursor: last ? encodeCursor([last.cursor_at, last.id]) : null },
    };
  }
}
