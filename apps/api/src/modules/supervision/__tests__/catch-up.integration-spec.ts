import { dailyRunAt } from '@duban/domain';
import { createApp } from '../../../app.factory.js';
import { Clock } from '../../../common/clock.js';
import { loadConfig } from '../../../config/app-config.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type TestTenant } from '../../../../test/factory.js';
import { DailySupervisionWorker } from '../daily-supervision.worker.js';

// A failover or a stopped server at 07:30 used to lose the day: the cron fires once and never again.
describe('catch-up of missed daily supervision runs', () => {
  let t: TestApp;
  let worker: DailySupervisionWorker;
  let clock: Clock;
  let tenant: TestTenant;
  const days = async () =>
    (
      await t.db.query(
        `SELECT day, completed_at IS NOT NULL AS done FROM supervision_day WHERE tenant_id = $1 ORDER BY completed_at, day`,
        [tenant.id],
      )
    ).rows;
  const counts = async () =>
    (
      await t.db.query(
        `SELECT (SELECT count(*)::int FROM escalation_step WHERE tenant_id = $1) AS steps,
                (SELECT count(*)::int FROM urge WHERE tenant_id = $1) AS urges,
                (SELECT count(*)::int FROM notification WHERE tenant_id = $1) AS notifications`,
        [tenant.id],
      )
    ).rows[0];
  const at = (iso: string) => new Date(iso);
  const catchUp = async (now: Date) => {
    clock.now = () => now;
    return Object.fromEntries(await worker.catchUpAll(now));
  };

  beforeAll(async () => {
    t = await createTestApp({ SUPERVISION_CATCH_UP_DAYS: '7' });
    worker = t.app.get(DailySupervisionWorker);
    clock = t.app.get(Clock);
    ({ tenant } = await new Factory(t).tenantWithLateTasks(2));
  });
  afterAll(async () => {
    await t.close();
  });

  it('runs a new tenant from its first due day on, each day once, and a day only from its 07:30', async () => {
    expect(await catchUp(at('2026-10-08T08:15:00+08:00'))).toEqual({ [tenant.id]: ['2026-10-08'] });
    expect(await catchUp(at('2026-10-08T09:15:00+08:00'))).toEqual({});
    expect(await catchUp(at('2026-10-09T07:15:00+08:00'))).toEqual({});
    expect(await days()).toEqual([{ day: '2026-10-08', done: true }]);
  });

  it('after days without a run, runs each missed day in order, as at its own 07:30, exactly once', async () => {
    // The servers were down from the 9th to the morning of the 12th.
    expect(await catchUp(at('2026-10-12T09:15:00+08:00'))).toEqual({
      [tenant.id]: ['2026-10-09', '2026-10-10', '2026-10-11', '2026-10-12'],
    });
    expect(await days()).toEqual(
      ['2026-10-08', '2026-10-09', '2026-10-10', '2026-10-11', '2026-10-12'].map((day) => ({ day, done: true })),
    );
    // The overdue notice was raised by the first working day's run after the due date: a missed day as at
    // its 07:30, the day asked for at the hour it was asked.
    const { rows } = await t.db.query(
      `SELECT DISTINCT taken_at FROM escalation_step WHERE tenant_id = $1 AND step = 'OVERDUE'`,
      [tenant.id],
    );
    expect(rows).toHaveLength(1);
    const overdueAt = (rows[0].taken_at as Date).toISOString();
    expect([
      dailyRunAt('2026-10-10').toISOString(),
      dailyRunAt('2026-10-11').toISOString(),
      '2026-10-12T01:15:00.000Z',
    ]).toContain(overdueAt);
    const after = await counts();
    expect(after.steps).toBeGreaterThan(0);
    // Again, hourly, and from two callers at once: nothing more happens.
    expect(await catchUp(at('2026-10-12T10:15:00+08:00'))).toEqual({});
    const both = await Promise.all([
      worker.catchUpAll(at('2026-10-12T11:15:00+08:00')),
      worker.catchUpAll(at('2026-10-12T11:15:00+08:00')),
    ]);
    expect(both.map((m) => m.size)).toEqual([0, 0]);
    expect(await counts()).toEqual(after);
  });

  it('two processes catching up at once run each missed day once between them', async () => {
    const second = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        WEB_DIST: 'off',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'silent',
        SUPERVISION_CATCH_UP_DAYS: '7',
      }),
      t.databaseUrl,
    );
    await second.init();
    try {
      const now = at('2026-10-15T08:15:00+08:00');
      const results = await Promise.all([worker, second.get(DailySupervisionWorker)].map((w) => w.catchUpAll(now)));
      const ran = results.flatMap((m) => m.get(tenant.id) ?? []).sort();
      // Whichever process lost a day's lease stopped there: what it left is caught up next hour.
      const later = await worker.catchUpAll(at('2026-10-15T09:15:00+08:00'));
      expect([...ran, ...(later.get(tenant.id) ?? [])].sort()).toEqual(['2026-10-13', '2026-10-14', '2026-10-15']);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM supervision_day WHERE tenant_id = $1 AND completed_at IS NULL`,
        [tenant.id],
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('queues the catch-up when a process with jobs starts, and hourly', async () => {
    const jobs = await createApp(
      loadConfig({
        NODE_ENV: 'test',
        WEB_DIST: 'off',
        JOBS_ENABLED: 'true',
        LOG_LEVEL: 'silent',
        SUPERVISION_CATCH_UP_DAYS: '7',
      }),
      t.databaseUrl,
    );
    await jobs.init();
    try {
      const { rows: queued } = await t.db.query(
        `SELECT singleton_key FROM pgboss.job WHERE name = 'supervision-catch-up'`,
      );
      expect(queued).toEqual([{ singleton_key: 'start' }]);
      const { rows: schedule } = await t.db.query(
        `SELECT cron, options->>'tz' AS tz FROM pgboss.schedule WHERE name = 'supervision-catch-up'`,
      );
      expect(schedule).toEqual([{ cron: '15 * * * *', tz: 'Asia/Shanghai' }]);
    } finally {
      await jobs.close();
    }
  });
});
