import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { uploadPlanOk } from '../../../../test/plan-import.js';

const at = (local: string) => new Date(`${local}+08:00`);
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishPlan(id: $id, version: $version) { id status } }`;
const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id version status } }`;
const LEADER = `mutation($id: ID!, $version: Int!, $input: LeaderDecisionInput!) { leaderDecideReport(id: $id, version: $version, input: $input) { id version status } }`;
const REVIEW = `mutation($id: ID!, $version: Int!, $input: ReviewReportInput!) { reviewReport(id: $id, version: $version, input: $input) { id version status } }`;
const REQUEST = `mutation($taskId: ID!, $input: RequestDelayInput!) { requestDelay(taskId: $taskId, input: $input) { id version } }`;
const DECIDE = `mutation($id: ID!, $version: Int!, $input: DecideDelayInput!) { decideDelay(id: $id, version: $version, input: $input) { id } }`;
const AMEND = `mutation($id: ID!, $version: Int!, $input: AmendKeyPointInput!) { amendKeyPoint(id: $id, version: $version, input: $input) { id } }`;
const INSTRUCT = `mutation($id: ID!, $text: String!) { addInstruction(keyPointId: $id, text: $text) { id } }`;
const URGE = `mutation($taskId: ID!, $message: String!) { urgeTask(taskId: $taskId, message: $message) { id } }`;
const CLOSE = `mutation($taskId: ID!, $version: Int!) { closeTask(taskId: $taskId, version: $version) { id version } }`;
const REOPEN = `mutation($taskId: ID!, $version: Int!, $reason: String!) { reopenTask(taskId: $taskId, version: $version, reason: $reason) { id } }`;
const LIST = `query($kinds: [NotificationKind!], $unreadOnly: Boolean) { notifications(kinds: $kinds, unreadOnly: $unreadOnly, first: 50) {
  totalCount nodes { id kind title body taskId groupCount } } }`;
const REACH = `query($kind: NotificationKind!, $unitIds: [ID!]!) { messageReach(kind: $kind, unitIds: $unitIds) {
  unreachableUnitNames robotNames units { unitName people { name role channels } } } }`;
const PLAN_TEXT = [
  '一、加强政策解读',
  '(一)做好重大政策解读工作。(牵头单位:市发展改革委;责任单位:市财政局)',
  '(二)推进预算决算信息公开。(牵头单位:市财政局)',
  '(三)推进国有企业信息公开。(牵头单位:市国资委)',
].join('\n');

/**
 * Every event of the supervision workflow tells the people it concerns at once, in the same transaction
 * as the change: the in-app centre and an outbox row per channel they get.
 */
