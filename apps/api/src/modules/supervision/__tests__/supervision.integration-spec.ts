import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { TaskLightService } from '../../task/task-light.service.js';
import { countStatements } from '../../../../test/count-statements.js';
import { fixClock, withoutReportCycle } from '../../task/__tests__/fixed-clock.js';

const REQUEST = `mutation($taskId: ID!, $input: RequestDelayInput!) { requestDelay(taskId: $taskId, input: $input) {
  id status version currentDueDate requestedDueDate requestedByName task { id } } }`;
const DECIDE = `mutation($id: ID!, $version: Int!, $input: DecideDelayInput!) { decideDelay(id: $id, version: $version, input: $input) {
  id status version decidedByName decisionComment task { dueDate originalDueDate light version } } }`;
const WITHDRAW = `mutation($id: ID!, $version: Int!) { withdrawDelay(id: $id, version: $version) { id status version } }`;
const URGE = `mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id level message createdByName acknowledgedAt task { urgeCount } } }`;
const ACK = `mutation($id: ID!) { acknowledgeUrge(id: $id) { id acknowledgedAt acknowledgedByName } }`;
const URGES = `query($filter: UrgeFilterInput, $first: Int, $after: String) { urges(filter: $filter, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id taskId message acknowledgedAt } } }`;

