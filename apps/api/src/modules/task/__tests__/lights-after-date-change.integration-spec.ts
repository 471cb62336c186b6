import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { TaskLightService } from '../task-light.service.js';
import { fixClock, withoutReportCycle } from './fixed-clock.js';

const AMEND = `mutation($id: ID!, $version: Int!, $input: AmendKeyPointInput!) { amendKeyPoint(id: $id, version: $version, input: $input) { id dueDate } }`;
const TASK = `query($id: ID!) { task(id: $id) { status light dueDate originalDueDate isLate overdueWorkingDays version } }`;
const SET_DAY = `mutation($input: SetCalendarDayInput!) { setCalendarDay(input: $input) { date isWorkingDay correctionVersion } }`;
const REMOVE_DAY = `mutation($date: String!, $version: Int!) { removeCalendarCorrection(date: $date, version: $version) { date isWorkingDay } }`;
const REQUEST = `mutation($taskId: ID!, $input: RequestDelayInput!) { requestDelay(taskId: $taskId, input: $input) { id version } }`;
const DECIDE = `mutation($id: ID!, $version: Int!) { decideDelay(id: $id, version: $version, input: { approve: true }) { id status } }`;
const REOPEN = `mutation($taskId: ID!, $version: Int!) { reopenTask(taskId: $taskId, version: $version, reason: "复核发现材料不全") { id light } }`;

/**
 * Issue 23: "After 调整 moved a key point's time limit to next year, its five existing tasks stayed 红灯 with
 * the new date (two newly added tasks on the same date were 绿灯)." Every change of a due date, and of the
 * calendar the lights count working days on, recomputes the lights it changes in its own transaction: each
 * test reads the stored light (what the ledger filters on) right after the mutation, before any daily job.
 */
