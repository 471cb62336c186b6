import type { DataSource, EntityManager } from 'typeorm';

export type Queryable = Pick<DataSource | EntityManager, 'query'>;

/**
 * Rows of a raw query, whatever the statement. TypeORM's postgres driver returns `[rows, affected]`
 * for UPDATE and DELETE but plain rows for SELECT and INSERT; callers should not have to care.
 */
export async function rows<T = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const result = await db.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number')
    return result[0];
  return result;
}

export async function one<T = Record<string, unknown>>(
  db: Queryable,
  sql: string,
  params: unknown[] = [],
): Promise<T | undefined> {
  return (await rows<T>(db, sql, params))[0];
}

/**
 * Collects bind parameters while a query is assembled from fragments, so predicate builders can be
 * combined without counting `$n` by hand.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(initial: unknown[] = []) {
    this.values.push(...initial);
  }

  /** Adds a value and returns its placeholder (`$n`). */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A row read as JSON (to_jsonb/row_to_json), with its instants (`…_at`, text in JSON) as the Dates pg gives. */
export function fromJsonRow<R>(json: object): R {
  const row: Record<string, unknown> = { ...json };
  for (const [key, value] of Object.entries(row)) {
    if (key.endsWith('_at') && typeof value === 'string') row[key] = new Date(value);
  }
  return row as R;
}
