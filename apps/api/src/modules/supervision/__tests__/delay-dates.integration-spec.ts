import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { fixClock, withoutReportCycle } from '../../task/__tests__/fixed-clock.js';

const REQUEST = `mutation($taskId: ID!, $input: RequestDelayInput!) { requestDelay(taskId: $taskId, input: $input) { id version requestedDueDate requestedWhenOverdue } }`;
const RANGE = `query($id: ID!) { task(id: $id) { dueDate delayDateRange { earliest latest } } }`;
const PENDING = `query($id: ID!) { task(id: $id) { delayRequests { id status requestedDueDate requestedDatePassed requestedWhenOverdue } } }`;

/**
 * Issue 23: "The date picker allows only (current due, +1 year], all in the past for an overdue task, and
 * typing a date clears it silently; a date in the past was accepted and approved with no warning."
 */
describe('延期申请 dates for overdue tasks', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let liaison: Client;
  let office: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    await withoutReportCycle(t, tenant.id);
    unit = await f.unit(tenant, '省自然资源厅');
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    office = await f.client(tenant, 'OFFICE_STAFF');
    fixClock(t, '2026-11-23T04:00:00Z');
  });
  afterAll(() => t.close());

  const task = async (due: string) =>
    (await f.tasks(tenant, [unit], 1, { year: 2026, dueDate: () => due, status: () => 'IN_PROGRESS' })).tasks[0].id;

  it('offers dates from today for an overdue task, and from the day after the due date otherwise', async () => {
    expect((await liaison.ok(RANGE, { id: await task('2026-03-31') })).task.delayDateRange).toEqual({
      earliest: '2026-11-23',
      latest: '2027-11-24',
    });
    expect((await liaison.ok(RANGE, { id: await task('2026-12-31') })).task.delayDateRange).toEqual({
      earliest: '2027-01-01',
      latest: '2028-01-01',
    });
  });

  it('refuses a date that has already passed with a message at the field, and accepts today or later', async () => {
    const id = await task('2026-03-31');
    const past = await liaison.gql(REQUEST, {
      taskId: id,
      input: { requestedDueDate: '2026-06-30', reason: '前期手续未完成' },
    });
    expect(past.errors![0]).toMatchObject({
      message: '申请的完成时限已经过去，请选择今天（2026-11-23）或以后的日期',
      extensions: { code: 'BAD_USER_INPUT', field: 'requestedDueDate' },
    });
    const far = await liaison.gql(REQUEST, {
      taskId: id,
      input: { requestedDueDate: '2027-12-31', reason: '前期手续未完成' },
    });
    expect(far.errors![0].message).toBe('申请的完成时限不能晚于 2027-11-24（最长延期一年）');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM delay_request WHERE task_id = $1`, [id])).rows[0].n).toBe(
      0,
    );
    const made = (
      await liaison.ok(REQUEST, { taskId: id, input: { requestedDueDate: '2026-12-31', reason: '前期手续未完成' } })
    ).requestDelay;
    expect(made).toMatchObject({ requestedDueDate: '2026-12-31', requestedWhenOverdue: true });
  });

  it('tells the approver when the requested date has passed since the unit asked', async () => {
    const id = await task('2026-10-31');
    // Asked on 11-05 for 11-20, still waiting on 11-23.
    fixClock(t, '2026-11-05T04:00:00Z');
    const made = (
      await liaison.ok(REQUEST, { taskId: id, input: { requestedDueDate: '2026-11-20', reason: '等待省级数据接口' } })
    ).requestDelay;
    fixClock(t, '2026-11-23T04:00:00Z');
    const { task: seen } = await office.ok(PENDING, { id });
    expect(seen.delayRequests).toEqual([
      {
        id: made.id,
        status: 'PENDING',
        requestedDueDate: '2026-11-20',
        requestedDatePassed: true,
        requestedWhenOverdue: true,
      },
    ]);
  });
});