describe('supervision: 延期申请 and 催办', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let lead: TestUnit;
  let stranger: TestUnit;
  let taskId: string;
  let office: Client;
  let liaison: Client;
  let leaderOfUnit: Client;
  let leadLiaison: Client;
  let strangerLiaison: Client;
  let leadership: Client;
  let otherOffice: Client;
  let otherLiaison: Client;
  const delayInput = { requestedDueDate: '2026-09-30', reason: '受汛期影响，现场工作需推迟' };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    await withoutReportCycle(t, tenant.id);
    [lead, unit, stranger] = [
      await f.unit(tenant, '市水务局'),
      await f.unit(tenant, '市应急局'),
      await f.unit(tenant, '市商务局'),
    ];
    const { tasks } = await f.tasks(tenant, [lead], 1, { dueDate: () => '2026-06-25' });
    taskId = (
      await f.keyPointTask(
        { tenantId: tenant.id, planId: tasks[0].planId, keyPointId: tasks[0].keyPointId, year: 2026 },
        unit,
        'RESPONSIBLE',
        { dueDate: '2026-06-25' },
      )
    ).id;
    await t.db.query(`UPDATE task SET progress = 90 WHERE tenant_id = $1`, [tenant.id]);
    fixClock(t, '2026-06-15T04:00:00Z');
    await t.app.get(TaskLightService).recomputeForTenant(tenant.id, new Date('2026-06-15T04:00:00Z'));
    office = await f.client(tenant, 'OFFICE_STAFF');
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
    leaderOfUnit = await f.client(tenant, 'UNIT_LEADER', unit);
    leadLiaison = await f.client(tenant, 'UNIT_LIAISON', lead);
    strangerLiaison = await f.client(tenant, 'UNIT_LIAISON', stranger);
    leadership = await f.client(tenant, 'LEADERSHIP');
    const other = await f.tenant();
    otherOffice = await f.client(other, 'OFFICE_ADMIN');
    otherLiaison = await f.client(other, 'UNIT_LIAISON');
  });
  afterAll(() => t.close());

  const taskRow = async () => (await t.db.query(`SELECT * FROM task WHERE id = $1`, [taskId])).rows[0];

  it("refuses requestDelay to everyone but the task's own unit", async () => {
    expect(errorCode(await strangerLiaison.gql(REQUEST, { taskId, input: delayInput }))).toBe('NOT_FOUND');
    expect(errorCode(await otherLiaison.gql(REQUEST, { taskId, input: delayInput }))).toBe('NOT_FOUND');
    // The lead unit sees its co-unit's task but cannot ask for its delay.
    expect(errorCode(await leadLiaison.gql(REQUEST, { taskId, input: delayInput }))).toBe('FORBIDDEN');
    expect(errorCode(await leadership.gql(REQUEST, { taskId, input: delayInput }))).toBe('FORBIDDEN');
    expect(errorCode(await office.gql(REQUEST, { taskId, input: delayInput }))).toBe('FORBIDDEN');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM delay_request`)).rows[0].n).toBe(0);
  });

  it('validates the requested date and the reason', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [
        { ...delayInput, requestedDueDate: '2026-06-25' },
        'requestedDueDate',
        '申请的完成时限应晚于当前时限 2026-06-25',
      ],
      [
        { ...delayInput, requestedDueDate: '2027-07-01' },
        'requestedDueDate',
        '申请的完成时限不能晚于 2027-06-26（最长延期一年）',
      ],
      [{ ...delayInput, requestedDueDate: '2026-02-30' }, 'requestedDueDate', '日期格式应为 YYYY-MM-DD'],
      [{ ...delayInput, reason: '  ' }, 'reason', '请填写延期理由（至少 2 个字）'],
      [{ ...delayInput, reason: '久'.repeat(1001) }, 'reason', '延期理由不能超过 1000 个字'],
    ];
    for (const [input, field, message] of cases) {
      const body = await liaison.gql(REQUEST, { taskId, input });
      expect({
        code: errorCode(body),
        field: (body.errors![0].extensions as any).field,
        message: body.errors![0].message,
      }).toEqual({ code: 'BAD_USER_INPUT', field, message });
    }
  });

  it('runs request → refuse → request → withdraw → request → approve, keeping the original date and the history', async () => {
    const first = (await liaison.ok(REQUEST, { taskId, input: delayInput })).requestDelay;
    expect(first).toMatchObject({
      status: 'PENDING',
      version: 1,
      currentDueDate: '2026-06-25',
      requestedDueDate: '2026-09-30',
      requestedByName: 'UNIT_LIAISON用户',
      task: { id: taskId },
    });
    expect(errorCode(await leaderOfUnit.gql(REQUEST, { taskId, input: delayInput }))).toBe('CONFLICT');

    // decideDelay refusals
    const decide = { id: first.id, version: 1, input: { approve: false, comment: '理由不充分' } };
    expect(errorCode(await liaison.gql(DECIDE, decide))).toBe('FORBIDDEN');
    expect(errorCode(await leadership.gql(DECIDE, decide))).toBe('FORBIDDEN');
    expect(errorCode(await otherOffice.gql(DECIDE, decide))).toBe('NOT_FOUND');
    expect(errorCode(await office.gql(DECIDE, { ...decide, version: 7 }))).toBe('CONFLICT');
    const noReason = await office.gql(DECIDE, { ...decide, input: { approve: false } });
    expect((noReason.errors![0].extensions as any).field).toBe('comment');

    const refused = (await office.ok(DECIDE, decide)).decideDelay;
    expect(refused).toMatchObject({
      status: 'REFUSED',
      version: 2,
      decidedByName: 'OFFICE_STAFF用户',
      decisionComment: '理由不充分',
      task: { dueDate: '2026-06-25' },
    });
    expect(errorCode(await office.gql(DECIDE, { ...decide, version: 2 }))).toBe('CONFLICT');

    // withdrawDelay refusals, then the unit's leader withdraws
    const second = (await leaderOfUnit.ok(REQUEST, { taskId, input: delayInput })).requestDelay;
    const withdraw = { id: second.id, version: 1 };
    expect(errorCode(await strangerLiaison.gql(WITHDRAW, withdraw))).toBe('NOT_FOUND');
    expect(errorCode(await otherLiaison.gql(WITHDRAW, withdraw))).toBe('NOT_FOUND');
    expect(errorCode(await leadLiaison.gql(WITHDRAW, withdraw))).toBe('FORBIDDEN');
    expect(errorCode(await leadership.gql(WITHDRAW, withdraw))).toBe('FORBIDDEN');
    expect(errorCode(await office.gql(WITHDRAW, withdraw))).toBe('FORBIDDEN');
    expect(errorCode(await leaderOfUnit.gql(WITHDRAW, { ...withdraw, version: 3 }))).toBe('CONFLICT');
    expect((await leaderOfUnit.ok(WITHDRAW, withdraw)).withdrawDelay).toMatchObject({
      status: 'WITHDRAWN',
      version: 2,
    });
    expect(errorCode(await liaison.gql(WITHDRAW, { ...withdraw, version: 2 }))).toBe('CONFLICT');

    const before = await taskRow();
    expect(before.light).toBe('YELLOW'); // due within 10 working days
    const third = (await liaison.ok(REQUEST, { taskId, input: delayInput })).requestDelay;
    const approved = (await office.ok(DECIDE, { id: third.id, version: 1, input: { approve: true, comment: '同意' } }))
      .decideDelay;
    expect(approved).toMatchObject({
      status: 'APPROVED',
      task: { dueDate: '2026-09-30', originalDueDate: '2026-06-25', light: 'GREEN', version: before.version + 1 },
    });

    const Q = `query($id: ID!) { task(id: $id) { delayRequests { status requestedDueDate } history { action entityType } } }`;
    const seen = (await liaison.ok(Q, { id: taskId })).task;
    expect(seen.delayRequests.map((d: any) => d.status)).toEqual(['REFUSED', 'WITHDRAWN', 'APPROVED']);
    const actions = seen.history.map((h: any) => `${h.entityType}:${h.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'delay_request:REQUEST',
        'delay_request:REFUSE',
        'delay_request:WITHDRAW',
        'delay_request:APPROVE',
        'task:DUE_DATE_EXTENDED',
      ]),
    );
    const { rows: audit } = await t.db.query(
      `SELECT before->>'dueDate' AS b, after->>'dueDate' AS a FROM audit_log WHERE entity_id = $1 AND action = 'DUE_DATE_EXTENDED'`,
      [taskId],
    );
    expect(audit).toEqual([{ b: '2026-06-25', a: '2026-09-30' }]);
  });

  it("urges a task: office only, counted on the task, acknowledged once by the task's unit", async () => {
    const vars = { taskId, message: '请于本周内报送进展' };
    expect(errorCode(await liaison.gql(URGE, vars))).toBe('FORBIDDEN');
    expect(errorCode(await leadership.gql(URGE, vars))).toBe('FORBIDDEN');
    expect(errorCode(await otherOffice.gql(URGE, vars))).toBe('NOT_FOUND');
    expect((await office.gql(URGE, { ...vars, message: ' ' })).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'message',
    });
    const versionBefore = (await taskRow()).version;
    const urge = (await office.ok(URGE, vars)).urgeTask;
    expect(urge).toMatchObject({
      level: 'URGE',
      message: '请于本周内报送进展',
      createdByName: 'OFFICE_STAFF用户',
      acknowledgedAt: null,
      task: { urgeCount: 1 },
    });
    await office.ok(URGE, { ...vars, message: '再次催办：请尽快报送' });
    expect(await taskRow()).toMatchObject({ urge_count: 2, version: versionBefore + 2 });

    expect(errorCode(await strangerLiaison.gql(ACK, { id: urge.id }))).toBe('NOT_FOUND');
    expect(errorCode(await otherLiaison.gql(ACK, { id: urge.id }))).toBe('NOT_FOUND');
    expect(errorCode(await leadLiaison.gql(ACK, { id: urge.id }))).toBe('FORBIDDEN');
    expect(errorCode(await leadership.gql(ACK, { id: urge.id }))).toBe('FORBIDDEN');
    expect(errorCode(await office.gql(ACK, { id: urge.id }))).toBe('FORBIDDEN');
    const acked = (await liaison.ok(ACK, { id: urge.id })).acknowledgeUrge;
    expect(acked.acknowledgedByName).toBe('UNIT_LIAISON用户');
    const again = (await leaderOfUnit.ok(ACK, { id: urge.id })).acknowledgeUrge;
    expect(again).toEqual(acked);
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'ACKNOWLEDGE'`,
      [urge.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("lists urges: unit users see their own unit's, the office filters and pages", async () => {
    const { tasks } = await f.tasks(tenant, [stranger], 3, { dueDate: () => '2026-08-31' });
    for (const [i, task] of tasks.entries()) await office.ok(URGE, { taskId: task.id, message: `催办第${i + 1}项` });
    const mine = (await liaison.ok(URGES, {})).urges;
    expect(mine.nodes.every((n: any) => n.taskId === taskId)).toBe(true);
    expect(mine.totalCount).toBe(2);
    expect((await liaison.ok(URGES, { filter: { unacknowledged: true } })).urges.totalCount).toBe(1);
    expect((await strangerLiaison.ok(URGES, {})).urges.totalCount).toBe(3);
    expect((await otherOffice.ok(URGES, {})).urges.totalCount).toBe(0);

    const all = (await office.ok(URGES, { first: 50 })).urges;
    expect(all.totalCount).toBe(5);
    const page1 = (await office.ok(URGES, { first: 2 })).urges;
    const page2 = (await office.ok(URGES, { first: 2, after: page1.pageInfo.endCursor })).urges;
    const page3 = (await office.ok(URGES, { first: 2, after: page2.pageInfo.endCursor })).urges;
    expect([...page1.nodes, ...page2.nodes, ...page3.nodes].map((n: any) => n.id)).toEqual(
      all.nodes.map((n: any) => n.id),
    );
    expect(page3.pageInfo.hasNextPage).toBe(false);
    expect(
      (await office.ok(URGES, { filter: { unitId: stranger.id } })).urges.nodes.map((n: any) => n.message).sort(),
    ).toEqual(['催办第1项', '催办第2项', '催办第3项']);

    const T = `query($id: ID!) { task(id: $id) { urgeCount urges { message } } }`;
    expect((await office.ok(T, { id: taskId })).task).toEqual({
      urgeCount: 2,
      urges: [{ message: '再次催办：请尽快报送' }, { message: '请于本周内报送进展' }],
    });
  });

  it('refuses urging or delaying a finished task', async () => {
    const { tasks } = await f.tasks(tenant, [unit], 1, { status: () => 'DONE' });
    await t.db.query(`UPDATE task SET completed_at = now() WHERE id = $1`, [tasks[0].id]);
    expect((await office.gql(URGE, { taskId: tasks[0].id, message: '请报送' })).errors![0].message).toBe(
      '任务已完成，无需催办',
    );
    expect((await liaison.gql(REQUEST, { taskId: tasks[0].id, input: delayInput })).errors![0].message).toBe(
      '任务已完成，无需申请延期',
    );
  });

  it('lists delay requests over visible tasks, pending first by filter, newest first', async () => {
    const LIST = `query($filter: DelayRequestFilterInput, $first: Int, $after: String) { delayRequests(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id status task { unitId } } } }`;
    const { tasks } = await f.tasks(tenant, [stranger], 3, { dueDate: () => '2026-07-31' });
    const made: string[] = [];
    for (const task of tasks)
      made.push((await strangerLiaison.ok(REQUEST, { taskId: task.id, input: delayInput })).requestDelay.id);
    const pending = (await office.ok(LIST, { filter: { status: ['PENDING'] } })).delayRequests;
    expect(pending.nodes.map((n: any) => n.id)).toEqual([...made].reverse());
    expect(pending.totalCount).toBe(3);
    const p1 = (await office.ok(LIST, { first: 2 })).delayRequests;
    const p2 = (await office.ok(LIST, { first: 2, after: p1.pageInfo.endCursor })).delayRequests;
    expect(p1.totalCount).toBe(6); // 3 from the flow above + 3 here
    expect(new Set([...p1.nodes, ...p2.nodes].map((n: any) => n.id)).size).toBe(4);
    expect(
      (await strangerLiaison.ok(LIST, {})).delayRequests.nodes.every((n: any) => n.task.unitId === stranger.id),
    ).toBe(true);
    expect((await liaison.ok(LIST, {})).delayRequests.totalCount).toBe(3);
    expect((await otherOffice.ok(LIST, {})).delayRequests.totalCount).toBe(0);
    expect(
      (await office.ok(LIST, { filter: { unitId: stranger.id, status: ['APPROVED'] } })).delayRequests.totalCount,
    ).toBe(0);
  });

  it('lists urges and delay requests with a constant number of SQL statements (2 rows vs 12)', async () => {
    const LISTS = `{ urges(first: 50) { nodes { message task { id } } } delayRequests(first: 50) { nodes { status task { id } } } }`;
    const measure = async (n: number) => {
      const tn = await f.tenant();
      const u = await f.unit(tn);
      const { tasks } = await f.tasks(tn, [u], n, { dueDate: () => '2026-07-31' });
      const off = await f.client(tn, 'OFFICE_STAFF');
      const li = await f.client(tn, 'UNIT_LIAISON', u);
      for (const task of tasks) {
        await off.ok(URGE, { taskId: task.id, message: '请报送进展' });
        await li.ok(REQUEST, { taskId: task.id, input: delayInput });
      }
      let body: any;
      const statements = await countStatements(async () => {
        body = await off.ok(LISTS);
      });
      expect(body.urges.nodes).toHaveLength(n);
      expect(body.delayRequests.nodes.every((d: any) => d.task.id)).toBe(true);
      return statements;
    };
    expect(await measure(12)).toBe(await measure(2));
  });
});
