import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { Clock } from '../../../common/clock.js';
import { withDatabase } from '../../../database/database.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory } from '../../../../test/factory.js';
import { testRunDir } from '../../../../test/test-database.js';
import { NightlyBackupService } from '../nightly-backup.service.js';

const run = promisify(execFile);

describe('the nightly backup on one machine', () => {
  let t: TestApp;
  let service: NightlyBackupService;
  const dir = path.join(testRunDir(), `nightly-backup-${randomBytes(4).toString('hex')}`);
  const fresh = `duban_nightly_${randomBytes(4).toString('hex')}`;
  const serverUrl = () => process.env.DUBAN_TEST_SERVER_URL!;

  beforeAll(async () => {
    t = await createTestApp({ BACKUP_NIGHTLY: 'true', BACKUP_KEEP: '2', BACKUP_DIR: dir });
    service = t.app.get(NightlyBackupService);
    const f = new Factory(t);
    const tenant = await f.tenant('夜间备份市人民政府办公室');
    await f.tasks(tenant, [await f.unit(tenant, '市财政局')], 5);
  });
  afterAll(async () => {
    await t.close();
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${fresh} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has no backup to report before the first night', async () => {
    expect(await service.status()).toEqual({ file: null, at: null, ageHours: null });
  });

  it('writes a dump each night into BACKUP_DIR and keeps the newest BACKUP_KEEP', async () => {
    const clock = t.app.get(Clock);
    for (const night of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      clock.now = () => new Date(`${night}T02:30:00+08:00`);
      await service.backup();
    }
    expect(readdirSync(dir).sort()).toEqual(['duban-20261121-023000.dump', 'duban-20261122-023000.dump']);
    clock.now = () => new Date();
    const status = await service.status();
    expect(status.file).toBe('duban-20261122-023000.dump');
    expect(status.ageHours).toBeGreaterThanOrEqual(0);
    expect(status.ageHours).toBeLessThan(1);
    // The office admin's settings page reads the same; other roles may not.
    const f = new Factory(t);
    const tenant = await f.tenant();
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const { backupStatus } = await admin.ok(`{ backupStatus { nightly lastBackupAt ageHours keep } }`);
    expect(backupStatus).toMatchObject({ nightly: true, keep: 2, lastBackupAt: status.at!.toISOString() });
    const staff = await f.client(tenant, 'OFFICE_STAFF');
    expect(errorCode(await staff.gql(`{ backupStatus { nightly } }`))).toBe('FORBIDDEN');
  });

  it("restores last night's backup into a fresh database with the data", async () => {
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${fresh}`);
    await admin.end();
    const target = withDatabase(serverUrl(), fresh);
    const file = path.join(dir, 'duban-20261122-023000.dump');
    const restore = await run(
      process.execPath,
      ['--import', './tools/register-ts.mjs', 'tools/db/restore.ts', '--file', file, '--database-url', target],
      { cwd: process.cwd(), env: { ...process.env, LOG_LEVEL: 'error' }, timeout: 120_000 },
    );
    expect(restore.stdout).toMatch(/^task 5$/m);
    const copy = new pg.Client({ connectionString: target });
    await copy.connect();
    try {
      const { rows } = await copy.query(`SELECT name FROM tenant`);
      expect(rows.map((r) => r.name)).toContain('夜间备份市人民政府办公室');
    } finally {
      await copy.end();
    }
  });
});
