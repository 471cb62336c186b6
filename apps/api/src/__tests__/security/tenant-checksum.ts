import type pg from 'pg';

/** Sessions change on every request (last seen); they are the caller's own rows, not the victim's data. */
const VOLATILE = new Set(['user_session', 'scorecard_cache']);

/** Every table of the public schema with a tenant_id column (found at run time, so new tables are covered). */
export async function tenantTables(db: pg.Pool): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE' ORDER BY 1`,
  );
  return rows.map((r: { table_name: string }) => r.table_name).filter((name: string) => !VOLATILE.has(name));
}

const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * One statement for the whole checksum: the isolation and fuzz files take it before and after each of
 * thousands of requests, and a statement per table (some eighty) made the round trips most of their
 * time. Built once per database (a test file's schema does not change under it).
 */
const statements = new WeakMap<pg.Pool, Promise<string>>();
function checksumStatement(db: pg.Pool): Promise<string> {
  let statement = statements.get(db);
  if (!statement) {
    statement = tenantTables(db).then((tables) =>
      [
        `SELECT 'tenant' AS name, NULL::int AS n, md5(t::text) AS sum FROM tenant t WHERE id = $1`,
        ...tables.map(
          (table) =>
            `SELECT ${literal(table)}, count(*)::int, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) FROM ${quoted(table)} x WHERE tenant_id = $1`,
        ),
      ].join('\nUNION ALL\n'),
    );
    statements.set(db, statement);
  }
  return statement;
}

/** table → md5 of all of a tenant's rows (and the tenant row itself): equal maps mean nothing of it changed. */
export async function tenantChecksum(db: pg.Pool, tenantId: string): Promise<Record<string, string>> {
  const { rows } = await db.query<{ name: string; n: number | null; sum: string }>(await checksumStatement(db), [
    tenantId,
  ]);
  const out: Record<string, string> = { tenant: '' };
  for (const { name, n, sum } of rows) out[name] = name === 'tenant' ? sum : `${n}:${sum}`;
  return out;
}

/** The tables whose checksum differs, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}
