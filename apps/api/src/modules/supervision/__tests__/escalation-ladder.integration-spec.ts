import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { countStatements } from '../../../../test/count-statements.js';
import { Factory, type TestTenant, type TestUnit, type TestUser } from '../../../../test/factory.js';
import { addRobot, platformsOnLoopback, startDingtalkRobot } from '../../../../test/platforms.js';
import { OutboxDispatcher } from '../../messaging/index.js';
import { SupervisionRunService } from '../supervision-run.service.js';

/** 09:00 in Shanghai on that day. */
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);

describe('daily supervision: due soon → 提醒 → 催办 → 拟督办, once each', () => {
  let t: TestApp;
  let f: Factory;
  let robot: Awaited<ReturnType<typeof startDingtalkRobot>>;
  let tenant: TestTenant;
  let unit: TestUnit;
  let liaisons: TestUser[];
  let leader: TestUser;
  let office: TestUser;
  let bystander: TestUser;
  let taskId: string;
  let runs: SupervisionRunService;

  beforeAll(async () => {
    robot = await startDingtalkRobot({ secret: `SEC${'5'.repeat(64)}` });
    t = await createTestApp({ MESSAGE_EXTRA_ORIGINS: robot.origin });
    platformsOnLoopback(t);
    f = new Factory(t);
    runs = t.app.get(SupervisionRunService);
    tenant = await f.tenant();
    // No report cycle here: this file follows the ladder alone.
    await t.db.query(`UPDATE tenant SET settings = $2 WHERE id = $1`, [
      tenant.id,
      {
        reportCycle: { kind: 'NONE', dayOfMonth: null, weekday: null },
        remindBeforeWorkingDays: 3,
        urgeAfterWorkingDays: 1,
        superviseAfterWorkingDays: 5,
      },
    ]);
    await addRobot(t, tenant.id, {
      platform: 'DINGTALK',
      webhookUrl: robot.webhookUrl,
      signSecret: `SEC${'5'.repeat(64)}`,
      kinds: ['DAILY_SUMMARY'],
    });
    unit = await f.unit(tenant, '市发展改革委');
    liaisons = [await f.user(tenant, 'UNIT_LIAISON', unit), await f.user(tenant, 'UNIT_LIAISON', unit)];
    leader = await f.user(tenant, 'UNIT_LEADER', unit);
    office = await f.user(tenant, 'OFFICE_STAFF');
    bystander = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant, '市财政局'));
    const kp = await f.keyPointPlan(tenant, { year: 2026, title: '推进政府信息主动公开' });
    // Due on the Friday after the National Day holiday.
    taskId = (await f.keyPointTask(kp, unit, 'LEAD', { dueDate: '2026-10-09' })).id;
  });
  afterAll(async () => {
    await robot.close();
    await t.close();
  });

  const notificationsOf = async (user: TestUser) =>
    (
      await t.db.query(
        `SELECT kind FROM notification WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at, kind`,
        [tenant.id, user.id],
      )
    ).rows.map((r) => r.kind);
  const stepsTaken = async () =>
    (
      await t.db.query(
        `SELECT step FROM escalation_step WHERE tenant_id = $1 AND task_id = $2 ORDER BY taken_at, step`,
        [tenant.id, taskId],
      )
    ).rows.map((r) => r.step);
  const runTwice = async (date: string) => {
    const first = await runs.runForTenant(tenant.id, at(date));
    const second = await runs.runForTenant(tenant.id, at(date));
    expect(second).toMatchObject({ ran: true, steps: [], notifications: 0, robotMessages: 0 });
    // The robot's summary leaves through the outbox.
    await t.app.get(OutboxDispatcher).drain(at(date));
    return first;
  };
  const robotText = (i: number) => robot.received[i].markdown.text as string;

  it('says nothing while the due date is more than 10 working days away', async () => {
    const result = await runTwice('2026-09-17');
    expect(result.steps).toEqual([]);
    expect(await notificationsOf(liaisons[0])).toEqual([]);
  });

  it('raises due-soon for the liaisons 10 working days before, once', async () => {
    const result = await runTwice('2026-09-18');
    expect(result.steps).toEqual([{ taskId, step: 'DUE_SOON' }]);
    for (const l of liaisons) expect(await notificationsOf(l)).toEqual(['DUE_SOON']);
    expect(await notificationsOf(leader)).toEqual([]);
    expect(robot.received).toHaveLength(0); // the robot hears about the ladder only
  });

  it('reminds 3 working days before the due date and tells the group robot', async () => {
    expect((await runTwice('2026-09-28')).steps).toEqual([]);
    const result = await runTwice('2026-09-29');
    expect(result.steps).toEqual([{ taskId, step: 'REMIND' }]);
    for (const l of liaisons) expect(await notificationsOf(l)).toEqual(['DUE_SOON', 'REMIND']);
    // Signed with 加签 (the robot checks it) and in markdown.
    expect(robot.received).toHaveLength(1);
    expect(robot.received[0]).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '2026-09-29 督办情况' },
      at: { atMobiles: [], isAtAll: false },
    });
    expect(robotText(0)).toContain('到期提醒 1 项');
    expect(robotText(0)).toContain('**市发展改革委**：推进政府信息主动公开');
  });

  it('does nothing on the holiday or on the due day itself', async () => {
    expect((await runTwice('2026-10-05')).steps).toEqual([]);
    expect((await runTwice('2026-10-09')).steps).toEqual([]);
  });

  it('urges automatically on the 调休 Saturday after the missed due date, copying the unit leader', async () => {
    const result = await runTwice('2026-10-10');
    expect(result.steps.map((s) => s.step).sort()).toEqual(['OVERDUE', 'URGE']);
    for (const l of liaisons) expect(await notificationsOf(l)).toEqual(['DUE_SOON', 'REMIND', 'URGE']);
    expect(await notificationsOf(leader)).toEqual(['URGE']);
    expect(await notificationsOf(office)).toEqual([]);
    const urges = await t.db.query(
      `SELECT level, automatic, created_by, message FROM urge WHERE tenant_id = $1 AND task_id = $2`,
      [tenant.id, taskId],
    );
    expect(urges.rows).toEqual([
      { level: 'URGE', automatic: true, created_by: null, message: expect.stringContaining('已逾期 1 个工作日') },
    ]);
    const task = await t.db.query(`SELECT urge_count, light FROM task WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      taskId,
    ]);
    expect(task.rows[0]).toEqual({ urge_count: 1, light: 'RED' });
    expect(robot.received).toHaveLength(2);
    expect(robotText(1)).toContain('催办 1 项');
  });

  it('proposes 督办 5 working days after the urge, telling the office too, and lists it', async () => {
    expect((await runTwice('2026-10-11')).steps).toEqual([]); // Sunday
    expect((await runTwice('2026-10-15')).steps).toEqual([]); // 4 working days after the urge
    const result = await runTwice('2026-10-16');
    expect(result.steps).toEqual([{ taskId, step: 'SUPERVISE' }]);
    for (const l of liaisons) expect(await notificationsOf(l)).toEqual(['DUE_SOON', 'REMIND', 'URGE', 'SUPERVISE']);
    expect(await notificationsOf(leader)).toEqual(['URGE', 'SUPERVISE']);
    expect(await notificationsOf(office)).toEqual(['SUPERVISE']);
    expect(await notificationsOf(bystander)).toEqual([]);
    expect(await stepsTaken()).toEqual(['DUE_SOON', 'REMIND', 'OVERDUE', 'URGE', 'SUPERVISE']);
    expect(robot.received).toHaveLength(3);
    expect(robotText(2)).toContain('拟督办 1 项');

    const officeClient = await f.signIn(tenant, office);
    const list = await officeClient.ok(
      `{ superviseProposals { totalCount nodes { level automatic task { id urgeCount } } } }`,
    );
    expect(list.superviseProposals).toEqual({
      totalCount: 1,
      nodes: [{ level: 'SUPERVISE', automatic: true, task: { id: taskId, urgeCount: 1 } }],
    });
    const unitClient = await f.signIn(tenant, liaisons[0]);
    expect((await unitClient.gql(`{ superviseProposals { totalCount } }`)).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('records each rung on the task history, by the system', async () => {
    const { rows } = await t.db.query(
      `SELECT action, actor_id, after FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action LIKE 'escalation.%' ORDER BY id`,
      [tenant.id, taskId],
    );
    expect(rows.map((r) => r.action)).toEqual(['escalation.remind', 'escalation.urge', 'escalation.supervise']);
    expect(rows.every((r) => r.actor_id === null)).toBe(true);
    expect(rows[1].after).toMatchObject({ step: 'URGE', dueDate: '2026-10-09', urgeCount: 1 });
  });

  it('starts the ladder afresh after an approved delay moves the due date', async () => {
    await t.db.query(`UPDATE task SET due_date = '2026-10-30' WHERE tenant_id = $1 AND id = $2`, [tenant.id, taskId]);
    expect((await runTwice('2026-10-19')).steps).toEqual([{ taskId, step: 'DUE_SOON' }]);
    await t.db.query(`UPDATE task SET status = 'DONE', completed_at = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      taskId,
      at('2026-10-20'),
    ]);
    expect((await runTwice('2026-11-02')).steps).toEqual([]);
  });

  it('answers the 拟督办 list in a fixed number of statements however many rows', async () => {
    const officeClient = await f.signIn(tenant, office);
    const many = await f.tasks(tenant, [unit], 20, { year: 2026 });
    const propose = (ids: string[]) =>
      t.db.query(
        `INSERT INTO urge (tenant_id, task_id, level, message, automatic) SELECT $1, unnest($2::uuid[]), 'SUPERVISE', '拟督办', true`,
        [tenant.id, ids],
      );
    const LIST = `{ superviseProposals(first: 50) { totalCount nodes { id message task { id dueDate } } } }`;
    await propose(many.tasks.slice(0, 2).map((x) => x.id));
    let small: any;
    const smallCount = await countStatements(async () => (small = await officeClient.ok(LIST)));
    await propose(many.tasks.slice(2).map((x) => x.id));
    let large: any;
    const largeCount = await countStatements(async () => (large = await officeClient.ok(LIST)));
    expect(small.superviseProposals.totalCount).toBe(2); // the task above is done, so its proposal left the list
    expect(large.superviseProposals.nodes).toHaveLength(20);
    expect(large.superviseProposals.nodes.every((n: any) => n.task?.id)).toBe(true);
    expect(smallCount).toBeGreaterThan(0);
    expect(largeCount).toBe(smallCount);
  });
});
