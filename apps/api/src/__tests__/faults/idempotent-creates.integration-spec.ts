import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestKeyPoint, type TestTenant } from '../../../test/factory.js';
import { PDF } from '../../modules/file/__tests__/test-files.js';
import { DailySupervisionWorker } from '../../modules/supervision/daily-supervision.worker.js';

const PLAN_TEXT = `测试市2026年政务公开工作要点
一、公开
1.公开规划信息。6月底前完成。(牵头单位:市发展改革委;责任单位:市财政局)`;

/** A create's outcome: the created id, or the error code it was refused with. */
type Outcome = { id: string } | { refused: string };

/** One create path as a user meets it: who may do it, how it is called with a key, where its rows land. */
interface CreatePath {
  name: string;
  role: 'UNIT_LIAISON' | 'OFFICE_STAFF' | 'LEADERSHIP' | 'OFFICE_ADMIN';
  create(client: Client, key: string): Promise<Outcome>;
  table: string;
}

const gqlOutcome = async (client: Client, query: string, variables: Record<string, unknown>): Promise<Outcome> => {
  const body = await client.gql(query, variables);
  if (body.errors) return { refused: errorCode(body)! };
  return { id: (Object.values(body.data!)[0] as { id: string }).id };
};

/** A multipart POST of the signed-in client with the action's key in the Idempotency-Key header. */
const keyedPost = (c: Client, path: string, key: string) =>
  c.agent.post(path).set('x-csrf-token', c.csrf).set('idempotency-key', key);

const restOutcome = (res: { status: number; body: { id?: string; code?: string } }): Outcome =>
  res.status === 201 ? { id: res.body.id! } : { refused: res.body.code ?? String(res.status) };

