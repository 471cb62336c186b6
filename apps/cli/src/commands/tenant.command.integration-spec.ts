import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../../../api/test/test-database.js';
import { verifyPassword } from '../../../api/src/modules/auth/password.js';
import { runCli } from '../../test/run-cli.js';

// An empty DATA_DIR for every run (see runCli).
const scratch = mkdtempSync(path.join(tmpdir(), 'duban-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cli = (env: Record<string, string | undefined>, ...args: string[]) => runCli(scratch, env, ...args);

describe('cli tenant and user commands', () => {
  let database: { url: string; drop(): Promise<void> };
  let db: pg.Pool;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = new pg.Pool({ connectionString: database.url, max: 2 });
    env = { DATABASE_URL: database.url };
  });
  afterAll(async () => {
    await db.end();
    await database.drop();
  });

  const adminOf = async (code: string) =>
    (
      await db.query(
        `SELECT u.id, u.tenant_id, u.username, u.display_name, u.role, u.security_admin, u.password_hash, u.must_change_password, t.name
           FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1`,
        [code],
      )
    ).rows;

  it('creates a tenant and its first office admin (system and security admin) with a generated password printed once', async () => {
    const r = await cli(
      env,
      'tenant',
      'create',
      '--code',
      'dalian',
      '--name',
      '大连市人民政府办公室',
      '--admin',
      'ban-admin',
    );
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const password = /initial password[^:]*: (\S+)/.exec(r.stdout)![1];
    const [admin, ...others] = await adminOf('dalian');
    expect(others).toEqual([]);
    expect(admin).toMatchObject({
      username: 'ban-admin',
      display_name: '管理员',
      role: 'OFFICE_ADMIN',
      security_admin: true,
      must_change_password: true,
      name: '大连市人民政府办公室',
    });
    expect(await verifyPassword(admin.password_hash, password)).toBe(true);
    const audit = await db.query(
      `SELECT entity_type, action, actor_id FROM audit_log WHERE tenant_id = $1 ORDER BY entity_type`,
      [admin.tenant_id],
    );
    expect(audit.rows).toEqual([
      { entity_type: 'tenant', action: 'create', actor_id: null },
      { entity_type: 'user', action: 'create', actor_id: null },
    ]);
  }, 60_000);

  it('uses a chosen password and display name without printing the password, and lists tenants', async () => {
    const r = await cli(
      env,
      'tenant',
      'create',
      '--code',
      'cxd',
      '--name',
      '长兴岛经济区',
      '--admin',
      'cxd-admin',
      '--admin-name',
      '王主任',
      '--password',
      'Chosen2026',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Chosen2026');
    const [admin] = await adminOf('cxd');
    expect(admin).toMatchObject({ display_name: '王主任', must_change_password: false });
    expect(await verifyPassword(admin.password_hash, 'Chosen2026')).toBe(true);
    const list = await cli(env, 'tenant', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^cxd\s+\d{4}-\d{2}-\d{2}\s+1\s+0\s+长兴岛经济区$/m);
  }, 60_000);

  it('fails with exit 1 and one line when the code is taken, leaving nothing half-made', async () => {
    await cli(env, 'tenant', 'create', '--code', 'twice', '--name', '第一次', '--admin', 'first');
    const r = await cli(env, 'tenant', 'create', '--code', 'twice', '--name', '第二次', '--admin', 'second');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual(['a tenant with code "twice" already exists']);
    expect((await adminOf('twice')).map((u) => u.username)).toEqual(['first']);
  }, 60_000);

  it('links a tenant under its upper tenant and unlinks it, audited on both sides, refusing cycles and a second upper', async () => {
    for (const [code, name] of [
      ['ln-sheng', '某省人民政府办公厅'],
      ['ln-shi', '某市人民政府办公室'],
      ['ln-other', '另一省人民政府办公厅'],
    ]) {
      expect(
        (
          await cli(
            env,
            'tenant',
            'create',
            '--code',
            code,
            '--name',
            name,
            '--admin',
            'admin',
            '--password',
            'Chosen2026',
          )
        ).code,
      ).toBe(0);
    }
    const ids = async () =>
      Object.fromEntries(
        (await db.query(`SELECT code, id, upper_tenant_id FROM tenant WHERE code LIKE 'ln-%'`)).rows.map((r) => [
          r.code,
          r,
        ]),
      );
    // The province has published one key point: linking copies it into the city's own rows.
    const sheng = (await ids())['ln-sheng'].id;
    const plan = (
      await db.query(
        `INSERT INTO plan (tenant_id, year, title, status, published_at) VALUES ($1, 2027, '某省2027年政务公开工作要点', 'PUBLISHED', now()) RETURNING id`,
        [sheng],
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO key_point (tenant_id, plan_id, seq, label, title) VALUES ($1, $2, 1, '(一)', '推进决策公开')`,
      [sheng, plan],
    );
    const copy = async () => (await db.query(`SELECT tenant_id, upper_tenant_id, title FROM upper_plan_point`)).rows;
    const linked = await cli(env, 'tenant', 'link', '--lower', 'ln-shi', '--upper', 'ln-sheng');
    expect(linked).toMatchObject({ code: 0, stdout: 'linked ln-shi under ln-sheng\n' });
    let t = await ids();
    expect(t['ln-shi'].upper_tenant_id).toBe(t['ln-sheng'].id);
    expect(await copy()).toEqual([{ tenant_id: t['ln-shi'].id, upper_tenant_id: sheng, title: '推进决策公开' }]);
    expect((await cli(env, 'tenant', 'list')).stdout).toMatch(/^ln-shi\s.*某市人民政府办公室 {2}\(upper: ln-sheng\)$/m);

    const cycle = await cli(env, 'tenant', 'link', '--lower', 'ln-sheng', '--upper', 'ln-shi');
    expect(cycle.code).toBe(1);
    expect(cycle.stderr.trim()).toBe('ln-shi is below ln-sheng: linking would make a cycle');
    const second = await cli(env, 'tenant', 'link', '--lower', 'ln-shi', '--upper', 'ln-other');
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already has an upper tenant/);
    expect((await cli(env, 'tenant', 'link', '--lower', 'ln-shi', '--upper', 'nope')).stderr.trim()).toBe(
      'no tenant with code "nope"',
    );
    expect((await ids())['ln-shi'].upper_tenant_id).toBe(t['ln-sheng'].id);

    expect(await cli(env, 'tenant', 'unlink', '--lower', 'ln-shi')).toMatchObject({
      code: 0,
      stdout: 'unlinked ln-shi from ln-sheng\n',
    });
    t = await ids();
    expect(t['ln-shi'].upper_tenant_id).toBeNull();
    expect(await copy()).toEqual([]);
    expect((await cli(env, 'tenant', 'unlink', '--lower', 'ln-shi')).stderr.trim()).toBe('ln-shi has no upper tenant');
    const audit = await db.query(
      `SELECT tenant_id, entity_id, action, note FROM audit_log WHERE entity_type = 'tenant_link' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { tenant_id: t['ln-sheng'].id, entity_id: t['ln-shi'].id, action: 'link', note: 'cli' },
      { tenant_id: t['ln-shi'].id, entity_id: t['ln-sheng'].id, action: 'link', note: 'cli' },
      { tenant_id: t['ln-sheng'].id, entity_id: t['ln-shi'].id, action: 'unlink', note: 'cli' },
      { tenant_id: t['ln-shi'].id, entity_id: t['ln-sheng'].id, action: 'unlink', note: 'cli' },
    ]);
  }, 120_000);

  it.each([
    [['tenant'], /missing subcommand/],
    [['tenant', 'create', '--code', 'x1', '--admin', 'a1'], /missing --name/],
    [['tenant', 'create', '--code', 'Bad Code', '--name', 'n', '--admin', 'a1'], /--code must be/],
    [
      ['tenant', 'create', '--code', 'ok', '--name', 'n', '--admin', 'a1', '--password', 'short'],
      /--password: 密码至少 8 位/,
    ],
    [
      ['tenant', 'create', '--code', 'ok', '--name', 'n', '--admin', 'a1', '--colour', 'red'],
      /unknown option: --colour/,
    ],
    [['user', 'reset-password', '--tenant', 'dalian'], /missing --tenant or --username/],
    [['tenant', 'link', '--lower', 'dalian'], /missing --upper/],
  ])(
    'exits 2 with usage for %j',
    async (args, message) => {
      const r = await cli(env, ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/usage: /);
    },
    60_000,
  );

  it('resets a password: one-time password, lock cleared, every session ended', async () => {
    await cli(
      env,
      'tenant',
      'create',
      '--code',
      'reset',
      '--name',
      '重置测试',
      '--admin',
      'boss',
      '--password',
      'Before2026',
    );
    const [admin] = await adminOf('reset');
    await db.query(`UPDATE app_user SET failed_logins = 5, locked_until = now() + interval '1 hour' WHERE id = $1`, [
      admin.id,
    ]);
    await db.query(
      `INSERT INTO user_session (tenant_id, id, user_id, csrf_token, expires_at) VALUES ($1, 'hash', $2, 'csrf', now() + interval '1 hour')`,
      [admin.tenant_id, admin.id],
    );
    const r = await cli(env, 'user', 'reset-password', '--tenant', 'reset', '--username', 'boss');
    expect(r.code).toBe(0);
    const password = /: (\S+)\n$/.exec(r.stdout)![1];
    const { rows } = await db.query(
      `SELECT password_hash, must_change_password, failed_logins, locked_until FROM app_user WHERE id = $1`,
      [admin.id],
    );
    expect(rows[0]).toMatchObject({ must_change_password: true, failed_logins: 0, locked_until: null });
    expect(await verifyPassword(rows[0].password_hash, password)).toBe(true);
    expect(
      (await db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [admin.id])).rows[0].n,
    ).toBe(0);
    const missing = await cli(env, 'user', 'reset-password', '--tenant', 'reset', '--username', 'nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('no user "nobody" in tenant "reset"');
  }, 60_000);

  it('turns single sign-on off for a tenant locked out by its provider, and on again', async () => {
    await cli(
      env,
      'tenant',
      'create',
      '--code',
      'sso-lock',
      '--name',
      '单点登录测试',
      '--admin',
      'boss',
      '--password',
      'Before2026',
    );
    const [admin] = await adminOf('sso-lock');
    const unconfigured = await cli(env, 'tenant', 'sso', 'off', '--code', 'sso-lock');
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.stderr).toMatch(/has no single sign-on configured/);
    await db.query(
      `INSERT INTO tenant_sso (tenant_id, enabled, issuer, client_id, password_allowed) VALUES ($1, true, 'https://sso.example.gov.cn', 'duban', false)`,
      [admin.tenant_id],
    );
    const off = await cli(env, 'tenant', 'sso', 'off', '--code', 'sso-lock');
    expect(off).toMatchObject({
      code: 0,
      stdout: 'single sign-on is off for sso-lock: everyone signs in with a password\n',
    });
    expect(
      (await db.query(`SELECT enabled FROM tenant_sso WHERE tenant_id = $1`, [admin.tenant_id])).rows[0].enabled,
    ).toBe(false);
    const on = await cli(env, 'tenant', 'sso', 'on', '--code', 'sso-lock');
    expect(on.stdout).toBe('single sign-on is on for sso-lock (https://sso.example.gov.cn); passwords are refused\n');
    expect(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'sso.settings' AND note = 'cli'`,
          [admin.tenant_id],
        )
      ).rows[0].n,
    ).toBe(2);
    expect((await cli(env, 'tenant', 'sso', 'maybe', '--code', 'sso-lock')).code).toBe(2);
  }, 60_000);

  it('refuses in one line to share the embedded data directory with a running app', async () => {
    // A live PostgreSQL process standing in for the app's postmaster: the backend of an open connection.
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      const pid = (await holder.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const dataDir = mkdtempSync(path.join(scratch, 'busy-'));
      mkdirSync(path.join(dataDir, 'pg'));
      writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), `${pid}\n${dataDir}/pg\n`);
      const r = await cli({ DATA_DIR: dataDir }, 'tenant', 'list');
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(
        /embedded PostgreSQL \(pid \d+\) is using .*stop the app \(npm start\) or set DATABASE_URL/,
      );
    } finally {
      await holder.end();
    }
  }, 60_000);
});
