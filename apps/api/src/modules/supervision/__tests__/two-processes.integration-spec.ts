import type { NestExpressApplication } from '@nestjs/platform-express';
import { Clock } from '../../../common/clock.js';
import { createSecondApp, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type TestTenant, type TestUser } from '../../../../test/factory.js';
import { recordWriters, type RowWriter } from '../../../../test/row-writers.js';
import { QueueService } from '../../queue/index.js';
import { DailySupervisionWorker } from '../daily-supervision.worker.js';
import { SupervisionRunService } from '../supervision-run.service.js';

const NOW = new Date('2026-10-12T07:30:00+08:00');
const TENANT_QUEUE = 'tenant-supervision';

describe('two API processes on one database', () => {
  let t: TestApp;
  let second: NestExpressApplication;
  const tenants: { tenant: TestTenant; liaison: TestUser }[] = [];
  let stepWriters: () => Promise<RowWriter[]>;

  beforeAll(async () => {
    t = await createTestApp({ JOBS_ENABLED: 'true' });
    second = await createSecondApp(t, { JOBS_ENABLED: 'true' });
    // The per-tenant job must act in its tenant's row-level-security scope.
    stepWriters = await recordWriters(t.db, 'escalation_step');
    // Both processes believe it is the morning after the due date (a Monday).
    for (const app of [t.app, second]) app.get(Clock).now = () => NOW;
    const f = new Factory(t);
    for (const name of ['甲市人民政府办公室', '乙市人民政府办公室']) tenants.push(await f.tenantWithLateTasks(2, name));
  });
  afterAll(async () => {
    await second.close();
    await t.close();
  });

  const countsOf = async (tenantId: string, userId: string) => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM escalation_step WHERE tenant_id = $1) AS steps,
              (SELECT count(*)::int FROM urge WHERE tenant_id = $1) AS urges,
              (SELECT count(*)::int FROM notification WHERE tenant_id = $1 AND user_id = $2) AS notifications,
              (SELECT sum(urge_count)::int FROM task WHERE tenant_id = $1) AS urge_count`,
      [tenantId, userId],
    );
    return rows[0];
  };

  async function waitForTenantJobs(expected: number, queue = TENANT_QUEUE): Promise<{ state: string }[]> {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const { rows } = await t.db.query(`SELECT state FROM pgboss.job WHERE name = $1`, [queue]);
      if (rows.length >= expected && rows.every((r) => r.state === 'completed' || r.state === 'failed')) return rows;
      if (Date.now() > deadline) throw new Error(`tenant jobs not finished: ${JSON.stringify(rows)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it("runs each tenant's daily job once, through the real queue, when both processes enqueue the day", async () => {
    expect(t.app.get(QueueService).running).toBe(true);
    expect(second.get(QueueService).running).toBe(true);
    // Sessions past their lifetime or idle limit, and one still in use, in each tenant.
    for (const { tenant, liaison } of tenants) {
      await t.db.query(
        `INSERT INTO user_session (tenant_id, id, user_id, csrf_token, expires_at, last_seen_at) VALUES
           ($1, 'expired', $2, 'c', now() - interval '1 minute', now() - interval '1 minute'),
           ($1, 'idle', $2, 'c', now() + interval '1 hour', now() - interval '1 day'),
           ($1, 'live', $2, 'c', now() + interval '1 hour', now())`,
        [tenant.id, liaison.id],
      );
    }
    const ids = await Promise.all([
      t.app.get(DailySupervisionWorker).enqueueDaily(),
      second.get(DailySupervisionWorker).enqueueDaily(),
    ]);
    expect(ids.filter(Boolean)).toHaveLength(1); // the second send is the same day's singleton
    const jobs = await waitForTenantJobs(tenants.length);
    expect(jobs).toEqual(tenants.map(() => ({ state: 'completed' })));
    // The job's ids settle; make sure no straggler shows up.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, [TENANT_QUEUE])).rows[0].n,
    ).toBe(tenants.length);
    for (const { tenant, liaison } of tenants) {
      // Two tasks, each OVERDUE + URGE in the ledger, one urge and one notification each.
      expect(await countsOf(tenant.id, liaison.id)).toEqual({ steps: 4, urges: 2, notifications: 2, urge_count: 2 });
    }
    // The daily run deleted the sessions nobody can use any more.
    const { rows: sessions } = await t.db.query(`SELECT id FROM user_session WHERE tenant_id = ANY($1::uuid[])`, [
      tenants.map(({ tenant }) => tenant.id),
    ]);
    expect(sessions).toEqual(tenants.map(() => ({ id: 'live' })));
    expect(await stepWriters()).toEqual(
      tenants
        .map(({ tenant }) => ({ who: 'duban_tenant', tenant: tenant.id }))
        .sort((a, b) => a.tenant.localeCompare(b.tenant)),
    );
  });

  it("queues each tenant's evidence re-check and digest once, after its run, for the features that work them", async () => {
    for (const queue of ['evidence-recheck', 'tenant-digest']) {
      expect(await waitForTenantJobs(tenants.length, queue)).toEqual(tenants.map(() => ({ state: 'completed' })));
      const { rows } = await t.db.query(
        `SELECT data->>'tenantId' AS tenant, data->>'at' AS at FROM pgboss.job WHERE name = $1 ORDER BY 1`,
        [queue],
      );
      expect(rows).toEqual(
        tenants
          .map(({ tenant }) => ({ tenant: tenant.id, at: NOW.toISOString() }))
          .sort((a, b) => a.tenant.localeCompare(b.tenant)),
      );
    }
  });

  it('acts once even when both processes run the same tenant-day at the same moment', async () => {
    const { tenant, liaison } = tenants[0];
    const later = new Date('2026-10-19T07:30:00+08:00'); // 5 working days after the urges: 督办 is due
    const results = await Promise.all(
      [t.app, second, t.app, second].map((app) => app.get(SupervisionRunService).runForTenant(tenant.id, later)),
    );
    expect(results.flatMap((r) => r.steps).map((s) => s.step)).toEqual(['SUPERVISE', 'SUPERVISE']);
    expect(await countsOf(tenant.id, liaison.id)).toEqual({ steps: 6, urges: 4, notifications: 4, urge_count: 2 });
  });
});
