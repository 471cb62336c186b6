import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { freePort } from '../../database/embedded-postgres.js';
import { Factory } from '../../../test/factory.js';
import { startWecomApi } from '../../../test/platforms.js';
import type { TestApp } from '../../../test/test-app.js';
import { killApi, signInTo, startApi } from './api-process.js';
import { OwnPostgres } from './own-postgres.js';

// The 企业微信 stand-in listens on loopback, which only this preload lets the API processes reach.
const PRELOAD = ['./apps/api/test/loopback-platforms.ts'];
const URGE = `mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id } }`;
const SETTINGS = `mutation($input: UpdateMessageSettingsInput!) { updateMessageSettings(input: $input, version: 0) { version } }`;

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The outbox across process deaths: an event committed by a process that dies before sending is sent
 * by the next process; a delivery once recorded is never sent again; a process dying in the middle of
 * a send leaves a lease that another process takes over.
 */
describe('the message outbox when API processes are killed', () => {
  let own: OwnPostgres;
  let db: pg.Pool;
  let wecom: Awaited<ReturnType<typeof startWecomApi>>;
  let api: ChildProcess | null = null;
  let port: number;
  let env: Record<string, string>;
  let tenantCode: string;
  let staffName: string;
  let taskIds: string[];

  const outbox = async (taskId: string) =>
    (
      await db.query(`SELECT id, status, attempts FROM outbox_message WHERE $1 = ANY(task_ids) AND channel = 'WECOM'`, [
        taskId,
      ])
    ).rows;
  const attempts = async (messageId: string) =>
    (
      await db.query(`SELECT attempt, outcome FROM outbox_attempt WHERE message_id = $1 ORDER BY attempt, id`, [
        messageId,
      ])
    ).rows;
  const urge = async (taskId: string) => {
    const staff = await signInTo(port, tenantCode, staffName);
    const res = await staff.gql(URGE, { taskId, message: '请抓紧办理并报送进展。' });
    expect(res.body.errors).toBeUndefined();
  };

  beforeAll(async () => {
    own = await OwnPostgres.start();
    db = new pg.Pool({ connectionString: own.url, max: 2 });
    db.on('error', () => undefined);
    wecom = await startWecomApi({
      corpId: 'ww0123456789abcdef',
      secret: 'wecom-app-secret-0001',
      agentId: 1000002,
      people: [{ userid: 'ZhangSan', mobile: '13800000001' }],
    });
    port = await freePort();
    env = { WECOM_API_BASE: wecom.origin, JOBS_ENABLED: 'true', OUTBOX_POLL_MS: '200', OUTBOX_LEASE_SECONDS: '5' };

    const f = new Factory({} as TestApp, db);
    const tenant = await f.tenant();
    tenantCode = tenant.code;
    const unit = await f.unit(tenant, '市交通运输局');
    const liaison = await f.user(tenant, 'UNIT_LIAISON', unit);
    await db.query(`UPDATE app_user SET wecom_userid = 'ZhangSan' WHERE id = $1`, [liaison.id]);
    staffName = (await f.user(tenant, 'OFFICE_STAFF')).username;
    const admin = await f.user(tenant, 'OFFICE_ADMIN');
    const kp = await f.keyPointPlan(tenant, { title: '推进交通运输领域信息公开' });
    taskIds = [
      (await f.keyPointTask(kp, unit)).id,
      (await f.keyPointTask(await f.keyPointPlan(tenant, { title: '推进公路建设信息公开' }), unit)).id,
    ];
    // Set up 企业微信 through the API, so the secret is stored the way the app stores it.
    api = await startApi(own.url, port, { ...env, JOBS_ENABLED: 'false' }, PRELOAD);
    const office = await signInTo(port, tenantCode, admin.username);
    const saved = await office.gql(SETTINGS, {
      input: {
        wecom: { enabled: true, appId: 'ww0123456789abcdef', agentId: '1000002', secret: 'wecom-app-secret-0001' },
      },
    });
    expect(saved.body.errors).toBeUndefined();
    await killApi(api);
  }, 180_000);
  afterAll(async () => {
    await killApi(api);
    await wecom?.close();
    await db?.end();
    await own?.destroy();
  });

  it('sends, after a restart, what a process committed and died before sending', async () => {
    // A worker that looks only once a minute: the urge commits, then the process dies before its next look.
    api = await startApi(own.url, port, { ...env, OUTBOX_POLL_MS: '60000' }, PRELOAD);
    await urge(taskIds[0]);
    await killApi(api);
    const [pending] = await outbox(taskIds[0]);
    expect(pending).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(wecom.received).toHaveLength(0);

    api = await startApi(own.url, port, env, PRELOAD);
    await until('delivery', async () => (await outbox(taskIds[0]))[0].status === 'SENT');
    expect(wecom.received).toHaveLength(1);
    expect(await attempts(pending.id)).toEqual([{ attempt: 1, outcome: 'SENT' }]);
  }, 120_000);

  it('never sends again a delivery that was recorded, whatever process comes next', async () => {
    await killApi(api);
    api = await startApi(own.url, port, env, PRELOAD);
    // Several rounds of the new process's worker.
    await new Promise((r) => setTimeout(r, 2000));
    expect(wecom.received).toHaveLength(1);
    const [sent] = await outbox(taskIds[0]);
    expect(sent).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(await attempts(sent.id)).toEqual([{ attempt: 1, outcome: 'SENT' }]);
  }, 120_000);

  it('takes over, once its lease ends, a message a process was sending when it died', async () => {
    // The platform takes the request but the process dies before the answer: nothing recorded yet.
    wecom.hold(1);
    await urge(taskIds[1]);
    await until('the send in flight', async () => wecom.held.length === 1);
    await killApi(api);
    const [inFlight] = await outbox(taskIds[1]);
    expect(inFlight).toMatchObject({ status: 'SENDING', attempts: 1 });

    api = await startApi(own.url, port, env, PRELOAD);
    await until('the takeover', async () => (await outbox(taskIds[1]))[0].status === 'SENT');
    expect(await attempts(inFlight.id)).toEqual([
      { attempt: 1, outcome: 'ABANDONED' },
      { attempt: 2, outcome: 'SENT' },
    ]);
    // At least once: the platform saw the request twice; 企业微信 drops the repeat by its duplicate check.
    expect([...wecom.held, wecom.received.at(-1)].map((m) => m.enable_duplicate_check)).toEqual([1, 1]);
    expect(wecom.received).toHaveLength(2);
  }, 120_000);
});
