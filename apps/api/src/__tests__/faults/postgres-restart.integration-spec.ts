import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { Factory, type Client } from '../../../test/factory.js';
import type { TestApp } from '../../../test/test-app.js';
import { until } from '../../../test/until.js';
import { appOn, OwnPostgres } from './own-postgres.js';

const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;
const IN_FLIGHT = 20;
const TASKS = 800;
const CHINESE = /[\u4e00-\u9fff]/;

interface Attempt {
  taskId: string;
  startedAt: number;
  ms: number;
  reportId?: string;
  code?: string;
  message?: string;
  status: number;
}

/**
 * PostgreSQL stopped and started again under load: readiness follows it, requests fail fast with a
 * clear error while it is down, the app recovers by itself, and no acknowledged write is lost.
 */
describe('PostgreSQL restarted during concurrent report submissions', () => {
  let own: OwnPostgres;
  let app: NestExpressApplication;
  let db: pg.Pool;
  let liaisons: Client[];
  let taskIds: string[];

  beforeAll(async () => {
    own = await OwnPostgres.start();
    ({ app, db } = await appOn(own));
    const f = new Factory({ app, db } as unknown as TestApp, db);
    const tenant = await f.tenant();
    const unit = await f.unit(tenant, '市发展改革委');
    const { tasks } = await f.tasks(tenant, [unit], TASKS, { status: () => 'IN_PROGRESS' });
    taskIds = tasks.map((t) => t.id);
    liaisons = await Promise.all(
      Array.from({ length: 4 }, async () => f.signIn(tenant, await f.user(tenant, 'UNIT_LIAISON', unit))),
    );
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.end().catch(() => undefined);
    await own?.destroy();
  });

  it('reports readiness, fails fast with a Chinese error while down, recovers, and keeps every acknowledged report', async () => {
    const attempts: Attempt[] = [];
    // Tasks kept back for submissions made once the database is back: the stream may have used up
    // the queue during the outage (failures are fast), and recovery must be shown, not hoped for.
    const afterRecovery = taskIds.slice(-10);
    const queue = taskIds.slice(0, -10);
    const t0 = Date.now();
    let i = 0;
    let stop = false;
    const worker = async (source: string[] = queue) => {
      for (let taskId = source.shift(); taskId && !stop; taskId = source.shift()) {
        const client = liaisons[i++ % liaisons.length];
        const startedAt = Date.now();
        const res = await client.agent
          .post('/graphql')
          .set('x-csrf-token', client.csrf)
          .send({
            query: SUBMIT,
            variables: {
              taskId,
              input: {
                text: '已在门户网站公开。',
                progress: 50,
                claimsCompletion: false,
                evidenceUrls: [],
                fileIds: [],
              },
            },
          })
          .timeout(20_000)
          .catch(
            (error: { timeout?: number; response?: request.Response }) =>
              error.response ?? {
                status: 0,
                body: { errors: [{ message: 'client timeout', extensions: { code: 'TIMEOUT' } }] },
              },
          );
        const body = (res as request.Response).body;
        attempts.push({
          taskId,
          startedAt: startedAt - t0,
          ms: Date.now() - startedAt,
          status: (res as request.Response).status,
          reportId: body?.data?.submitReport?.id,
          code: body?.errors?.[0]?.extensions?.code,
          message: body?.errors?.[0]?.message,
        });
        // A steady stream over a few seconds rather than one burst.
        await new Promise((r) => setTimeout(r, 40));
      }
    };
    const load = Promise.all(Array.from({ length: IN_FLIGHT }, () => worker()));
    const acknowledged = (after = 0) => attempts.filter((a) => a.reportId && a.startedAt > after).length;

    // Each phase lasts until what it is for has happened, not a fixed time: a busy machine serves
    // fewer requests a second, and a phase timed for a quiet one would have seen none.
    await until('ten reports acknowledged before the outage', () => acknowledged() >= 10);
    await own.down();
    const downAt = Date.now() - t0;
    const readyDown = await request(app.getHttpServer()).get('/readyz').timeout(10_000);
    await until('a submission refused while down', () => attempts.some((a) => !a.reportId && a.startedAt > downAt));
    await own.up();
    const upAt = Date.now() - t0;
    let readyUp = 0;
    for (let k = 0; k < 50 && readyUp !== 200; k++) {
      readyUp = (await request(app.getHttpServer()).get('/readyz').timeout(10_000)).status;
      if (readyUp !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    // Keep the load on until the app has served a while after the restart, then let the workers finish.
    await until('reports acknowledged after the restart', () => acknowledged(upAt + 1000) >= 10 || queue.length === 0);
    stop = true;
    await load;
    stop = false;
    await worker(afterRecovery);

    console.info(
      `restart under load: ${attempts.length} submissions, ${attempts.filter((a) => a.reportId).length} acknowledged, down at ${downAt} ms, up at ${upAt} ms`,
    );
    expect(readyDown.status).toBe(503);
    expect(readyUp).toBe(200);

    const failed = attempts.filter((a) => !a.reportId);
    const succeeded = attempts.filter((a) => a.reportId);
    // The outage was noticed, and both sides of it served.
    expect(failed.length).toBeGreaterThan(0);
    expect(succeeded.some((a) => a.startedAt < downAt)).toBe(true);
    expect(succeeded.some((a) => a.startedAt > upAt)).toBe(true);
    // Fail fast: nothing hangs on a dead database. The bound is the pool's 10 s wait for a slot (a
    // request queued behind others during the outage may use all of it on a loaded machine) plus margin;
    // a hang, as before the timeouts existed, lasted 46 s.
    expect(Math.max(...failed.map((a) => a.ms))).toBeLessThan(15_000);
    for (const a of failed) {
      expect(a.code).toBeDefined();
      expect(a.message).toMatch(CHINESE);
      expect(a.message).toBe('数据库暂时无法连接，请稍后重试');
      expect(a.message).not.toMatch(/ECONNREFUSED|at .*\.js|terminating connection/);
    }
    // Once readiness is back, the app serves again without a restart of its own.
    const late = attempts.filter((a) => a.startedAt > upAt + 1000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((a) => a.reportId)).toBe(true);

    // Every acknowledged report is in the database.
    const { rows } = await db.query(`SELECT id FROM progress_report`);
    const stored = new Set(rows.map((r: { id: string }) => r.id));
    expect(succeeded.filter((a) => !stored.has(a.reportId!))).toEqual([]);
  });
});