describe('events that tell people at once', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let fgw: TestUnit;
  let czj: TestUnit;
  let gzw: TestUnit;
  let admin: Client;
  let staff: Client;
  let fgwLiaison: Client;
  let fgwLeader: Client;
  let czjLiaison: Client;
  let lingdao: Client;
  let tasks: { id: string; unitId: string; keyPointId: string; version: number }[];

  const kindsOf = async (c: Client) => (await c.ok(LIST, {})).notifications.nodes.map((n: { kind: string }) => n.kind);
  const latest = async (c: Client, kind: string) => (await c.ok(LIST, { kinds: [kind] })).notifications.nodes[0];
  const outboxOf = async (c: Client) =>
    (
      await t.db.query(
        `SELECT channel, kind, status FROM outbox_message WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at, kind`,
        [tenant.id, c.user.id],
      )
    ).rows;
  const taskOf = (unit: TestUnit, i = 0) => tasks.filter((x) => x.unitId === unit.id)[i]!;
  const versionOf = async (table: string, id: string) =>
    (await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id])).rows[0].version as number;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    // A second passes between steps, so "newest first" is well defined.
    let tick = at('2026-03-02T10:00:00').getTime();
    t.app.get(Clock).now = () => new Date((tick += 1000));
    tenant = await f.tenant();
    await t.db.query(`UPDATE tenant SET settings = settings || '{"leaderApproval": true}' WHERE id = $1`, [tenant.id]);
    [fgw, czj, gzw] = [
      await f.unit(tenant, '市发展改革委'),
      await f.unit(tenant, '市财政局'),
      await f.unit(tenant, '市国资委'),
    ];
    admin = await f.client(tenant, 'OFFICE_ADMIN');
    staff = await f.client(tenant, 'OFFICE_STAFF');
    fgwLiaison = await f.client(tenant, 'UNIT_LIAISON', fgw);
    fgwLeader = await f.client(tenant, 'UNIT_LEADER', fgw);
    czjLiaison = await f.client(tenant, 'UNIT_LIAISON', czj);
    lingdao = await f.client(tenant, 'LEADERSHIP');
    // 企业微信 is set up; the 发展改革委 liaison has a userid, the 财政局 liaison nothing to be found by.
    await admin.ok(
      `mutation($input: UpdateMessageSettingsInput!) { updateMessageSettings(input: $input, version: 0) { version } }`,
      {
        input: {
          wecom: { enabled: true, appId: 'ww0123456789abcdef', agentId: '1000002', secret: 'wecom-app-secret-0001' },
        },
      },
    );
    await t.db.query(`UPDATE app_user SET wecom_userid = 'fgw-lly' WHERE id = $1`, [fgwLiaison.user.id]);
    // A landline in the 手机 field finds nobody on the platforms.
    await f.contact(czjLiaison.user, { phone: '024-12345678' });
  });
  afterAll(() => t.close());

  it('tells the office before publishing who will hear of it and through what, naming units nobody can receive for', async () => {
    const reach = (await staff.ok(REACH, { kind: 'TASK_ASSIGNED', unitIds: [fgw.id, czj.id, gzw.id] })).messageReach;
    expect(reach.unreachableUnitNames).toEqual(['市国资委']);
    expect(reach.units.find((u: { unitName: string }) => u.unitName === '市发展改革委').people).toEqual([
      { name: 'UNIT_LIAISON用户', role: 'UNIT_LIAISON', channels: ['IN_APP', 'WECOM'] },
    ]);
    expect(reach.units.find((u: { unitName: string }) => u.unitName === '市财政局').people).toEqual([
      { name: 'UNIT_LIAISON用户', role: 'UNIT_LIAISON', channels: ['IN_APP'] },
    ]);
    // Urges are copied to the leader.
    const urgeReach = (await staff.ok(REACH, { kind: 'URGE', unitIds: [fgw.id] })).messageReach;
    expect(urgeReach.units[0].people.map((p: { role: string }) => p.role).sort()).toEqual([
      'UNIT_LEADER',
      'UNIT_LIAISON',
    ]);
    expect(errorCode(await fgwLiaison.gql(REACH, { kind: 'URGE', unitIds: [fgw.id] }))).toBe('FORBIDDEN');
  });

  it("tells each unit's liaisons of the tasks a publish assigns them, one message per unit", async () => {
    const { importPlan } = await uploadPlanOk(staff, { year: 2026, text: PLAN_TEXT });
    await staff.ok(PUBLISH, {
      id: importPlan.id,
      version: (await t.db.query(`SELECT version FROM plan WHERE id = $1`, [importPlan.id])).rows[0].version,
    });
    tasks = (
      await t.db.query(
        `SELECT t.id, t.unit_id AS "unitId", t.key_point_id AS "keyPointId", t.version FROM task t JOIN key_point k ON k.id = t.key_point_id WHERE t.plan_id = $1 ORDER BY k.seq`,
        [importPlan.id],
      )
    ).rows;
    const fgwNotice = await latest(fgwLiaison, 'TASK_ASSIGNED');
    expect(fgwNotice).toMatchObject({ title: '新任务：做好重大政策解读工作', taskId: taskOf(fgw).id });
    expect(fgwNotice.body).toContain('请及时签收');
    const czjNotice = await latest(czjLiaison, 'TASK_ASSIGNED');
    expect(czjNotice).toMatchObject({ title: '新交办任务 2 项', taskId: null });
    expect(czjNotice.body).toMatch(/1\. 做好重大政策解读工作（2026-12-31 前）\n2\. 推进预算决算信息公开/);
    expect(await kindsOf(fgwLeader)).toEqual([]);
    expect(await kindsOf(staff)).toEqual([]);
    // Through the work app for whoever can be reached there; the in-app centre for everyone.
    expect(await outboxOf(fgwLiaison)).toEqual([{ channel: 'WECOM', kind: 'TASK_ASSIGNED', status: 'PENDING' }]);
    expect(await outboxOf(czjLiaison)).toEqual([]);
  });

  it('asks the unit leader to approve a report, then tells the office, gathering a busy morning into one message', async () => {
    const { submitReport } = await fgwLiaison.ok(SUBMIT, {
      taskId: taskOf(fgw).id,
      input: { text: '已召开新闻发布会解读。', progress: 40 },
    });
    const pending = await latest(fgwLeader, 'REPORT_PENDING_APPROVAL');
    expect(pending).toMatchObject({ title: '进展待审核：做好重大政策解读工作', taskId: taskOf(fgw).id });
    expect(pending.body).toMatch(/报送了进展（进度 40%），请审核后报办公室/);
    expect(await kindsOf(staff)).toEqual([]);
    await fgwLeader.ok(LEADER, { id: submitReport.id, version: submitReport.version, input: { approve: true } });
    const first = await latest(staff, 'REPORT_SUBMITTED');
    expect(first).toMatchObject({ title: '待审核的进展报告 1 份', groupCount: 1, taskId: null });
    // A second unit reports: the office's unread notification counts up instead of a second one.
    const czjLeader = await f.client(tenant, 'UNIT_LEADER', czj);
    const second = (
      await czjLiaison.ok(SUBMIT, { taskId: taskOf(czj).id, input: { text: '已在门户网站公开。', progress: 50 } })
    ).submitReport;
    await czjLeader.ok(LEADER, { id: second.id, version: second.version, input: { approve: true } });
    for (const office of [staff, admin]) {
      const gathered = (await office.ok(LIST, { kinds: ['REPORT_SUBMITTED'] })).notifications;
      expect(gathered.totalCount).toBe(1);
      expect(gathered.nodes[0]).toMatchObject({
        title: '待审核的进展报告 2 份',
        groupCount: 2,
        body: expect.stringContaining('最新：市财政局报送了'),
      });
    }
    const row = await t.db.query(
      `SELECT task_ids FROM notification WHERE tenant_id = $1 AND user_id = $2 AND kind = 'REPORT_SUBMITTED'`,
      [tenant.id, staff.user.id],
    );
    expect(row.rows[0].task_ids.sort()).toEqual([taskOf(fgw).id, taskOf(czj).id].sort());
    // Once read, the next report starts a new notification.
    await staff.ok(`mutation { markNotificationsRead(input: { all: true }) { marked } }`);
    const third = (await fgwLiaison.ok(SUBMIT, { taskId: taskOf(fgw).id, input: { text: '补充材料。', progress: 60 } }))
      .submitReport;
    await fgwLeader.ok(LEADER, { id: third.id, version: third.version, input: { approve: true } });
    expect((await staff.ok(LIST, { kinds: ['REPORT_SUBMITTED'], unreadOnly: true })).notifications.nodes).toEqual([
      expect.objectContaining({ title: '待审核的进展报告 1 份', groupCount: 1 }),
    ]);
  });

  it('tells the liaisons when a report is returned with the reason, or accepted, but not the person who acted', async () => {
    const report = (
      await t.db.query(
        `SELECT id, version FROM progress_report WHERE task_id = $1 AND status = 'PENDING_OFFICE' ORDER BY submitted_at LIMIT 1`,
        [taskOf(fgw).id],
      )
    ).rows[0];
    await staff.ok(REVIEW, {
      id: report.id,
      version: report.version,
      input: { accept: false, reason: '请补充新闻发布会的链接' },
    });
    expect(await latest(fgwLiaison, 'REPORT_RETURNED')).toMatchObject({
      title: '报告被退回：做好重大政策解读工作',
      body: expect.stringContaining('退回原因：请补充新闻发布会的链接'),
    });
    const next = (
      await t.db.query(
        `SELECT id, version FROM progress_report WHERE task_id = $1 AND status = 'PENDING_OFFICE' LIMIT 1`,
        [taskOf(fgw).id],
      )
    ).rows[0];
    await staff.ok(REVIEW, { id: next.id, version: next.version, input: { accept: true } });
    expect(await latest(fgwLiaison, 'REPORT_ACCEPTED')).toMatchObject({ body: '办公室已审核通过本次进展。' });
    expect(await kindsOf(staff)).not.toContain('REPORT_RETURNED');
    // A leader sending a report back tells the liaison too.
    const back = (await czjLiaison.ok(SUBMIT, { taskId: taskOf(czj, 1).id, input: { text: '进展。', progress: 10 } }))
      .submitReport;
    const czjLeader = await f.signIn(
      tenant,
      (
        await t.db.query(`SELECT id, username, role FROM app_user WHERE unit_id = $1 AND role = 'UNIT_LEADER'`, [
          czj.id,
        ])
      ).rows[0],
    );
    await czjLeader.ok(LEADER, {
      id: back.id,
      version: back.version,
      input: { approve: false, comment: '数据需核实' },
    });
    expect((await latest(czjLiaison, 'REPORT_RETURNED')).body).toContain('退回原因：数据需核实');
  });

  it('tells the unit of a decided delay, an amended time limit, a 批示, an urge, a close and a reopen', async () => {
    const task = taskOf(czj);
    const { requestDelay } = await czjLiaison.ok(REQUEST, {
      taskId: task.id,
      input: { reason: '需与审计部门协调', requestedDueDate: '2027-01-31' },
    });
    await staff.ok(DECIDE, {
      id: requestDelay.id,
      version: requestDelay.version,
      input: { approve: true, comment: '同意' },
    });
    expect(await latest(czjLiaison, 'DELAY_DECIDED')).toMatchObject({
      title: '延期已批准：做好重大政策解读工作',
      body: '完成时限调整为 2027-01-31。意见：同意',
    });

    const kp = taskOf(gzw).keyPointId;
    await staff.ok(AMEND, {
      id: kp,
      version: await versionOf('key_point', kp),
      input: { dueDate: '2026-11-30', reason: '按省里要求提前', addUnits: [{ unitId: czj.id, role: 'RESPONSIBLE' }] },
    });
    expect(await latest(czjLiaison, 'TASK_ASSIGNED')).toMatchObject({ title: '新任务：推进国有企业信息公开' });
    const gzwLiaison = await f.client(tenant, 'UNIT_LIAISON', gzw);
    await staff.ok(AMEND, {
      id: kp,
      version: await versionOf('key_point', kp),
      input: { dueDate: '2026-10-31', reason: '再次提前' },
    });
    expect(await latest(gzwLiaison, 'TASK_AMENDED')).toMatchObject({
      title: '任务调整：推进国有企业信息公开',
      body: '完成时限由 2026-11-30 调整为 2026-10-31。调整原因：再次提前',
    });

    await lingdao.ok(INSTRUCT, { id: taskOf(fgw).keyPointId, text: '要加强解读，回应社会关切。' });
    expect(await latest(fgwLeader, 'INSTRUCTION')).toMatchObject({
      title: '领导批示：做好重大政策解读工作',
      body: expect.stringContaining('批示：要加强解读，回应社会关切。'),
    });
    expect((await staff.ok(LIST, { kinds: ['INSTRUCTION'] })).notifications.totalCount).toBe(1);
    expect(await kindsOf(lingdao)).toEqual([]);

    await staff.ok(URGE, { taskId: taskOf(gzw).id, message: '请于本周内报送进展。' });
    for (const c of [gzwLiaison])
      expect(await latest(c, 'URGE')).toMatchObject({
        title: '催办：推进国有企业信息公开',
        body: '请于本周内报送进展。',
      });

    const done = taskOf(fgw);
    await t.db.query(`UPDATE task SET status = 'DONE', completed_at = now() WHERE id = $1`, [done.id]);
    const closed = (await staff.ok(CLOSE, { taskId: done.id, version: await versionOf('task', done.id) })).closeTask;
    expect(await latest(fgwLiaison, 'TASK_CLOSED')).toMatchObject({ title: '办结销号：做好重大政策解读工作' });
    await staff.ok(REOPEN, { taskId: done.id, version: closed.version, reason: '佐证材料不完整' });
    expect(await latest(fgwLiaison, 'TASK_REOPENED')).toMatchObject({ body: '重新打开的原因：佐证材料不完整' });
  });

  it("tells the unit that receives a deactivated unit's open tasks, which it signs for anew", async () => {
    const [from, to] = [await f.unit(tenant, '市粮食局'), await f.unit(tenant, '市发展改革委粮食处')];
    const receiving = await f.client(tenant, 'UNIT_LIAISON', to);
    const kp = await f.keyPointPlan(tenant, { year: 2026, title: '推进粮食储备信息公开' });
    const moved = await f.keyPointTask(kp, from);
    await t.db.query(`UPDATE task SET signed_at = now() WHERE id = $1`, [moved.id]);
    await admin.ok(
      `mutation($id: ID!, $version: Int!, $to: ID) { deactivateUnit(id: $id, version: $version, moveOpenTasksTo: $to) { movedTasks } }`,
      {
        id: from.id,
        version: await versionOf('unit', from.id),
        to: to.id,
      },
    );
    expect(await latest(receiving, 'TASK_ASSIGNED')).toMatchObject({
      title: '新任务：推进粮食储备信息公开',
      taskId: moved.id,
    });
    expect((await t.db.query(`SELECT signed_at FROM task WHERE id = $1`, [moved.id])).rows[0].signed_at).toBeNull();
  });

  it('writes nothing when the change itself is refused: the event commits with the change or not at all', async () => {
    const before = (
      await t.db.query(`SELECT (SELECT count(*) FROM notification) AS n, (SELECT count(*) FROM outbox_message) AS o`)
    ).rows[0];
    const task = taskOf(fgw);
    expect(errorCode(await staff.gql(CLOSE, { taskId: task.id, version: 1 }))).toBe('CONFLICT');
    expect(errorCode(await fgwLiaison.gql(URGE, { taskId: task.id, message: '自己催自己' }))).toBe('FORBIDDEN');
    expect(
      (await t.db.query(`SELECT (SELECT count(*) FROM notification) AS n, (SELECT count(*) FROM outbox_message) AS o`))
        .rows[0],
    ).toEqual(before);
  });

  it('filters the 通知 page by kind', async () => {
    const all = (await fgwLiaison.ok(LIST, {})).notifications;
    const some = (await fgwLiaison.ok(LIST, { kinds: ['TASK_CLOSED', 'TASK_REOPENED'] })).notifications;
    expect(some.totalCount).toBe(2);
    expect(all.totalCount).toBeGreaterThan(some.totalCount);
    expect(some.nodes.map((n: { kind: string }) => n.kind).sort()).toEqual(['TASK_CLOSED', 'TASK_REOPENED']);
  });
});
