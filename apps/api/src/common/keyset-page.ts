import type { DataSource } from 'typeorm';
import { badInput } from './app-error.js';
import { decodeCursor, encodeCursor, pageSize, type Connection } from './pagination.js';
import { one, rows, type Queryable, type SqlParams } from './sql.js';
import { uuidArg } from './validation.js';

/** A sort key: the SQL expression and the type its cursor value is cast back to. */
export interface SortKey {
  expr: string;
  cast: 'date' | 'text' | 'int' | 'timestamptz';
}

// What each cast accepts, so a tampered cursor is bad input rather than a PostgreSQL cast error.
const CURSOR_VALUE: Record<SortKey['cast'], RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  int: /^-?\d{1,9}$/,
  text: /^[\s\S]{0,500}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
};

/** The select-list name of the total a page query carries (Keyset.fetch); no table has such a column. */
const TOTAL = 'keyset_total_';

export interface KeysetOptions {
  /** The sort keys, most significant first; the row's id breaks ties so every row has one place. */
  keys: SortKey[];
  /** The id column of the listed table, e.g. `t.id`. */
  id: string;
  descending: boolean;
  first?: number | null;
  after?: string | null;
  /** Page size when the client names none. */
  defaultSize?: number;
}

/**
 * Keyset pagination for every list: `ORDER BY keys…, id LIMIT n+1`, rows strictly after the cursor,
 * and the cursor of the page's last row. Cursors carry each key as PostgreSQL text (timestamps keep
 * their microseconds, which a JS Date would drop) and are opaque to clients.
 *
 *   const ks = new Keyset({ keys, id: 't.id', descending: false, first, after });
 *   SELECT t.*, ${ks.columns} FROM task t WHERE … AND ${ks.after(params)} ORDER BY ${ks.orderBy} ${ks.limit}
 *   return ks.page(found, totalCount, toTaskModel);
 */
export class Keyset {
  readonly size: number;
  private readonly cursor: string[] | null;

  constructor(private readonly options: KeysetOptions) {
    this.size = pageSize(options.first, options.defaultSize);
    const cursor = decodeCursor(options.after, options.keys.length + 1);
    // Older cursors carried numbers for int keys; they are accepted as their text.
    const values = cursor?.map((v) => (typeof v === 'number' ? String(v) : v));
    if (
      values &&
      (values.some((v) => typeof v !== 'string') ||
        !options.keys.every((k, i) => CURSOR_VALUE[k.cast].test(values[i] as string)))
    ) {
      throw badInput('分页游标无效，请刷新后重试', 'after');
    }
    this.cursor = (values as string[] | undefined) ?? null;
  }

  /** Select-list entries exposing each key as text, for the next cursor. */
  get columns(): string {
    return this.options.keys.map((k, i) => `(${k.expr})::text AS cursor_${i}`).join(', ');
  }

  get orderBy(): string {
    const dir = this.options.descending ? 'DESC' : 'ASC';
    return [...this.options.keys.map((k) => `${k.expr} ${dir}`), `${this.options.id} ${dir}`].join(', ');
  }

  /** One row more than the page, to know whether another page follows. */
  get limit(): string {
    return `LIMIT ${this.size + 1}`;
  }

  /** The condition for rows strictly after the cursor in the sort order; TRUE on the first page. */
  after(params: SqlParams): string {
    if (!this.cursor) return 'TRUE';
    const { keys, id, descending } = this.options;
    const left = [...keys.map((k) => `(${k.expr})`), id].join(', ');
    const right = [
      ...keys.map((k, i) => `${params.add(this.cursor![i])}::${k.cast}`),
      `${params.add(uuidArg(this.cursor[keys.length]!, 'after'))}::uuid`,
    ];
    return `(${left}) ${descending ? '<' : '>'} (${right.join(', ')})`;
  }

  /**
   * The page's rows and the filter's total in one statement: the count rides in the page query as an
   * uncorrelated scalar subquery (one InitPlan, run once, in the page's snapshot), so a list costs one
   * statement and one transaction instead of two side by side. `pageSql(total)` is the page query with
   * `total` among its select-list entries; `countSql` uses the first `countParams` of `params` only.
   * An empty page past a cursor says nothing of the total, so only then is it counted on its own.
   */
  async fetch<R extends object>(
    db: Queryable,
    pageSql: (total: string) => string,
    countSql: string,
    params: unknown[],
    countParams: number,
  ): Promise<{ found: R[]; totalCount: number }> {
    const found = await rows<R & { [TOTAL]: number }>(db, pageSql(`(${countSql}) AS ${TOTAL}`), params);
    if (found.length) return { found, totalCount: found[0]![TOTAL] };
    // No row and no cursor: the page's filter is the count's, so nothing matches.
    if (!this.cursor) return { found, totalCount: 0 };
    return { found, totalCount: (await one<{ n: number }>(db, countSql, params.slice(0, countParams)))?.n ?? 0 };
  }

  /** The page from the fetched rows (at most size + 1, selected with `columns`). */
  page<R extends object, T>(found: R[], totalCount: number, map: (row: R) => T): Connection<T> {
    const list = found.slice(0, this.size);
    const last = list[list.length - 1] as Record<string, unknown> | undefined;
    const endCursor = last ? encodeCursor([...this.options.keys.map((_, i) => last[`cursor_${i}`]), last.id]) : null;
    return { nodes: list.map(map), totalCount, pageInfo: { hasNextPage: found.length > this.size, endCursor } };
  }
}

export interface CreationOrderQuery<R, T> {
  /** `SELECT alias.*, … FROM table alias JOIN …` (no WHERE). */
  select: string;
  /** `FROM table alias JOIN …` for the count. */
  from: string;
  alias: string;
  where: string[];
  params: SqlParams;
  first?: number | null;
  after?: string | null;
  defaultSize?: number;
  /** Oldest first instead (a queue read in the order it filled). */
  oldestFirst?: boolean;
  map: (row: R) => T;
}

/** A page of a table's rows by (created_at, id), newest first unless asked, with the total count of the filter. */
export async function creationOrderPage<R extends object, T>(
  db: DataSource,
  q: CreationOrderQuery<R, T>,
): Promise<Connection<T>> {
  const ks = new Keyset({
    keys: [{ expr: `${q.alias}.created_at`, cast: 'timestamptz' }],
    id: `${q.alias}.id`,
    descending: !q.oldestFirst,
    first: q.first,
    after: q.after,
    defaultSize: q.defaultSize,
  });
  const filter = q.where.join(' AND ');
  const countParams = q.params.values.length;
  const after = ks.after(q.params);
  const { found, totalCount } = await ks.fetch<R>(
    db,
    (total) =>
      `${q.select.replace(/^SELECT /, `SELECT ${ks.columns}, ${total}, `)} WHERE ${filter} AND ${after} ORDER BY ${ks.orderBy} ${ks.limit}`,
    `SELECT count(*)::int AS n ${q.from} WHERE ${filter}`,
    q.params.values,
    countParams,
  );
  return ks.page(found, totalCount, q.map);
}
