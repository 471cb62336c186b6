import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../../apps/api/src/database/database.js';
import { Factory } from '../../apps/api/test/factory.js';
import type { TestApp } from '../../apps/api/test/test-app.js';
import { createTestDatabase } from '../../apps/api/test/test-database.js';

const run = promisify(execFile);
const script = (name: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', './tools/register-ts.mjs', `tools/db/${name}.ts`, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, LOG_LEVEL: 'error', ...env },
    timeout: 120_000,
  });

/** table → "rows:md5 of every row's text, sorted" for every table of the public schema. */
async function contents(db: pg.Pool): Promise<Record<string, string>> {
  const { rows: tables } = await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS sum FROM "${tablename}" x`,
    );
    out[tablename] = `${rows[0].n}:${rows[0].sum}`;
  }
  return out;
}

describe('npm run db:backup / db:restore', () => {
  let source: { url: string; drop(): Promise<void> };
  let db: pg.Pool;
  let dir: string;
  const fresh = `duban_restore_${randomBytes(4).toString('hex')}`;
  const serverUrl = () => process.env.DUBAN_TEST_SERVER_URL!;
  /** Restores a dump over the fresh database and expects every row of the source back. */
  const expectRestoredCopy = async (file: string) => {
    const target = withDatabase(serverUrl(), fresh);
    await script('restore', ['--file', file, '--database-url', target, '--yes']);
    const copy = new pg.Pool({ connectionString: target, max: 2 });
    try {
      expect(await contents(copy)).toEqual(await contents(db));
    } finally {
      await copy.end();
    }
  };

  beforeAll(async () => {
    source = await createTestDatabase();
    db = new pg.Pool({ connectionString: source.url, max: 2 });
    dir = mkdtempSync(path.join(os.tmpdir(), 'duban-backup-'));
    // Real rows of every main kind through the shared factory (it needs only a pool for these makers).
    const f = new Factory({} as TestApp, db);
    const tenant = await f.tenant('备份测试市人民政府办公室');
    const [a, b] = [await f.unit(tenant, '市发展改革委'), await f.unit(tenant, '市财政局')];
    const liaison = await f.user(tenant, 'UNIT_LIAISON', a);
    await f.user(tenant, 'OFFICE_ADMIN');
    const { tasks } = await f.tasks(tenant, [a, b], 12);
    await f.urlEvidenceReport(tasks[0], liaison, ['https://www.gov.cn/a.html', 'https://www.gov.cn/b.html']);
    const bytes = randomBytes(300_000);
    await db.query(
      `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content) VALUES ($1, '佐证.pdf', 'application/pdf', $2, $3, $4)`,
      [tenant.id, bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes],
    );
    await db.query(
      `INSERT INTO audit_log (tenant_id, actor_id, entity_type, entity_id, action, before, after, seq) VALUES ($1, $2, 'task', $3, 'update', '{"a":1}', '{"a":2}', 1)`,
      [tenant.id, liaison.id, tasks[0].id],
    );
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${fresh}`);
    await admin.end();
  });

  afterAll(async () => {
    await db?.end();
    await source?.drop();
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup into a fresh database with every row of every table', async () => {
    const file = path.join(dir, 'duban.dump');
    const backup = await script('backup', ['--out', file], { DATABASE_URL: source.url });
    expect(backup.stdout).toContain(file);
    expect(statSync(file).size).toBeGreaterThan(300_000);

    const target = withDatabase(serverUrl(), fresh);
    const restore = await script('restore', ['--file', file, '--database-url', target]);
    expect(restore.stdout).toMatch(/^task 12$/m);
    expect(restore.stdout).toMatch(/^stored_file 1$/m);

    const restored = new pg.Pool({ connectionString: target, max: 2 });
    try {
      const expected = await contents(db);
      expect(Object.keys(expected).length).toBeGreaterThan(15);
      expect(expected.task.startsWith('12:')).toBe(true);
      expect(await contents(restored)).toEqual(expected);
      // The migrations table came along, so the app sees the schema as up to date.
      const { rows } = await restored.query(`SELECT count(*)::int AS n FROM migrations`);
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await restored.end();
    }
  });

  it('backs up and restores the embedded database in DATA_DIR when no DATABASE_URL is set', async () => {
    const dataDir = path.join(process.cwd(), '.test-data', `backup-embedded-${randomBytes(4).toString('hex')}`);
    const noUrl = { DATABASE_URL: '', DATA_DIR: dataDir };
    try {
      const first = path.join(dir, 'source.dump');
      await script('backup', ['--out', first], { DATABASE_URL: source.url });
      // Restore into a new embedded server (its database is created), then back that one up.
      const restored = await script('restore', ['--file', first], noUrl);
      expect(restored.stdout).toContain(`embedded PostgreSQL in ${dataDir}`);
      const second = path.join(dir, 'embedded.dump');
      await script('backup', ['--out', second], noUrl);
      await expectRestoredCopy(second);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('backs up the embedded database while the app runs on it, through the running server', async () => {
    const dataDir = path.join(process.cwd(), '.test-data', `backup-running-${randomBytes(4).toString('hex')}`);
    // What `npm start` does: the app starts the embedded server on DATA_DIR and keeps it running.
    const { startEmbeddedPostgres } = await import('../../apps/api/src/database/embedded-postgres.js');
    const server = await startEmbeddedPostgres({ dataDir });
    try {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query('CREATE DATABASE duban');
      await admin.end();
      const first = path.join(dir, 'for-running.dump');
      await script('backup', ['--out', first], { DATABASE_URL: source.url });
      await script('restore', ['--file', first, '--database-url', withDatabase(server.url, 'duban')]);

      const running = path.join(dir, 'running.dump');
      const backup = await script('backup', ['--out', running], { DATABASE_URL: '', DATA_DIR: dataDir });
      expect(backup.stdout).toContain(`the running app's embedded PostgreSQL in ${dataDir} (port ${server.port})`);
      // A restore would replace the app's data under it: that still asks for the app to stop.
      const refused = await script('restore', ['--file', running], { DATABASE_URL: '', DATA_DIR: dataDir }).catch(
        (e: { stderr: string; code: number }) => e,
      );
      expect(refused.stderr).toMatch(/stop the app first/);
      const app = new pg.Pool({ connectionString: withDatabase(server.url, 'duban'), max: 1 });
      try {
        expect((await app.query('SELECT count(*)::int AS n FROM task')).rows[0].n).toBe(12); // still serving
      } finally {
        await app.end();
      }
      await expectRestoredCopy(running);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to overwrite a database that holds tables unless --yes is given', async () => {
    const file = path.join(dir, 'again.dump');
    await script('backup', ['--out', file], { DATABASE_URL: source.url });
    const before = await contents(db);
    const refused = await script('restore', ['--file', file, '--database-url', source.url]).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/already holds \d+ tables: add --yes/);
    expect(await contents(db)).toEqual(before);

    const replaced = await script('restore', ['--file', file, '--database-url', source.url, '--yes']);
    expect(replaced.stdout).toContain('restored');
    expect(await contents(db)).toEqual(before);
  });

  it('says what is wrong in one line for a missing file or an unknown option', async () => {
    const missing = await script('restore', ['--file', path.join(dir, 'nope.dump')]).catch(
      (e: { stderr: string; code: number }) => e,
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^error: backup file not found: /);
    const unknown = await script('backup', ['--bogus']).catch((e: { stderr: string; code: number }) => e);
    expect(unknown.stderr.trim()).toBe('error: unknown argument: --bogus');
  });
});
