import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory, type Client, type TestTenant, type TestUnit } from '../../../test/factory.js';

const DECIDE_DELAY = `mutation($id: ID!, $version: Int!, $input: DecideDelayInput!) { decideDelay(id: $id, version: $version, input: $input) { status task { dueDate } } }`;
const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id status version } }`;
const REVIEW = `mutation($id: ID!, $version: Int!, $input: ReviewReportInput!) { reviewReport(id: $id, version: $version, input: $input) { status } }`;
const CLOSE = `mutation($taskId: ID!, $version: Int!) { closeTask(taskId: $taskId, version: $version) { status version } }`;
const REOPEN = `mutation($taskId: ID!, $version: Int!, $reason: String!) { reopenTask(taskId: $taskId, version: $version, reason: $reason) { status } }`;
const LOCK_TIMEOUT_MS = 500;
const URGE = `mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { task { urgeCount } } }`;

/**
 * Lock waits in the task workflow. A request holds at most one database connection at a time: a
 * transaction that locked a row and then waited for a second pool connection (the calendar read behind
 * a task's warning light did) deadlocked with the requests queued behind its lock once they held every
 * other slot, and in a burst of approvals the losers got 服务器内部错误 (lock timeout) instead of
 * CONFLICT. With a pool of one connection such a second connection can never come, so each mutation
 * here fails unless it keeps to one. A wait that does time out is a conflict the user may retry.
 */
describe('lock waits of the task mutations (a pool of one connection)', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let office: Client;
  let liaison: Client;
  const year = new Date().getFullYear();

  beforeAll(async () => {
    t = await createTestApp({ DATABASE_POOL_SIZE: '1', DATABASE_LOCK_TIMEOUT_MS: String(LOCK_TIMEOUT_MS) });
    f = new Factory(t);
    tenant = await f.tenant();
    unit = await f.unit(tenant, '市司法局');
    office = await f.client(tenant, 'OFFICE_STAFF');
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
  });
  afterAll(() => t.close());

  const task = async (status: string) =>
    f.keyPointTask(await f.keyPointPlan(tenant, { year }), unit, 'LEAD', { status, dueDate: `${year}-12-31` });
  const taskRow = async (id: string) =>
    (await t.db.query(`SELECT status, version, due_date FROM task WHERE tenant_id = $1 AND id = $2`, [tenant.id, id]))
      .rows[0];
  /** A task's pending 延期申请 (version 1) asking for March 31 next year. */
  const pendingDelay = async (taskId: string): Promise<string> =>
    (
      await t.db.query(
        `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date)
         VALUES ($1, $2, $3, '需要协调', $4, $5) RETURNING id`,
        [tenant.id, taskId, liaison.user.id, `${year}-12-31`, `${year + 1}-03-31`],
      )
    ).rows[0].id;

  it('approves a delay request and moves the due date', async () => {
    const { id: taskId } = await task('IN_PROGRESS');
    const delayId = await pendingDelay(taskId);
    const data = await office.ok(DECIDE_DELAY, { id: delayId, version: 1, input: { approve: true } });
    expect(data.decideDelay).toEqual({ status: 'APPROVED', task: { dueDate: `${year + 1}-03-31` } });
  });

  it('takes a completion claim and accepts it: the task is done', async () => {
    const { id: taskId } = await task('IN_PROGRESS');
    const { submitReport } = await liaison.ok(SUBMIT, {
      taskId,
      input: { text: '已全部完成。', progress: 100, claimsCompletion: true },
    });
    expect((await taskRow(taskId)).status).toBe('SUBMITTED');
    await office.ok(REVIEW, { id: submitReport.id, version: submitReport.version, input: { accept: true } });
    expect((await taskRow(taskId)).status).toBe('DONE');
  });

  it('closes out a done task and reopens it', async () => {
    const { id: taskId } = await task('DONE');
    const { closeTask } = await office.ok(CLOSE, { taskId, version: 1 });
    expect(closeTask.status).toBe('CLOSED');
    const { reopenTask } = await office.ok(REOPEN, { taskId, version: closeTask.version, reason: '回头看发现未完成' });
    expect(reopenTask.status).toBe('IN_PROGRESS');
  });

  it('urges a task', async () => {
    const { id: taskId } = await task('IN_PROGRESS');
    const { urgeTask } = await office.ok(URGE, { taskId, message: '请尽快报送进展' });
    expect(urgeTask.task.urgeCount).toBe(1);
  });

  it('answers a wait for a row someone holds past the lock timeout with a retryable CONFLICT, and keeps the request', async () => {
    const { id: taskId } = await task('IN_PROGRESS');
    const delayId = await pendingDelay(taskId);
    // Another session is in the middle of changing the task (as the daily supervision run might be).
    const holder = await t.db.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM task WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenant.id, taskId]);
      const body = await office.gql(DECIDE_DELAY, { id: delayId, version: 1, input: { approve: true } });
      expect(body.errors?.[0]).toMatchObject({
        message: '该记录正被他人修改，等待超时，未能保存，请稍后重试',
        extensions: { code: 'CONFLICT', reason: 'DATABASE_LOCK_TIMEOUT', retryable: true },
      });
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
    const row = await t.db.query(`SELECT status, version FROM delay_request WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      delayId,
    ]);
    expect(row.rows[0]).toEqual({ status: 'PENDING', version: 1 });
    expect((await taskRow(taskId)).due_date).toBe(`${year}-12-31`);
  });
});
