/**
 * PostgreSQL row-level security on every tenant-owned table: the structural backstop under the
 * `tenant_id = $1` every query writes by hand.
 *
 * Superusers and table owners bypass row-level security, and the app connects as one of them. So a
 * NOLOGIN role, granted to the app's user, holds the table privileges; a transaction acting for a
 * tenant switches to it and sets the tenant (both transaction-local, see tenant-query-runner.ts), and
 * the policy below lets it see and write only that tenant's rows. Without a tenant set it sees nothing.
 */
export const TENANT_ROLE = 'duban_tenant';
export const TENANT_SETTING = 'duban.tenant_id';
export const TENANT_POLICY = 'tenant_isolation';

/** A migration's query runner, an entity manager or a data source. */
type Sql = { query(sql: string, parameters?: unknown[]): Promise<any> };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const CURRENT_TENANT = `NULLIF(current_setting('${TENANT_SETTING}', true), '')::uuid`;

/** What a migration calls for each table it creates with a `tenant_id` column. */
export async function enableTenantRowSecurity(q: Sql, table: string): Promise<void> {
  await q.query(`ALTER TABLE ${quote(table)} ENABLE ROW LEVEL SECURITY`);
  await q.query(`DROP POLICY IF EXISTS ${TENANT_POLICY} ON ${quote(table)}`);
  await q.query(
    `CREATE POLICY ${TENANT_POLICY} ON ${quote(table)} USING (tenant_id = ${CURRENT_TENANT}) WITH CHECK (tenant_id = ${CURRENT_TENANT})`,
  );
}

/**
 * The `tenant` table is keyed by `id`, not `tenant_id`, and sign-in finds a tenant by its code before
 * any tenant is known. That lookup, the operator CLI and the daily fan-out over all tenants run outside
 * a tenant's scope, as the app's own user, which row-level security does not bind. Inside a scope the
 * role may read and update its own tenant's row only; with no INSERT or DELETE policy it can neither
 * create a tenant nor delete one (its own included), whatever its table privileges say.
 */
export const TENANT_ROW_POLICIES = { select: 'tenant_own_row_select', update: 'tenant_own_row_update' } as const;

export async function secureTenantRow(q: Sql): Promise<void> {
  await q.query(`ALTER TABLE tenant ENABLE ROW LEVEL SECURITY`);
  await q.query(`DROP POLICY IF EXISTS ${TENANT_ROW_POLICIES.select} ON tenant`);
  await q.query(`DROP POLICY IF EXISTS ${TENANT_ROW_POLICIES.update} ON tenant`);
  await q.query(`CREATE POLICY ${TENANT_ROW_POLICIES.select} ON tenant FOR SELECT USING (id = ${CURRENT_TENANT})`);
  await q.query(
    `CREATE POLICY ${TENANT_ROW_POLICIES.update} ON tenant FOR UPDATE USING (id = ${CURRENT_TENANT}) WITH CHECK (id = ${CURRENT_TENANT})`,
  );
}

export async function unsecureTenantRow(q: Sql): Promise<void> {
  await q.query(`DROP POLICY IF EXISTS ${TENANT_ROW_POLICIES.select} ON tenant`);
  await q.query(`DROP POLICY IF EXISTS ${TENANT_ROW_POLICIES.update} ON tenant`);
  await q.query(`ALTER TABLE tenant DISABLE ROW LEVEL SECURITY`);
}

/** Tables of the current schema that have a `tenant_id` column, and whether each is already secured. */
export async function tenantTables(q: Sql): Promise<{ table: string; secured: boolean }[]> {
  const found: { table: string; secured: boolean }[] = await q.query(
    `SELECT c.relname AS table,
            (c.relrowsecurity AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = $1)) AS secured
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
    [TENANT_POLICY],
  );
  return found;
}

/**
 * Creates the role when it is missing and the app's user may (superuser or CREATEROLE), and makes the
 * user a member. Idempotent; a user without those rights leaves it to an operator (see tenantRoleProblem).
 */
async function ensureTenantRole(q: Sql): Promise<void> {
  await q.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TENANT_ROLE}') THEN
        BEGIN
          CREATE ROLE ${TENANT_ROLE} NOLOGIN;
        EXCEPTION
          WHEN duplicate_object OR unique_violation THEN NULL;
          WHEN insufficient_privilege THEN RETURN;
        END;
      END IF;
      IF NOT pg_has_role(current_user, '${TENANT_ROLE}', 'MEMBER') THEN
        BEGIN
          EXECUTE format('GRANT ${TENANT_ROLE} TO %I', current_user);
        EXCEPTION
          WHEN insufficient_privilege OR invalid_grant_operation THEN RETURN;
        END;
      END IF;
    END $$`);
}

/** Table and sequence privileges for the role, now and for tables later migrations create. */
async function grantTenantRole(q: Sql): Promise<void> {
  const [{ exists }] = await q.query(`SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists`, [
    TENANT_ROLE,
  ]);
  if (!exists) return;
  const [{ missing }] = await q.query(
    `SELECT count(*)::int AS missing FROM pg_class c
      WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
        AND NOT (has_table_privilege($1, c.oid, 'SELECT') AND has_table_privilege($1, c.oid, 'INSERT')
             AND has_table_privilege($1, c.oid, 'UPDATE') AND has_table_privilege($1, c.oid, 'DELETE'))`,
    [TENANT_ROLE],
  );
  if (!missing) return;
  const schema = quote((await q.query(`SELECT current_schema() AS s`))[0].s);
  // No TRUNCATE: it ignores row-level security.
  await q.query(`GRANT USAGE ON SCHEMA ${schema} TO ${TENANT_ROLE}`);
  await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${TENANT_ROLE}`);
  await q.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${TENANT_ROLE}`);
  await q.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${TENANT_ROLE}`,
  );
  await q.query(
    `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${TENANT_ROLE}`,
  );
}

/**
 * The role, its privileges, and row-level security on every tenant table that lacks it. Run by the
 * migration that introduced it and again after every migration run, so a table whose migration forgot
 * enableTenantRowSecurity (or ran after this one on an older database) is still covered; returns those.
 */
export async function secureTenantTables(q: Sql): Promise<string[]> {
  await ensureTenantRole(q);
  await grantTenantRole(q);
  const unsecured = (await tenantTables(q)).filter((t) => !t.secured).map((t) => t.table);
  for (const table of unsecured) await enableTenantRowSecurity(q, table);
  return unsecured;
}

/** Why the app's user cannot act as the tenant role, in words for the operator; null when it can. */
export async function tenantRoleProblem(q: Sql): Promise<string | null> {
  const [state] = await q.query(
    `SELECT current_user AS "user", EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
            CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) THEN pg_has_role(current_user, $1, 'MEMBER') ELSE false END AS member`,
    [TENANT_ROLE],
  );
  if (state.exists && state.member) return null;
  const user = quote(state.user);
  const sql = state.exists
    ? `GRANT ${TENANT_ROLE} TO ${user};`
    : `CREATE ROLE ${TENANT_ROLE} NOLOGIN; GRANT ${TENANT_ROLE} TO ${user};`;
  return (
    `PostgreSQL role ${TENANT_ROLE} ${state.exists ? `is not granted to ${state.user}` : 'does not exist'} and ${state.user} may not ` +
    `${state.exists ? 'grant it' : 'create it'} (no CREATEROLE): tenant row-level security cannot be enforced, so Duban will not start. ` +
    `As a PostgreSQL superuser run: ${sql} then start Duban again.`
  );
}
