import type { DataSource } from 'typeorm';
import { badInput } from './app-error.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from './pagination.js';
import { one, rows, type SqlParams } from './sql.js';
import { uuidArg } from './validation.js';

export interface NewestFirstQuery<T> {
  /** `SELECT alias.*, … FROM table alias JOIN …` (no WHERE). */
  select: string;
  /** `FROM table alias JOIN …` for the count. */
  from: string;
  alias: string;
  where: string[];
  params: SqlParams;
  first?: number | null;
  after?: string | null;
  map: (row: Record<string, any>) => T;
}

/** A keyset page ordered by (created_at, id) descending, with the total count of the filter. */
export async function newestFirstPage<T>(db: DataSource, q: NewestFirstQuery<T>): Promise<Connection<T>> {
  const limit = pageSize(q.first);
  const cursor = decodeCursor(q.after, 2);
  const where = [...q.where];
  const countSql = `SELECT count(*)::int AS n ${q.from} WHERE ${where.join(' AND ')}`;
  const countParams = [...q.params.values];
  if (cursor) {
    const [at, id] = cursor;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || typeof id !== 'string') throw badInput('分页游标无效，请刷新后重试', 'after');
    where.push(`(${q.alias}.created_at, ${q.alias}.id) < (${q.params.add(at)}::timestamptz, ${q.params.add(uuidArg(id, 'after'))}::uuid)`);
  }
  const [found, count] = await Promise.all([
    rows(
      db,
      `${q.select.replace(/^SELECT /, `SELECT ${q.alias}.created_at::text AS cursor_at, `)} WHERE ${where.join(' AND ')}
        ORDER BY ${q.alias}.created_at DESC, ${q.alias}.id DESC LIMIT ${limit + 1}`,
      q.params.values,
    ),
    one<{ n: number }>(db, countSql, countParams),
  ]);
  const page = found.slice(0, limit);
  const last = page[page.length - 1];
  return {
    nodes: page.map(q.map),
    totalCount: count?.n ?? 0,
    pageInfo: { hasNextPage: found.length > limit, endCursor: last ? encodeCursor([last.cursor_at, last.id]) : null },
  };
}
