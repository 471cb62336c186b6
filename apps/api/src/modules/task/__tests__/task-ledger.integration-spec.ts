import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { encodeCursor } from '../../../common/pagination.js';
import { TaskLightService } from '../task-light.service.js';
import { countStatements } from '../../../../test/count-statements.js';
import { fixClock, withoutReportCycle } from './fixed-clock.js';

const TASKS = `query($filter: TaskFilterInput, $sort: TaskSortInput, $first: Int, $after: String) {
  tasks(filter: $filter, sort: $sort, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { id unitId keyPointId status dueDate light progress }
  }
}`;
const MY_TASKS = `query($first: Int, $after: String) { myTasks(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id light dueDate unitId } } }`;
const TASK = `query($id: ID!) { task(id: $id) { id unit { name } keyPoint { title } plan { title } section { title } } }`;

// Monday 2026-06-15, noon in Shanghai. 2026-06-19 is 端午节 (a day off), so the 10th working day
// after today is 2026-06-30.
const NOW = '2026-06-15T04:00:00Z';

describe('task ledger: filters, keyset pagination, visibility, my tasks, dashboard', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let ledger: Awaited<ReturnType<Factory['tasks']>>;
  let office: Client;
  /** U1 leads key point 1, where U2 has a responsible task too. */
  let coTaskId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    await withoutReportCycle(t, tenant.id);
    units = [await f.unit(tenant, '市发展改革委'), await f.unit(tenant, '市教育局'), await f.unit(tenant, '市财政局')];
    // Due on the 28th of months 1..12 in turn; 30 tasks over 3 units.
    ledger = await f.tasks(tenant, units, 30, { status: (i) => (i % 5 === 0 ? 'IN_PROGRESS' : 'NOT_STARTED') });
    const kp1 = ledger.tasks[0];
    coTaskId = (
      await f.keyPointTask(
        { tenantId: tenant.id, planId: kp1.planId, keyPointId: kp1.keyPointId, year: 2026 },
        units[1],
        'RESPONSIBLE',
        { dueDate: '2026-01-28' },
      )
    ).id;
    // Tasks due after June are on pace, so their light depends only on the due date.
    await t.db.query(`UPDATE task SET progress = 90 WHERE tenant_id = $1 AND due_date > '2026-07-01'`, [tenant.id]);
    fixClock(t, NOW);
    await t.app.get(TaskLightService).recomputeForTenant(tenant.id, new Date(NOW));
    office = await f.client(tenant, 'OFFICE_STAFF');
  });
  afterAll(() => t.close());

  async function expectedIds(where: string, params: unknown[], order = 't.due_date, t.id'): Promise<string[]> {
    const { rows } = await t.db.query(
      `SELECT t.id FROM task t JOIN unit u ON u.id = t.unit_id JOIN key_point kp ON kp.id = t.key_point_id WHERE t.tenant_id = $1 AND ${where} ORDER BY ${order}`,
      [tenant.id, ...params],
    );
    return rows.map((r) => r.id);
  }

  async function allPages(client: Client, vars: Record<string, unknown>, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const data: any = await client.ok(TASKS, { ...vars, first, after });
      ids.push(...data.tasks.nodes.map((n: { id: string }) => n.id));
      pages++;
      if (!data.tasks.pageInfo.hasNextPage) return { ids, pages, totalCount: data.tasks.totalCount };
      after = data.tasks.pageInfo.endCursor;
    }
  }

  it('stores lights from the domain rule for the fixed date', async () => {
    const { rows } = await t.db.query(`SELECT due_date, light FROM task WHERE tenant_id = $1`, [tenant.id]);
    for (const r of rows) {
      const expected = r.due_date < '2026-06-15' ? 'RED' : r.due_date <= '2026-06-30' ? 'YELLOW' : 'GREEN';
      expect({ due: r.due_date, light: r.light }).toEqual({ due: r.due_date, light: expected });
    }
  });

  it('filters by unit, status, light, due range, plan, section, role and text', async () => {
    const byUnit = await office.ok(TASKS, { filter: { unitId: units[1].id }, first: 100 });
    expect(byUnit.tasks.nodes.map((n: any) => n.id)).toEqual(await expectedIds('t.unit_id = $2', [units[1].id]));
    expect(byUnit.tasks.totalCount).toBe(11);

    const inProgress = await office.ok(TASKS, { filter: { status: ['IN_PROGRESS'] }, first: 100 });
    expect(inProgress.tasks.nodes.map((n: any) => n.id).sort()).toEqual(
      (await expectedIds(`t.status = 'IN_PROGRESS'`, [])).sort(),
    );
    expect(inProgress.tasks.totalCount).toBe(6);

    const red = await office.ok(TASKS, { filter: { light: ['RED'] }, first: 100 });
    expect(red.tasks.totalCount).toBe((await expectedIds(`t.due_date < '2026-06-15'`, [])).length);
    expect(red.tasks.nodes.every((n: any) => n.dueDate < '2026-06-15')).toBe(true);

    const range = await office.ok(TASKS, { filter: { dueFrom: '2026-03-01', dueTo: '2026-04-30' }, first: 100 });
    expect(
      range.tasks.nodes.map((n: any) => n.dueDate).every((d: string) => d >= '2026-03-01' && d <= '2026-04-30'),
    ).toBe(true);
    expect(range.tasks.totalCount).toBe(6);

    const plan = await office.ok(TASKS, {
      filter: { planId: ledger.planId, sectionId: ledger.sectionId, role: 'RESPONSIBLE' },
      first: 100,
    });
    expect(plan.tasks.nodes.map((n: any) => n.id)).toEqual([coTaskId]);

    const target = ledger.tasks[7];
    const byTitle = await office.ok(TASKS, { filter: { text: target.title.split(' ')[1] }, first: 100 });
    expect(byTitle.tasks.nodes.map((n: any) => n.id)).toEqual([target.id]);
    const byUnitName = await office.ok(TASKS, { filter: { text: '教育' }, first: 100 });
    expect(byUnitName.tasks.totalCount).toBe(11);
    // LIKE wildcards are searched for literally.
    expect((await office.ok(TASKS, { filter: { text: '%' }, first: 5 })).tasks.totalCount).toBe(0);
  });

  it('walks keyset pages without gaps or repeats, for several sort orders', async () => {
    const byDue = await allPages(office, { sort: { field: 'DUE_DATE', direction: 'ASC' } }, 7);
    expect(byDue.ids).toEqual(await expectedIds('true', []));
    expect(byDue.pages).toBe(5);
    expect(byDue.totalCount).toBe(31);

    const byUnitDesc = await allPages(office, { sort: { field: 'UNIT', direction: 'DESC' } }, 4);
    expect(byUnitDesc.ids).toEqual(await expectedIds('true', [], 'u.name DESC, t.id DESC'));

    const { rows: touched } = await t.db.query(
      `UPDATE task SET updated_at = now() - (random() * interval '1 day') WHERE tenant_id = $1 RETURNING id`,
      [tenant.id],
    );
    expect(touched).toHaveLength(31);
    const byUpdated = await allPages(office, { sort: { field: 'UPDATED', direction: 'DESC' } }, 6);
    expect(byUpdated.ids).toEqual(await expectedIds('true', [], 't.updated_at DESC, t.id DESC'));

    const filtered = await allPages(
      office,
      { filter: { unitId: units[0].id }, sort: { field: 'PROGRESS', direction: 'ASC' } },
      3,
    );
    expect(filtered.ids).toEqual(await expectedIds('t.unit_id = $2', [units[0].id], 't.progress, t.id'));
  });

  it('refuses bad input with Chinese messages naming the field', async () => {
    const badId = await office.gql(TASKS, { filter: { unitId: 'not-a-uuid' } });
    expect(errorCode(badId)).toBe('BAD_USER_INPUT');
    expect((badId.errors![0].extensions as any).field).toBe('unitId');
    const badRange = await office.gql(TASKS, { filter: { dueFrom: '2026-05-01', dueTo: '2026-04-01' } });
    expect(badRange.errors![0].message).toBe('截止日期范围的开始日期不能晚于结束日期');
    expect(errorCode(await office.gql(TASKS, { filter: { text: '长'.repeat(101) } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await office.gql(TASKS, { first: 1000 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await office.gql(TASKS, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    // A well-formed cursor with a value that is not a date must not reach PostgreSQL's cast.
    expect(errorCode(await office.gql(TASKS, { after: encodeCursor(['yesterday', ledger.tasks[0].id]) }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it("shows a unit its own tasks plus its co-units' tasks on key points it leads, nothing else", async () => {
    const u1 = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    const u2 = await f.client(tenant, 'UNIT_LEADER', units[1]);
    const seenByU1 = await allPages(u1, {}, 50);
    expect(seenByU1.ids.sort()).toEqual([...(await expectedIds('t.unit_id = $2', [units[0].id])), coTaskId].sort());
    const seenByU2 = await allPages(u2, {}, 50);
    expect(seenByU2.ids.sort()).toEqual((await expectedIds('t.unit_id = $2', [units[1].id])).sort());
    // U2 is only responsible on key point 1: U1's lead task there stays hidden.
    expect(errorCode(await u2.gql(TASK, { id: ledger.tasks[0].id }))).toBe('NOT_FOUND');
    expect((await u1.ok(TASK, { id: coTaskId })).task.unit.name).toBe('市教育局');
    // Leadership reads the whole tenant.
    const leader = await f.client(tenant, 'LEADERSHIP');
    expect((await leader.ok(TASKS, { first: 1 })).tasks.totalCount).toBe(31);
  });

  it('hides every task from another tenant, even with real ids', async () => {
    const other = await f.tenant();
    const otherOffice = await f.client(other, 'OFFICE_ADMIN');
    expect(errorCode(await otherOffice.gql(TASK, { id: ledger.tasks[3].id }))).toBe('NOT_FOUND');
    expect((await otherOffice.ok(TASKS, { filter: { unitId: units[0].id } })).tasks.totalCount).toBe(0);
    expect((await otherOffice.ok(TASKS, { filter: { planId: ledger.planId } })).tasks.totalCount).toBe(0);
  });

  it('resolves relations for task(id)', async () => {
    const target = ledger.tasks[4];
    const data = await office.ok(TASK, { id: target.id });
    expect(data.task).toEqual({
      id: target.id,
      unit: { name: '市教育局' },
      keyPoint: { title: target.title },
      plan: { title: expect.stringContaining('2026年政务公开工作要点') },
      section: { title: '加强政策解读' },
    });
  });

  it('orders my tasks red, then yellow, then by due date, and keeps them to my unit', async () => {
    const u3 = await f.client(tenant, 'UNIT_LIAISON', units[2]);
    const first = await u3.ok(MY_TASKS, { first: 4 });
    const rest = await u3.ok(MY_TASKS, { first: 50, after: first.myTasks.pageInfo.endCursor });
    const nodes = [...first.myTasks.nodes, ...rest.myTasks.nodes];
    expect(nodes).toHaveLength(10);
    expect(nodes.every((n: any) => n.unitId === units[2].id)).toBe(true);
    const rank = (l: string) => ({ RED: 0, YELLOW: 1, GREEN: 2 })[l] ?? 3;
    const sorted = [...nodes].sort(
      (a: any, b: any) =>
        rank(a.light) - rank(b.light) || a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id),
    );
    expect(nodes.map((n: any) => n.id)).toEqual(sorted.map((n: any) => n.id));
    expect(nodes[0].light).toBe('RED');
    expect(errorCode(await office.gql(MY_TASKS, {}))).toBe('FORBIDDEN');
  });

  it('counts the dashboard in SQL: lights, overdue, waiting reports and delays, worst units, due soon', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', units[1]);
    await t.db.query(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status) VALUES ($1, $2, $3, $4, '进展', 50, 'PENDING_OFFICE'), ($1, $5, $3, $4, '进展', 50, 'ACCEPTED')`,
      [tenant.id, ledger.tasks[1].id, units[1].id, liaison.id, ledger.tasks[4].id],
    );
    await t.db.query(
      `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date) VALUES ($1, $2, $3, '原因', '2026-02-28', '2026-08-31')`,
      [tenant.id, ledger.tasks[1].id, liaison.id],
    );
    const DASHBOARD = `{ dashboard { totalTasks lights { light count } overdueCount reportsWaitingReview delayRequestsWaiting dueSoonCount dueSoonUntil unitsMostOverdue { unit { name } overdueCount } } }`;
    const d = (await office.ok(DASHBOARD)).dashboard;
    const overdue = await expectedIds(`t.due_date < '2026-06-15'`, []);
    const dueSoon = await expectedIds(`t.due_date BETWEEN '2026-06-15' AND '2026-06-30'`, []);
    expect(d).toMatchObject({
      totalTasks: 31,
      overdueCount: overdue.length,
      reportsWaitingReview: 1,
      delayRequestsWaiting: 1,
      dueSoonUntil: '2026-06-30',
      dueSoonCount: dueSoon.length,
    });
    expect(d.lights.find((l: any) => l.light === 'RED').count).toBe(overdue.length);
    expect(d.lights.reduce((s: number, l: any) => s + l.count, 0)).toBe(31);
    const { rows: perUnit } = await t.db.query(
      `SELECT u.name, count(*)::int AS n FROM task t JOIN unit u ON u.id = t.unit_id WHERE t.tenant_id = $1 AND t.due_date < '2026-06-15' GROUP BY u.name ORDER BY n DESC, u.name`,
      [tenant.id],
    );
    expect(d.unitsMostOverdue.map((x: any) => x.overdueCount)).toEqual(perUnit.map((r) => r.n));
    expect(d.unitsMostOverdue[0].unit.name).toBe('市教育局');

    const u3 = await f.client(tenant, 'UNIT_LIAISON', units[2]);
    const mine = (await u3.ok(DASHBOARD)).dashboard;
    expect(mine).toMatchObject({ totalTasks: 10, reportsWaitingReview: 0, delayRequestsWaiting: 0 });
    expect(mine.unitsMostOverdue.map((x: any) => x.unit.name)).toEqual(['市财政局']);
  });

  it('sends the same number of SQL statements for 5 rows as for 40 (no N+1)', async () => {
    const LIST = `{ tasks(first: 50) { totalCount nodes { id unit { name } keyPoint { title } plan { title } section { title }
      milestones { text } delayRequests { status } urges { message } history { action } isLate overdueWorkingDays } } }`;
    const measure = async (n: number) => {
      const tn = await f.tenant();
      const us = [await f.unit(tn), await f.unit(tn), await f.unit(tn)];
      await f.tasks(tn, us, n);
      const client = await f.client(tn, 'OFFICE_STAFF');
      let body: any;
      const statements = await countStatements(async () => {
        body = await client.ok(LIST);
      });
      expect(body.tasks.totalCount).toBe(n);
      expect(body.tasks.nodes[n - 1].unit.name).toBeTruthy();
      return statements;
    };
    const small = await measure(5);
    const large = await measure(40);
    expect(large).toBe(small);
    expect(small).toBeLessThan(20);
  });
});
