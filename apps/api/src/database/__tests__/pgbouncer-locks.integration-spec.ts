import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { createApp } from '../../app.factory.js';
import { Clock } from '../../common/clock.js';
import { loadConfig } from '../../config/app-config.js';
import { runInTenant } from '../tenant-context.js';
import { DailySupervisionWorker, TenantDayBusyError } from '../../modules/supervision/daily-supervision.worker.js';
import { AuditLogService, AuditService } from '../../modules/audit/index.js';
import { DataSource } from 'typeorm';
import { runMigrations } from '../database.js';
import { migrations } from '../migrations/index.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory, type TestTenant } from '../../../test/factory.js';
import { startPgBouncer, type PgBouncer } from '../../../test/pgbouncer.js';

// PgBouncer in transaction pooling hands each transaction whichever server connection is free, so
// nothing may rely on session state: a session advisory lock taken by one statement is not held by the
// next, and another client's statement may land on the session that holds it (and take it again,
// advisory locks being re-entrant per session). Everything here goes through a real PgBouncer with one
// server connection for all clients, which makes that certain.
describe('locks through PgBouncer in transaction pooling', () => {
  let bouncer: PgBouncer;
  const serverUrl = () => process.env.DUBAN_TEST_SERVER_URL!;

  beforeAll(async () => {
    bouncer = await startPgBouncer(serverUrl(), 1);
  });
  afterAll(async () => {
    await bouncer?.stop();
  });

  it('two processes starting at once on an empty database migrate it once', async () => {
    const name = `duban_bouncer_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      const results = await Promise.all([runMigrations(bouncer.url(name)), runMigrations(bouncer.url(name))]);
      // One applied every migration, the other waited for it and found nothing pending.
      expect(results.map((r) => r.length).sort((a, b) => a - b)).toEqual([0, migrations.length]);
      const check = new pg.Client({ connectionString: bouncer.url(name) });
      await check.connect();
      const { rows } = await check.query(
        `SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM migrations`,
      );
      await check.end();
      expect(rows[0]).toEqual({ n: migrations.length, names: migrations.length });
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });

  /** Two API processes (jobs off) on the test file's database, each through PgBouncer. */
  async function twoAppsBehindBouncer(t: TestApp): Promise<NestExpressApplication[]> {
    const database = new URL(t.databaseUrl).pathname.slice(1);
    const apps: NestExpressApplication[] = [];
    for (let i = 0; i < 2; i++) {
      const app = await createApp(
        loadConfig({ NODE_ENV: 'test', WEB_DIST: 'off', JOBS_ENABLED: 'false', LOG_LEVEL: 'silent' }),
        bouncer.url(database),
      );
      await app.init();
      apps.push(app);
    }
    return apps;
  }

  describe('the daily supervision run', () => {
    let t: TestApp;
    const apps: NestExpressApplication[] = [];
    let tenant: TestTenant;
    const NOW = new Date('2026-10-12T07:30:00+08:00');

    beforeAll(async () => {
      t = await createTestApp();
      apps.push(...(await twoAppsBehindBouncer(t)));
      for (const app of apps) app.get(Clock).now = () => NOW;
      ({ tenant } = await new Factory(t).tenantWithLateTasks(3));
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await t?.close();
    });

    it('does the day once when two processes run it at the same moment; the one that missed fails, not done', async () => {
      const outcomes = await Promise.allSettled(
        [...apps, ...apps].map((app) =>
          runInTenant(tenant.id, () => app.get(DailySupervisionWorker).runTenant(tenant.id, NOW)),
        ),
      );
      const ran = outcomes.flatMap((o) => (o.status === 'fulfilled' ? o.value : []));
      expect(ran).toEqual(['2026-10-12']);
      // A process that found the day held elsewhere says so (its job is retried), or found it done.
      for (const o of outcomes) {
        if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(TenantDayBusyError);
      }
      const { rows } = await t.db.query(
        `SELECT (SELECT count(*)::int FROM escalation_step WHERE tenant_id = $1 AND step = 'URGE') AS urges,
                (SELECT sum(urge_count)::int FROM task WHERE tenant_id = $1) AS urge_count,
                (SELECT count(*)::int FROM supervision_day WHERE tenant_id = $1 AND completed_at IS NOT NULL AND lease_holder IS NULL) AS days`,
        [tenant.id],
      );
      expect(rows[0]).toEqual({ urges: 3, urge_count: 3, days: 1 });
      // Asked again, every process finds the day done.
      for (const app of apps) {
        expect(await runInTenant(tenant.id, () => app.get(DailySupervisionWorker).runTenant(tenant.id, NOW))).toEqual(
          [],
        );
      }
    });
  });
  describe('the audit chain', () => {
    let t: TestApp;
    const apps: NestExpressApplication[] = [];

    beforeAll(async () => {
      t = await createTestApp();
      apps.push(...(await twoAppsBehindBouncer(t)));
    });
    afterAll(async () => {
      for (const app of apps) await app.close();
      await t?.close();
    });

    it('two processes append to one tenant at once, and their own seals make one unbroken chain', async () => {
      const tenant = await new Factory(t).tenant();
      const system = { tenantId: tenant.id, userId: null };
      await Promise.all(
        apps.flatMap((app, p) =>
          Array.from({ length: 15 }, (_, i) =>
            runInTenant(tenant.id, () =>
              app.get(DataSource).transaction((m) =>
                app.get(AuditService).record(m, system, {
                  entityType: 'tenant',
                  entityId: tenant.id,
                  action: 'test.bouncer',
                  after: { p, i },
                }),
              ),
            ),
          ),
        ),
      );
      // Sealed by the processes themselves after their commits.
      let pending = -1;
      for (let k = 0; k < 100 && pending !== 0; k++) {
        if (k) await new Promise((r) => setTimeout(r, 50));
        const { rows } = await t.db.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND seq IS NULL`,
          [tenant.id],
        );
        pending = rows[0].n;
      }
      expect(pending).toBe(0);
      const { rows } = await t.db.query(`SELECT seq::int FROM audit_log WHERE tenant_id = $1 ORDER BY seq`, [
        tenant.id,
      ]);
      expect(rows.map((r: { seq: number }) => r.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      const check = await runInTenant(tenant.id, () =>
        apps[1].get(AuditLogService).checkChain({ tenantId: tenant.id }),
      );
      expect(check).toMatchObject({ ok: true, verified: 30, lastSeq: 30, pending: 0 });
    });
  });
});