// A COMMIT whose connection died is reported as a failure though it may have committed (on the promoted
// standby): the user's retry used to create a second report, urge, instruction, import or upload.
describe('create mutations take an idempotency key', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let kp: TestKeyPoint;
  let taskId: string;
  let unit: Awaited<ReturnType<Factory['unit']>>;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    unit = await f.unit(tenant);
    kp = await f.keyPointPlan(tenant);
    taskId = (await f.keyPointTask(kp, unit)).id;
  });
  afterAll(() => t.close());

  const paths: CreatePath[] = [
    {
      name: 'submitReport',
      role: 'UNIT_LIAISON',
      table: 'progress_report',
      create: (c, key) =>
        gqlOutcome(
          c,
          `mutation($taskId: ID!, $key: String) { submitReport(taskId: $taskId, input: { text: "已完成公开。", progress: 40 }, idempotencyKey: $key) { id } }`,
          { taskId, key },
        ),
    },
    {
      name: 'urgeTask',
      role: 'OFFICE_STAFF',
      table: 'urge',
      create: (c, key) =>
        gqlOutcome(
          c,
          `mutation($taskId: ID!, $key: String) { urgeTask(taskId: $taskId, message: "请尽快报送", idempotencyKey: $key) { id } }`,
          {
            taskId,
            key,
          },
        ),
    },
    {
      name: 'addInstruction',
      role: 'LEADERSHIP',
      table: 'instruction',
      create: (c, key) =>
        gqlOutcome(
          c,
          `mutation($kp: ID!, $key: String) { addInstruction(keyPointId: $kp, text: "抓紧落实", idempotencyKey: $key) { id } }`,
          {
            kp: kp.keyPointId,
            key,
          },
        ),
    },
    {
      name: 'POST /imports/plan',
      role: 'OFFICE_ADMIN',
      table: 'plan',
      create: async (c, key) =>
        restOutcome(await keyedPost(c, '/imports/plan', key).field('text', PLAN_TEXT).field('allowDuplicate', 'true')),
    },
    {
      name: 'POST /files',
      role: 'UNIT_LIAISON',
      table: 'stored_file',
      create: async (c, key) =>
        restOutcome(
          await keyedPost(c, '/files', key).attach('file', PDF, {
            filename: '截图说明.pdf',
            contentType: 'application/pdf',
          }),
        ),
    },
  ];

  const rowsOf = async (table: string, tenantId = tenant.id) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n as number;
  const clientFor = (path: CreatePath, forTenant = tenant) =>
    forTenant === tenant ? f.client(tenant, path.role, unit) : f.client(forTenant, path.role);

  describe.each(paths)('$name', (path) => {
    it('creates once for two calls with one key, answering the retry with the first id', async () => {
      const client = await clientFor(path);
      const before = await rowsOf(path.table);
      const key = randomUUID();
      const first = await path.create(client, key);
      expect(first).toEqual({ id: expect.any(String) });
      expect(await path.create(client, key)).toEqual(first);
      expect(await rowsOf(path.table)).toBe(before + 1);
      // A new action (a new key) creates anew.
      const next = await path.create(client, randomUUID());
      expect(next).not.toEqual(first);
      expect(await rowsOf(path.table)).toBe(before + 2);
    });

    it('creates once when two calls with one key race', async () => {
      const client = await clientFor(path);
      const before = await rowsOf(path.table);
      const key = randomUUID();
      const [a, b] = await Promise.all([path.create(client, key), path.create(client, key)]);
      expect(a).toEqual({ id: expect.any(String) });
      expect(b).toEqual(a);
      expect(await rowsOf(path.table)).toBe(before + 1);
    });

    it("refuses another user's key, and another tenant's key never returns this tenant's row", async () => {
      const owner = await clientFor(path);
      const key = randomUUID();
      const first = await path.create(owner, key);
      const before = await rowsOf(path.table);
      expect(await path.create(await clientFor(path), key)).toEqual({ refused: 'CONFLICT' });
      expect(await rowsOf(path.table)).toBe(before);

      const other = await f.tenant();
      if (path.name === 'urgeTask' || path.name === 'submitReport' || path.name === 'addInstruction') {
        // Another tenant cannot even name this tenant's task or key point: it gets NOT_FOUND, not the row.
        const refused = await path.create(await clientFor(path, other), key);
        expect(refused).toEqual({ refused: 'NOT_FOUND' });
      } else {
        const theirs = await path.create(await clientFor(path, other), key);
        expect(theirs).toEqual({ id: expect.any(String) });
        expect(theirs).not.toEqual(first);
        expect(await rowsOf(path.table, other.id)).toBe(1);
      }
    });
  });

  it('refuses a key reused by the same user for another operation, and a malformed key', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    const [report, upload] = [paths[0]!, paths[4]!];
    const key = randomUUID();
    expect(await upload.create(liaison, key)).toEqual({ id: expect.any(String) });
    const before = await rowsOf('progress_report');
    const body = await liaison.gql(
      `mutation($taskId: ID!, $key: String) { submitReport(taskId: $taskId, input: { text: "已完成公开。", progress: 50 }, idempotencyKey: $key) { id } }`,
      { taskId, key },
    );
    expect(errorCode(body)).toBe('CONFLICT');
    expect(body.errors![0]!.message).toBe('该操作标识已用于另一项操作，未保存；请刷新页面后重新提交');
    expect(await rowsOf('progress_report')).toBe(before);
    expect(await report.create(liaison, 'bad key!')).toEqual({ refused: 'BAD_USER_INPUT' });
  });

  it('lets the daily run delete keys older than seven days', async () => {
    const owner = (await t.db.query(`SELECT id FROM app_user WHERE tenant_id = $1 LIMIT 1`, [tenant.id])).rows[0].id;
    await t.db.query(
      `INSERT INTO idempotency_key (tenant_id, key, operation, user_id, result_id, created_at) VALUES
         ($1, 'old-key-0000000000', 'urge', $2, 'x', now() - interval '8 days'),
         ($1, 'new-key-0000000000', 'urge', $2, 'x', now() - interval '6 days')`,
      [tenant.id, owner],
    );
    await t.app.get(DailySupervisionWorker).catchUpAll(new Date());
    const { rows } = await t.db.query(
      `SELECT key FROM idempotency_key WHERE tenant_id = $1 AND key LIKE '%-key-%' ORDER BY key`,
      [tenant.id],
    );
    expect(rows).toEqual([{ key: 'new-key-0000000000' }]);
  });
});
