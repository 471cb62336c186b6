import type pg from 'pg';

export interface RowWriter {
  who: string;
  tenant: string | null;
}

/**
 * Records who inserts rows into `table`: the database role and the tenant setting of the writing
 * transaction, so a test can tell that a request or a job wrote in its tenant's row-level-security scope.
 * Returns a reader of the distinct writers so far.
 */
export async function recordWriters(db: pg.Pool, table: string): Promise<() => Promise<RowWriter[]>> {
  const log = `${table}_writers`;
  await db.query(`CREATE TABLE ${log} (who name, tenant text)`);
  await db.query(`CREATE FUNCTION record_${log}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN INSERT INTO ${log} VALUES (current_user, current_setting('duban.tenant_id', true)); RETURN NULL; END $$`);
  await db.query(`CREATE TRIGGER record_${log} AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION record_${log}()`);
  return async () => (await db.query(`SELECT DISTINCT who::text AS who, tenant FROM ${log} ORDER BY tenant`)).rows;
}