describe('warning lights after a due-date or calendar change', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let office: Client;
  const storedLight = async (id: string) =>
    (await t.db.query(`SELECT light FROM task WHERE id = $1`, [id])).rows[0].light as string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    await withoutReportCycle(t, tenant.id);
    units = [await f.unit(tenant, '省发展改革委'), await f.unit(tenant, '省财政厅'), await f.unit(tenant, '省教育厅')];
    office = await f.client(tenant, 'OFFICE_STAFF');
    // Tuesday 2026-11-10, noon in Shanghai.
    fixClock(t, '2026-11-10T04:00:00Z');
  });
  afterAll(() => t.close());

  /** A key point due 2026-06-30 with one task per unit, all overdue (red) today; assigned at the start of the year. */
  async function overdueKeyPoint() {
    const plan = await f.tasks(tenant, [units[0]], 1, {
      year: 2026,
      dueDate: () => '2026-06-30',
      status: () => 'IN_PROGRESS',
    });
    const kp = { tenantId: tenant.id, planId: plan.planId, keyPointId: plan.tasks[0].keyPointId, year: 2026 };
    await t.db.query(`UPDATE key_point SET due_date = '2026-06-30' WHERE id = $1`, [kp.keyPointId]);
    const others = [
      await f.keyPointTask(kp, units[1], 'RESPONSIBLE', { status: 'IN_PROGRESS', dueDate: '2026-06-30' }),
      await f.keyPointTask(kp, units[2], 'RESPONSIBLE', { status: 'IN_PROGRESS', dueDate: '2026-06-30' }),
    ];
    await t.db.query(`UPDATE task SET progress = 50 WHERE key_point_id = $1`, [kp.keyPointId]);
    await t.app.get(TaskLightService).recomputeForTenant(tenant.id, new Date('2026-11-10T04:00:00Z'));
    return { kp, taskIds: [plan.tasks[0].id, ...others.map((o) => o.id)] };
  }

  it('调整 of a key point turns its red tasks to the light of the new date at once', async () => {
    const { kp, taskIds } = await overdueKeyPoint();
    for (const id of taskIds) expect(await storedLight(id)).toBe('RED');
    const {
      rows: [{ version }],
    } = await t.db.query(`SELECT version FROM key_point WHERE id = $1`, [kp.keyPointId]);
    await office.ok(AMEND, {
      id: kp.keyPointId,
      version,
      input: { dueDate: '2027-06-30', reason: '根据省政府通知调整完成时限' },
    });
    for (const id of taskIds) {
      expect(await storedLight(id)).toBe('GREEN');
      expect((await office.ok(TASK, { id })).task).toMatchObject({
        light: 'GREEN',
        dueDate: '2027-06-30',
        originalDueDate: '2026-06-30',
        overdueWorkingDays: 0,
      });
    }
  });

  it('judges a task finished before the amended date as on time: the office moved the date, the unit did not ask', async () => {
    const { kp, taskIds } = await overdueKeyPoint();
    const {
      rows: [{ version }],
    } = await t.db.query(`SELECT version FROM key_point WHERE id = $1`, [kp.keyPointId]);
    await office.ok(AMEND, { id: kp.keyPointId, version, input: { dueDate: '2027-03-31', reason: '调整完成时限' } });
    // Accepted today: after the original date, before the amended one.
    await t.db.query(
      `UPDATE task SET status = 'DONE', progress = 100, completed_at = '2026-11-10T03:00:00Z', accepted_at = '2026-11-10T03:00:00Z' WHERE id = $1`,
      [taskIds[0]],
    );
    await t.app.get(TaskLightService).recomputeForTenant(tenant.id, new Date('2026-11-10T04:00:00Z'));
    expect((await office.ok(TASK, { id: taskIds[0] })).task).toMatchObject({
      light: 'DONE',
      isLate: false,
      overdueWorkingDays: 0,
    });
  });

  it('an approved delay and a reopened task are lit again in the same transaction', async () => {
    const { taskIds } = await overdueKeyPoint();
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[1]);
    await t.db.query(`UPDATE task SET progress = 95 WHERE id = $1`, [taskIds[1]]); // on pace for the new date
    const delay = (
      await liaison.ok(REQUEST, {
        taskId: taskIds[1],
        input: { requestedDueDate: '2027-01-29', reason: '需协调多个部门' },
      })
    ).requestDelay;
    await office.ok(DECIDE, { id: delay.id, version: delay.version });
    expect(await storedLight(taskIds[1])).toBe('GREEN');

    const {
      rows: [done],
    } = await t.db.query(
      `UPDATE task SET status = 'DONE', progress = 100, completed_at = '2026-06-20T02:00:00Z', accepted_at = '2026-06-21T02:00:00Z', light = 'DONE' WHERE id = $1 RETURNING version`,
      [taskIds[2]],
    );
    await office.ok(REOPEN, { taskId: taskIds[2], version: done.version });
    expect(await storedLight(taskIds[2])).toBe('RED');
  });

  it('a calendar correction relights the unfinished tasks whose working days it changes, and removing it relights them back', async () => {
    // Due Wednesday 2026-11-25: 11 working days after today (11-11 … 11-25), one more than the yellow window of 10.
    const plan = await f.tasks(tenant, [units[0], units[1]], 2, {
      year: 2026,
      dueDate: () => '2026-11-25',
      status: () => 'IN_PROGRESS',
    });
    const [a, b] = plan.tasks.map((x) => x.id);
    await t.db.query(`UPDATE task SET progress = 95, assigned_on = '2026-11-01' WHERE id = ANY($1::uuid[])`, [[a, b]]);
    await t.db.query(
      `UPDATE task SET status = 'DONE', completed_at = '2026-11-09T02:00:00Z', accepted_at = '2026-11-09T02:00:00Z', progress = 100 WHERE id = $1`,
      [b],
    );
    await t.app.get(TaskLightService).recomputeForTenant(tenant.id, new Date('2026-11-10T04:00:00Z'));
    expect([await storedLight(a), await storedLight(b)]).toEqual(['GREEN', 'DONE']);

    // The office declares Friday 11-20 a day off (a local holiday): 10 working days are left.
    const set = (await office.ok(SET_DAY, { input: { date: '2026-11-20', workday: false, note: '地方节假日' } }))
      .setCalendarDay;
    expect(await storedLight(a)).toBe('YELLOW');
    expect(await storedLight(b)).toBe('DONE');
    await office.ok(REMOVE_DAY, { date: '2026-11-20', version: set.correctionVersion });
    expect(await storedLight(a)).toBe('GREEN');
  });

  it('a correction refused for a stale version changes no light', async () => {
    const plan = await f.tasks(tenant, [units[2]], 1, {
      year: 2026,
      dueDate: () => '2026-11-25',
      status: () => 'IN_PROGRESS',
    });
    const id = plan.tasks[0].id;
    await t.db.query(`UPDATE task SET progress = 95, assigned_on = '2026-11-01' WHERE id = $1`, [id]);
    await t.app.get(TaskLightService).recomputeForTenant(tenant.id, new Date('2026-11-10T04:00:00Z'));
    const set = (await office.ok(SET_DAY, { input: { date: '2026-11-19', workday: false } })).setCalendarDay;
    expect(await storedLight(id)).toBe('YELLOW');
    const stale = await office.gql(SET_DAY, {
      input: { date: '2026-11-19', workday: true, version: set.correctionVersion + 3 },
    });
    expect(stale.errors![0].extensions.code).toBe('CONFLICT');
    expect(await storedLight(id)).toBe('YELLOW');
    await office.ok(REMOVE_DAY, { date: '2026-11-19', version: set.correctionVersion });
    expect(await storedLight(id)).toBe('GREEN');
  });
});
