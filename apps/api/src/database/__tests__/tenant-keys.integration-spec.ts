import pg from 'pg';
import { createTestDatabase } from '../../../test/test-database.js';

// The isolation boundary is tenant_id, and the key a national deployment would shard on (Citus
// distributes a table by such a column). Citus needs every primary key and unique index of a
// distributed table to contain it, and a foreign key between two of them to join on it; leading
// with it also makes every per-tenant lookup an index range. The README says what Citus would still refuse.
describe('keys of tenant-owned tables lead with tenant_id', () => {
  let db: pg.Client;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });
  afterAll(async () => {
    await db?.end();
    await drop?.();
  });

  const TENANT_TABLES = `
    SELECT c.oid, c.relname FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
     WHERE c.relkind IN ('r', 'p')`;

  it('has tenant-owned tables to check', async () => {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM (${TENANT_TABLES}) t`);
    expect(rows[0].n).toBeGreaterThan(40);
  });

  const keys = async (where: string) =>
    (
      await db.query(
        `SELECT t.relname || ' ' || pg_get_constraintdef(con.oid) AS key
           FROM (${TENANT_TABLES}) t JOIN pg_constraint con ON con.conrelid = t.oid
          WHERE ${where} ORDER BY 1`,
      )
    ).rows.map((r) => r.key as string);
  const leadsWithTenant = (side: 'conrelid' | 'confrelid', keyColumns: 'conkey' | 'confkey') =>
    `(SELECT attname FROM pg_attribute WHERE attrelid = con.${side} AND attnum = con.${keyColumns}[1]) = 'tenant_id'`;

  it('every primary key starts with tenant_id', async () => {
    expect(await keys(`con.contype = 'p' AND NOT ${leadsWithTenant('conrelid', 'conkey')}`)).toEqual([]);
  });

  it('every foreign key between tenant-owned tables starts with tenant_id on both sides', async () => {
    const between = `con.contype = 'f' AND con.confrelid IN (SELECT oid FROM (${TENANT_TABLES}) r)`;
    expect(await keys(between)).not.toEqual([]);
    expect(
      await keys(
        `${between} AND NOT (${leadsWithTenant('conrelid', 'conkey')} AND ${leadsWithTenant('confrelid', 'confkey')})`,
      ),
    ).toEqual([]);
  });

  it('only the links between two tenants point at the tenant table from another column', async () => {
    // tenant would be a Citus reference table: a key to it from any column is allowed.
    expect(
      await keys(
        `con.contype = 'f' AND con.confrelid = 'tenant'::regclass AND NOT ${leadsWithTenant('conrelid', 'conkey')}`,
      ),
    ).toEqual([
      'level_urge_inbox FOREIGN KEY (upper_tenant_id) REFERENCES tenant(id) ON DELETE CASCADE',
      'level_urge_sent FOREIGN KEY (lower_tenant_id) REFERENCES tenant(id) ON DELETE CASCADE',
      'lower_rollup_source FOREIGN KEY (lower_tenant_id) REFERENCES tenant(id) ON DELETE CASCADE',
      'tenant_link_invite FOREIGN KEY (accepted_tenant_id) REFERENCES tenant(id) ON DELETE SET NULL',
      'upper_plan_point FOREIGN KEY (upper_tenant_id) REFERENCES tenant(id) ON DELETE CASCADE',
    ]);
  });

  it('every unique index contains tenant_id, but the invitation code another tenant types in', async () => {
    const { rows } = await db.query(
      `SELECT i.indexrelid::regclass::text AS index
         FROM (${TENANT_TABLES}) t JOIN pg_index i ON i.indrelid = t.oid AND i.indisunique
        WHERE NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id' AND a.attnum = ANY(i.indkey))
        ORDER BY 1`,
    );
    expect(rows.map((r) => r.index)).toEqual(['tenant_link_invite_code_idx']);
  });

  it('lists what Citus would still refuse: SET NULL keys and triggers on tenant-owned tables (README)', async () => {
    expect(await keys(`con.contype = 'f' AND con.confdeltype = 'n'`)).toEqual([
      'key_point FOREIGN KEY (tenant_id, section_id) REFERENCES plan_section(tenant_id, id) ON DELETE SET NULL (section_id)',
      'key_point FOREIGN KEY (tenant_id, upper_key_point_id) REFERENCES key_point(tenant_id, id) ON DELETE SET NULL (upper_key_point_id)',
      'tenant_link_invite FOREIGN KEY (accepted_tenant_id) REFERENCES tenant(id) ON DELETE SET NULL',
      'unit_name_alias FOREIGN KEY (tenant_id, decided_by) REFERENCES app_user(tenant_id, id) ON DELETE SET NULL (decided_by)',
    ]);
    const { rows } = await db.query(
      `SELECT DISTINCT t.relname || ' ' || tg.tgname AS trigger FROM (${TENANT_TABLES}) t
         JOIN pg_trigger tg ON tg.tgrelid = t.oid AND NOT tg.tgisinternal ORDER BY 1`,
    );
    expect(rows.map((r) => r.trigger)).toEqual([
      'audit_log audit_log_no_update',
      ...[
        'delay_request',
        'key_point',
        'key_point_unit',
        'key_point_upper_link',
        'plan',
        'plan_section',
        'progress_report',
        'report_evidence',
        'review_item',
        'task',
        'unit',
        'upper_share_setting',
        'urge',
      ].map((table) => `${table} scorecard_revision_bump`),
    ]);
  });
});
