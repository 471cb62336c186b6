import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  errorCode,
  Factory,
  type Client,
  type TestKeyPoint,
  type TestTenant,
  type TestUnit,
} from '../../../../test/factory.js';

const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) {
  submitReport(taskId: $taskId, input: $input) { id status version progress claimsCompletion authorName evidence { kind url file { id filename } } }
}`;
const LEADER = `mutation($id: ID!, $version: Int!, $input: LeaderDecisionInput!) {
  leaderDecideReport(id: $id, version: $version, input: $input) { id status version leaderComment leaderName }
}`;
const REVIEW = `mutation($id: ID!, $version: Int!, $input: ReviewReportInput!) {
  reviewReport(id: $id, version: $version, input: $input) { id status version reviewComment reviewerName }
}`;

interface Setup {
  tenant: TestTenant;
  unit: TestUnit;
  kp: TestKeyPoint;
  liaison: Client;
  leader: Client;
  office: Client;
}

describe('progress report workflow', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  async function setup(leaderApproval: boolean): Promise<Setup> {
    const tenant = await f.tenant();
    await t.db.query(
      `UPDATE tenant SET settings = settings || jsonb_build_object('leaderApproval', $2::boolean) WHERE id = $1`,
      [tenant.id, leaderApproval],
    );
    const unit = await f.unit(tenant, '市人力资源社会保障局');
    const kp = await f.keyPointPlan(tenant);
    return {
      tenant,
      unit,
      kp,
      liaison: await f.client(tenant, 'UNIT_LIAISON', unit),
      leader: await f.client(tenant, 'UNIT_LEADER', unit),
      office: await f.client(tenant, 'OFFICE_STAFF'),
    };
  }
  const taskRow = async (id: string) =>
    (await t.db.query(`SELECT status, progress, version, completed_at FROM task WHERE id = $1`, [id])).rows[0];
  const auditActions = async (entityId: string) =>
    (
      await t.db.query(`SELECT action, actor_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
        entityId,
      ])
    ).rows;
  const uploadPdf = async (client: Client) => {
    const res = await client.agent
      .post('/files')
      .set('x-csrf-token', client.csrf)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), '佐证材料.pdf');
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('without leader approval: a report reaches the office at once and moves the task; the office accepts a completion', async () => {
    const s = await setup(false);
    const task = await f.keyPointTask(s.kp, s.unit);
    const fileId = await uploadPdf(s.liaison);
    const { submitReport } = await s.liaison.ok(SUBMIT, {
      taskId: task.id,
      input: {
        text: '  已在政府门户网站开设专栏。 ',
        progress: 40,
        evidenceUrls: ['https://www.example.gov.cn/zwgk/a.html'],
        fileIds: [fileId],
      },
    });
    expect(submitReport).toMatchObject({
      status: 'PENDING_OFFICE',
      version: 1,
      progress: 40,
      claimsCompletion: false,
      authorName: 'UNIT_LIAISON用户',
    });
    expect(submitReport.evidence).toEqual([
      { kind: 'URL', url: 'https://www.example.gov.cn/zwgk/a.html', file: null },
      { kind: 'FILE', url: null, file: { id: fileId, filename: '佐证材料.pdf' } },
    ]);
    expect(await taskRow(task.id)).toMatchObject({ status: 'IN_PROGRESS', progress: 40 });
    const text = (await t.db.query(`SELECT text FROM progress_report WHERE id = $1`, [submitReport.id])).rows[0].text;
    expect(text).toBe('已在政府门户网站开设专栏。');

    // The progress report is accepted; the task stays in progress.
    const accepted = await s.office.ok(REVIEW, { id: submitReport.id, version: 1, input: { accept: true } });
    expect(accepted.reviewReport).toMatchObject({ status: 'ACCEPTED', version: 2, reviewerName: 'OFFICE_STAFF用户' });
    expect((await taskRow(task.id)).status).toBe('IN_PROGRESS');

    // A completion claim moves the task to SUBMITTED; its acceptance makes it DONE.
    const claim = await s.liaison.ok(SUBMIT, {
      taskId: task.id,
      input: { text: '全部完成。', progress: 100, claimsCompletion: true },
    });
    expect((await taskRow(task.id)).status).toBe('SUBMITTED');
    await s.office.ok(REVIEW, { id: claim.submitReport.id, version: 1, input: { accept: true } });
    const done = await taskRow(task.id);
    expect(done).toMatchObject({ status: 'DONE', progress: 100 });
    expect(done.completed_at).not.toBeNull();

    // A done task takes no more reports.
    const late = await s.liaison.gql(SUBMIT, { taskId: task.id, input: { text: '补充', progress: 100 } });
    expect(errorCode(late)).toBe('BAD_USER_INPUT');
    expect(late.errors![0].message).toBe('任务已完成，不能再报送进展');

    const audit = await auditActions(submitReport.id);
    expect(audit.map((a) => a.action)).toEqual(['report.submit', 'report.accept']);
    expect(audit[1]).toMatchObject({
      actor_id: s.office.user.id,
      before: { status: 'PENDING_OFFICE' },
      after: { status: 'ACCEPTED' },
    });
    const taskAudit = await auditActions(task.id);
    expect(taskAudit.length).toBeGreaterThanOrEqual(3);
  });

  it('the office returns a completion claim with a required reason; the task goes back to the unit', async () => {
    const s = await setup(false);
    const task = await f.keyPointTask(s.kp, s.unit);
    const { submitReport } = await s.liaison.ok(SUBMIT, {
      taskId: task.id,
      input: { text: '已完成。', progress: 100, claimsCompletion: true },
    });
    const noReason = await s.office.gql(REVIEW, {
      id: submitReport.id,
      version: 1,
      input: { accept: false, reason: '  ' },
    });
    expect(noReason.errors![0]).toMatchObject({
      message: '退回时请填写理由',
      extensions: { code: 'BAD_USER_INPUT', field: 'reason' },
    });
    const { reviewReport } = await s.office.ok(REVIEW, {
      id: submitReport.id,
      version: 1,
      input: { accept: false, reason: '缺少公开网址' },
    });
    expect(reviewReport).toMatchObject({ status: 'RETURNED', reviewComment: '缺少公开网址' });
    expect((await taskRow(task.id)).status).toBe('RETURNED');
    // Decided reports cannot be decided again.
    const again = await s.office.gql(REVIEW, { id: submitReport.id, version: 2, input: { accept: true } });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].message).toMatch(/已退回/);
    // The unit reports again after a return.
    await s.liaison.ok(SUBMIT, {
      taskId: task.id,
      input: {
        text: '已补充公开网址。',
        progress: 100,
        claimsCompletion: true,
        evidenceUrls: ['http://example.gov.cn/x'],
      },
    });
    expect((await taskRow(task.id)).status).toBe('SUBMITTED');
  });

  it('with leader approval: the task moves only when the unit leader approves; a rejection needs a comment', async () => {
    const s = await setup(true);
    const task = await f.keyPointTask(s.kp, s.unit);
    const before = await taskRow(task.id);
    const first = (await s.liaison.ok(SUBMIT, { taskId: task.id, input: { text: '第一稿', progress: 30 } }))
      .submitReport;
    expect(first.status).toBe('PENDING_LEADER');
    expect(await taskRow(task.id)).toEqual(before);
    // The office does not review what the leader has not approved.
    const early = await s.office.gql(REVIEW, { id: first.id, version: 1, input: { accept: true } });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');

    const noComment = await s.leader.gql(LEADER, { id: first.id, version: 1, input: { approve: false } });
    expect(noComment.errors![0]).toMatchObject({
      message: '退回时请填写意见',
      extensions: { code: 'BAD_USER_INPUT', field: 'comment' },
    });
    const rejected = await s.leader.ok(LEADER, {
      id: first.id,
      version: 1,
      input: { approve: false, comment: '数据不准确' },
    });
    expect(rejected.leaderDecideReport).toMatchObject({
      status: 'LEADER_REJECTED',
      leaderComment: '数据不准确',
      leaderName: 'UNIT_LEADER用户',
    });
    expect(await taskRow(task.id)).toEqual(before);

    const second = (await s.liaison.ok(SUBMIT, { taskId: task.id, input: { text: '第二稿', progress: 35 } }))
      .submitReport;
    const queue = await s.leader.ok(`{ leaderQueue { totalCount nodes { id } } }`);
    expect(queue.leaderQueue).toEqual({ totalCount: 1, nodes: [{ id: second.id }] });
    const approved = await s.leader.ok(LEADER, { id: second.id, version: 1, input: { approve: true } });
    expect(approved.leaderDecideReport).toMatchObject({ status: 'PENDING_OFFICE', version: 2 });
    expect(await taskRow(task.id)).toMatchObject({ status: 'IN_PROGRESS', progress: 35 });
    const reviewQueue = await s.office.ok(`{ reviewQueue { nodes { id status } } }`);
    expect(reviewQueue.reviewQueue.nodes).toEqual([{ id: second.id, status: 'PENDING_OFFICE' }]);
    await s.office.ok(REVIEW, { id: second.id, version: 2, input: { accept: true } });
    expect((await auditActions(second.id)).map((a) => a.action)).toEqual([
      'report.submit',
      'report.leader_approve',
      'report.accept',
    ]);
  });

  it('validates input with Chinese messages naming the field', async () => {
    const s = await setup(false);
    const task = await f.keyPointTask(s.kp, s.unit);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ text: ' ', progress: 10 }, 'text', /请填写进展情况/],
      [{ text: '字'.repeat(5001), progress: 10 }, 'text', /5000/],
      [{ text: 'x', progress: 101 }, 'progress', /0 到 100/],
      [{ text: 'x', progress: 90, claimsCompletion: true }, 'progress', /100%/],
      [{ text: 'x', progress: 10, evidenceUrls: ['javascript:alert(1)'] }, 'evidenceUrls', /http 或 https/],
      [{ text: 'x', progress: 10, evidenceUrls: ['not a url'] }, 'evidenceUrls', /格式不正确/],
      [{ text: 'x', progress: 10, evidenceUrls: [`https://e.gov.cn/${'a'.repeat(2000)}`] }, 'evidenceUrls', /2000/],
      [
        { text: 'x', progress: 10, evidenceUrls: Array.from({ length: 21 }, (_, i) => `https://e.gov.cn/${i}`) },
        'evidenceUrls',
        /20 个/,
      ],
      [{ text: 'x', progress: 10, fileIds: ['00000000-0000-4000-8000-000000000000'] }, 'fileIds', /不是本人上传/],
    ];
    for (const [input, field, message] of cases) {
      const res = await s.liaison.gql(SUBMIT, { taskId: task.id, input });
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field } });
      expect(res.errors![0].message).toMatch(message);
    }
    // Someone else's upload cannot be cited, even in the same unit.
    const colleague = await f.client(s.tenant, 'UNIT_LIAISON', s.unit);
    const theirs = await uploadPdf(colleague);
    const res = await s.liaison.gql(SUBMIT, { taskId: task.id, input: { text: 'x', progress: 10, fileIds: [theirs] } });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fileIds' });
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM progress_report WHERE task_id = $1`, [task.id]);
    expect(rows[0].n).toBe(0);
  });

  describe('refusals', () => {
    it('submitReport: office, leadership FORBIDDEN; another unit or tenant NOT_FOUND; a coordinated co-unit task FORBIDDEN', async () => {
      const s = await setup(false);
      const leadUnit = await f.unit(s.tenant, '市政府办公室');
      await f.keyPointTask(s.kp, leadUnit, 'LEAD');
      const task = await f.keyPointTask(s.kp, s.unit);
      const input = { text: '进展', progress: 10 };
      for (const role of ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'] as const) {
        expect(errorCode(await (await f.client(s.tenant, role)).gql(SUBMIT, { taskId: task.id, input }))).toBe(
          'FORBIDDEN',
        );
      }
      const otherUnit = await f.client(s.tenant, 'UNIT_LIAISON');
      expect(errorCode(await otherUnit.gql(SUBMIT, { taskId: task.id, input }))).toBe('NOT_FOUND');
      const lead = await f.client(s.tenant, 'UNIT_LIAISON', leadUnit);
      expect(errorCode(await lead.gql(SUBMIT, { taskId: task.id, input }))).toBe('FORBIDDEN');
      const foreignTenant = await f.tenant();
      const foreign = await f.client(foreignTenant, 'UNIT_LIAISON');
      expect(errorCode(await foreign.gql(SUBMIT, { taskId: task.id, input }))).toBe('NOT_FOUND');
      expect(errorCode(await s.liaison.gql(SUBMIT, { taskId: 'nope', input }))).toBe('NOT_FOUND');
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM progress_report WHERE task_id = $1`, [task.id]);
      expect(rows[0].n).toBe(0);
    });

    it('leaderDecideReport: only the unit leader of the same unit, same tenant', async () => {
      const s = await setup(true);
      const task = await f.keyPointTask(s.kp, s.unit);
      const report = (await s.liaison.ok(SUBMIT, { taskId: task.id, input: { text: '进展', progress: 10 } }))
        .submitReport;
      const vars = { id: report.id, version: 1, input: { approve: true } };
      for (const role of ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP', 'UNIT_LIAISON'] as const) {
        const c = role === 'UNIT_LIAISON' ? s.liaison : await f.client(s.tenant, role);
        expect(errorCode(await c.gql(LEADER, vars))).toBe('FORBIDDEN');
      }
      const otherLeader = await f.client(s.tenant, 'UNIT_LEADER');
      expect(errorCode(await otherLeader.gql(LEADER, vars))).toBe('NOT_FOUND');
      const foreignLeader = await f.client(await f.tenant(), 'UNIT_LEADER');
      expect(errorCode(await foreignLeader.gql(LEADER, vars))).toBe('NOT_FOUND');
      // The leader of the unit coordinating the key point reads the report but may not decide it.
      const leadUnit = await f.unit(s.tenant, '牵头单位');
      await f.keyPointTask(s.kp, leadUnit, 'LEAD');
      const leadLeader = await f.client(s.tenant, 'UNIT_LEADER', leadUnit);
      expect(errorCode(await leadLeader.gql(LEADER, vars))).toBe('FORBIDDEN');
      expect((await t.db.query(`SELECT status FROM progress_report WHERE id = $1`, [report.id])).rows[0].status).toBe(
        'PENDING_LEADER',
      );
    });

    it('reviewReport: only the office, same tenant', async () => {
      const s = await setup(false);
      const task = await f.keyPointTask(s.kp, s.unit);
      const report = (await s.liaison.ok(SUBMIT, { taskId: task.id, input: { text: '进展', progress: 10 } }))
        .submitReport;
      const vars = { id: report.id, version: 1, input: { accept: true } };
      for (const c of [s.liaison, s.leader, await f.client(s.tenant, 'LEADERSHIP')])
        expect(errorCode(await c.gql(REVIEW, vars))).toBe('FORBIDDEN');
      const foreignOffice = await f.client(await f.tenant(), 'OFFICE_ADMIN');
      expect(errorCode(await foreignOffice.gql(REVIEW, vars))).toBe('NOT_FOUND');
      expect((await t.db.query(`SELECT status FROM progress_report WHERE id = $1`, [report.id])).rows[0].status).toBe(
        'PENDING_OFFICE',
      );
    });
  });

  it('a stale version gets CONFLICT and changes nothing', async () => {
    const s = await setup(true);
    const task = await f.keyPointTask(s.kp, s.unit);
    const report = (await s.liaison.ok(SUBMIT, { taskId: task.id, input: { text: '进展', progress: 10 } }))
      .submitReport;
    const stale = await s.leader.gql(LEADER, { id: report.id, version: 7, input: { approve: true } });
    expect(errorCode(stale)).toBe('CONFLICT');
    await s.leader.ok(LEADER, { id: report.id, version: 1, input: { approve: true } });
    const office = await s.office.gql(REVIEW, { id: report.id, version: 1, input: { accept: true } });
    expect(errorCode(office)).toBe('CONFLICT');
    expect(
      (await t.db.query(`SELECT status, version FROM progress_report WHERE id = $1`, [report.id])).rows[0],
    ).toEqual({ status: 'PENDING_OFFICE', version: 2 });
  });
});
