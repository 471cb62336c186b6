import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type TestTenant, type TestUnit, type TestUser } from '../../../../test/factory.js';
import type { Viewer } from '../../../common/viewer.js';
import { TaskLightService } from '../task-light.service.js';
import { TaskStateService } from '../task-state.service.js';
import { fixClock } from './fixed-clock.js';

const viewerOf = (u: TestUser): Viewer => ({
  tenantId: u.tenantId,
  userId: u.id,
  sessionId: 'test',
  role: u.role,
  unitId: u.unitId,
  username: u.username,
  displayName: `${u.role}用户`,
  csrfToken: '',
});

describe('task state changes driven by reports, stored lights, history', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let liaison: Viewer;
  let officer: Viewer;
  let state: TaskStateService;
  let db: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    unit = await f.unit(tenant, '市司法局');
    liaison = viewerOf(await f.user(tenant, 'UNIT_LIAISON', unit));
    officer = viewerOf(await f.user(tenant, 'OFFICE_STAFF'));
    state = t.app.get(TaskStateService);
    db = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  const task = async (id: string) => (await t.db.query(`SELECT * FROM task WHERE id = $1`, [id])).rows[0];
  const oneTask = async (dueDate: string) => (await f.tasks(tenant, [unit], 1, { dueDate: () => dueDate })).tasks[0].id;

  it('moves NOT_STARTED → IN_PROGRESS → SUBMITTED → RETURNED → SUBMITTED → DONE, bumping version and auditing each step', async () => {
    const id = await oneTask('2026-06-30');
    const at1 = new Date('2026-03-10T02:00:00Z');
    await db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, { progress: 30, claimsCompletion: false, at: at1 }),
    );
    expect(await task(id)).toMatchObject({ status: 'IN_PROGRESS', progress: 30, last_report_at: at1, version: 2 });

    // A completion claim still waiting for the unit leader does not reach the office yet.
    await db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, {
        progress: 100,
        claimsCompletion: true,
        pendingLeaderApproval: true,
        at: at1,
      }),
    );
    expect((await task(id)).status).toBe('IN_PROGRESS');

    const claimAt = new Date('2026-06-20T02:00:00Z');
    await db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, { progress: 100, claimsCompletion: true, at: claimAt }),
    );
    expect(await task(id)).toMatchObject({ status: 'SUBMITTED', progress: 100, version: 4 });

    const again = db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, { progress: 100, claimsCompletion: false, at: claimAt }),
    );
    await expect(again).rejects.toMatchObject({
      message: '任务已报完成，正在等待办公室审核，暂不能再次报送',
      extensions: { code: 'CONFLICT' },
    });

    await db.transaction((m) =>
      state.onReportReturned(m, officer, id, { reason: '佐证材料不全', at: new Date('2026-06-22T02:00:00Z') }),
    );
    expect((await task(id)).status).toBe('RETURNED');
    await db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, { progress: 100, claimsCompletion: true, at: claimAt }),
    );
    const acceptedAt = new Date('2026-07-06T02:00:00Z');
    await db.transaction((m) => state.onReportAccepted(m, officer, id, { claimsCompletion: true, at: acceptedAt }));
    // On time: the claim came before the due date, however late the office accepted it.
    expect(await task(id)).toMatchObject({
      status: 'DONE',
      completed_at: claimAt,
      accepted_at: acceptedAt,
      light: 'DONE',
      version: 7,
    });

    const { rows: audit } = await t.db.query(
      `SELECT action, actor_id, before->>'status' AS b, after->>'status' AS a, note FROM audit_log WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit.map((r) => [r.action, r.b, r.a])).toEqual([
      ['REPORT_SUBMITTED', 'NOT_STARTED', 'IN_PROGRESS'],
      ['REPORT_SUBMITTED', 'IN_PROGRESS', 'IN_PROGRESS'],
      ['REPORT_SUBMITTED', 'IN_PROGRESS', 'SUBMITTED'],
      ['REPORT_RETURNED', 'SUBMITTED', 'RETURNED'],
      ['REPORT_SUBMITTED', 'RETURNED', 'SUBMITTED'],
      ['REPORT_ACCEPTED', 'SUBMITTED', 'DONE'],
    ]);
    expect(audit[3]).toMatchObject({ actor_id: officer.userId, note: '佐证材料不全' });
  });

  it('keeps the status when a plain progress report is accepted, and refuses bad progress', async () => {
    const id = await oneTask('2026-09-30');
    await db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, {
        progress: 40,
        claimsCompletion: false,
        at: new Date('2026-04-01T02:00:00Z'),
      }),
    );
    await db.transaction((m) =>
      state.onReportAccepted(m, officer, id, { claimsCompletion: false, at: new Date('2026-04-02T02:00:00Z') }),
    );
    expect(await task(id)).toMatchObject({ status: 'IN_PROGRESS', progress: 40, version: 3 });
    await expect(
      db.transaction((m) =>
        state.onReportSubmitted(m, liaison, id, { progress: 120, claimsCompletion: false, at: new Date() }),
      ),
    ).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'progress' },
    });
  });

  it('marks a late completion DONE_LATE, and an approved delay excuses it', async () => {
    const late = await oneTask('2026-05-29');
    const excused = await oneTask('2026-05-29');
    await t.db.query(`UPDATE task SET due_date = '2026-06-30' WHERE id = $1`, [excused]);
    await t.db.query(
      `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date, status) VALUES ($1, $2, $3, '汛期', '2026-05-29', '2026-06-30', 'APPROVED')`,
      [tenant.id, excused, liaison.userId],
    );
    const claimAt = new Date('2026-06-02T02:00:00Z'); // Tuesday: 2 working days after Friday 05-29
    for (const id of [late, excused]) {
      await db.transaction((m) =>
        state.onReportSubmitted(m, liaison, id, { progress: 100, claimsCompletion: true, at: claimAt }),
      );
      await db.transaction((m) =>
        state.onReportAccepted(m, officer, id, { claimsCompletion: true, at: new Date('2026-06-03T02:00:00Z') }),
      );
    }
    expect((await task(late)).light).toBe('DONE_LATE');
    expect((await task(excused)).light).toBe('DONE');

    fixClock(t, '2026-06-15T04:00:00Z');
    const office = await f.signIn(tenant, await f.user(tenant, 'OFFICE_ADMIN'));
    const Q = `query($id: ID!) { task(id: $id) { isLate overdueWorkingDays originalDueDate dueDate } }`;
    expect((await office.ok(Q, { id: late })).task).toEqual({
      isLate: true,
      overdueWorkingDays: 2,
      originalDueDate: '2026-05-29',
      dueDate: '2026-05-29',
    });
    expect((await office.ok(Q, { id: excused })).task).toEqual({
      isLate: false,
      overdueWorkingDays: 0,
      originalDueDate: '2026-05-29',
      dueDate: '2026-06-30',
    });
  });

  it("recomputes a tenant's lights for a fixed date without bumping versions", async () => {
    const tn = await f.tenant(); // default settings: monthly reports by the 25th, yellow within 10 working days, 20% pace margin
    const u = await f.unit(tn);
    const { tasks } = await f.tasks(tn, [u], 7, {
      dueDate: (i) =>
        ['2026-06-12', '2026-06-25', '2026-12-31', '2026-12-31', '2026-12-31', '2026-06-10', '2026-07-31'][i],
    });
    const set = (i: number, sql: string) => t.db.query(`UPDATE task SET ${sql} WHERE id = $1`, [tasks[i].id]);
    const reported = `last_report_at = '2026-06-01T02:00:00Z'`;
    await set(0, reported); // overdue since Friday → RED
    await set(1, `progress = 90, ${reported}`); // 8 working days left (06-19 is 端午节) → YELLOW
    await set(2, `progress = 50, ${reported}`); // on pace, reported this period → GREEN
    await set(3, `progress = 50`); // May's report (due 05-25) never came → YELLOW
    await set(4, `progress = 10, ${reported}`); // ~45% of the working time gone, 10% done → YELLOW
    await set(5, `status = 'DONE', completed_at = '2026-06-09T02:00:00Z'`); // done before its due day → DONE
    await set(6, `status = 'SUBMITTED', progress = 100, ${reported}`); // claim waiting for the office → GREEN
    const changed = await t.app.get(TaskLightService).recomputeForTenant(tn.id, new Date('2026-06-15T04:00:00Z'));
    const { rows } = await t.db.query(`SELECT id, light, version FROM task WHERE tenant_id = $1`, [tn.id]);
    const lightOf = (i: number) => rows.find((r) => r.id === tasks[i].id).light;
    expect([0, 1, 2, 3, 4, 5, 6].map(lightOf)).toEqual(['RED', 'YELLOW', 'GREEN', 'YELLOW', 'YELLOW', 'DONE', 'GREEN']);
    expect(changed).toBe(5); // the column defaults to GREEN
    expect(rows.every((r) => r.version === 1)).toBe(true);
    expect(await t.app.get(TaskLightService).recomputeForTenant(tn.id, new Date('2026-06-15T04:00:00Z'))).toBe(0);
    // A week later task 1 is overdue as well.
    await t.app.get(TaskLightService).recomputeForTenant(tn.id, new Date('2026-06-26T04:00:00Z'));
    expect((await t.db.query(`SELECT light FROM task WHERE id = $1`, [tasks[1].id])).rows[0].light).toBe('RED');
  });

  it("counts working days with the tenant's own calendar corrections", async () => {
    const plain = await f.tenant();
    const corrected = await f.tenant();
    await t.db.query(
      `INSERT INTO calendar_correction (tenant_id, date, workday, note) VALUES ($1, '2026-06-29', false, '本地调休')`,
      [corrected.id],
    );
    const lights: string[] = [];
    for (const tn of [plain, corrected]) {
      const u = await f.unit(tn);
      await t.db.query(`UPDATE tenant SET settings = '{"reportCycle":{"kind":"NONE"}}' WHERE id = $1`, [tn.id]);
      const { tasks } = await f.tasks(tn, [u], 1, { dueDate: () => '2026-07-01' });
      await t.db.query(`UPDATE task SET progress = 90 WHERE id = $1`, [tasks[0].id]);
      await t.app.get(TaskLightService).recomputeForTenant(tn.id, new Date('2026-06-15T04:00:00Z'));
      lights.push((await t.db.query(`SELECT light FROM task WHERE id = $1`, [tasks[0].id])).rows[0].light);
    }
    // 07-01 is the 11th working day from 06-15; with 06-29 off it becomes the 10th.
    expect(lights).toEqual(['GREEN', 'YELLOW']);
  });

  it("shows a task's history to the office and its own unit only", async () => {
    const other = await f.unit(tenant, '市民政局');
    const id = await oneTask('2026-11-30');
    await db.transaction((m) =>
      state.onReportSubmitted(m, liaison, id, {
        progress: 20,
        claimsCompletion: false,
        at: new Date('2026-03-01T02:00:00Z'),
      }),
    );
    const H = `query($id: ID!) { task(id: $id) { history { action actorName entityType before after } } }`;
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const history = (await office.ok(H, { id })).task.history;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'REPORT_SUBMITTED', actorName: 'UNIT_LIAISON用户', entityType: 'task' });
    expect(JSON.parse(history[0].after)).toMatchObject({ status: 'IN_PROGRESS', progress: 20 });
    const own = await f.signIn(tenant, {
      id: liaison.userId,
      username: liaison.username,
      role: 'UNIT_LIAISON',
      tenantId: tenant.id,
      unitId: unit.id,
    });
    expect((await own.ok(H, { id })).task.history).toHaveLength(1);
    expect(errorCode(await (await f.client(tenant, 'LEADERSHIP')).gql(H, { id }))).toBe('FORBIDDEN');
    expect(errorCode(await (await f.client(tenant, 'UNIT_LIAISON', other)).gql(H, { id }))).toBe('NOT_FOUND');
    expect(errorCode(await (await f.client(await f.tenant(), 'OFFICE_ADMIN')).gql(H, { id }))).toBe('NOT_FOUND');
  });
});
