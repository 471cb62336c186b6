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

/** table → md5 of all of a tenant's rows (and the tenant row itself): equal maps mean nothing of it changed. */
export async function tenantChecksum(db: pg.Pool, tenantId: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tenant = await db.query(`SELECT md5(t::text) AS sum FROM tenant t WHERE id = $1`, [tenantId]);
  out.tenant = tenant.rows[0]?.sum ?? '';
  for (const table of await tenantTables(db)) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM ${table} x WHERE tenant_id = $1`,
      [tenantId],
    );
    out[table] = `${rows[0].n}:${rows[0].sum}`;
  }
  return out;
}

/** The tables whose checksum differs, for a readable failure. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]);
}
