import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { TaskSignService } from '../task-sign.service.js';
import { fixClock, withoutReportCycle } from '../../task/__tests__/fixed-clock.js';

const SIGN = `mutation($input: SignTasksInput!) { signTasks(input: $input) { signed unsignedLeft } }`;
const COUNT = `{ unsignedTaskCount }`;
const LATE = `{ lateSigning { unitId unitName lateCount oldestAssignedOn workingDaysWaiting } }`;
const TASK = `query($id: ID!) { task(id: $id) { id signedAt history { action actorName note } } }`;
const ISSUE = `mutation($input: IssueSupervisionNoticeInput!) { issueSupervisionNotice(input: $input) {
  id year number numberText unitName color note createdByName tasks { taskId title dueDate progress color state } } }`;
const NOTICES = `query($taskId: ID) { supervisionNotices(taskId: $taskId) { totalCount nodes { id numberText color unitName } } }`;
const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;

const download = (c: Client, path: string) =>
  c.agent
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
const documentXml = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

describe('签收 and 督办通知单', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let sfj: TestUnit;
  let mzj: TestUnit;
  let office: Client;
  let liaison: Client;
  let leader: Client;
  let other: Client;
  let taskIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('大连市人民政府办公室');
    await withoutReportCycle(t, tenant.id);
    sfj = await f.unit(tenant, '市司法局');
    mzj = await f.unit(tenant, '市民政局');
    office = await f.client(tenant, 'OFFICE_STAFF');
    liaison = await f.client(tenant, 'UNIT_LIAISON', sfj);
    leader = await f.client(tenant, 'UNIT_LEADER', sfj);
    other = await f.client(tenant, 'UNIT_LIAISON', mzj);
    // Assigned Monday Sep 14, 2026; one task of the other unit.
    const made = await f.tasks(tenant, [sfj, sfj, sfj, mzj], 4, {
      year: 2026,
      dueDate: (i) => ['2026-09-30', '2026-12-31', '2026-10-20', '2026-12-31'][i],
      title: (i) => ['规范行政复议信息公开', '推进法治政府建设信息公开', '做好普法信息公开', '做好社会救助信息公开'][i],
    });
    taskIds = made.tasks.map((x) => x.id);
    await t.db.query(`UPDATE task SET assigned_on = '2026-09-14', signed_at = NULL WHERE tenant_id = $1`, [tenant.id]);
  });
  afterAll(() => t.close());

  describe('签收', () => {
    it('lists units that have not signed within the set working days, counting across the holiday', async () => {
      // Default 2 working days: Sep 14 → 16 is still in time; by Sep 17 the third working day has begun.
      fixClock(t, '2026-09-16T10:00:00+08:00');
      expect((await office.ok(LATE)).lateSigning).toEqual([]);
      fixClock(t, '2026-09-17T10:00:00+08:00');
      expect((await office.ok(LATE)).lateSigning).toEqual([
        { unitId: sfj.id, unitName: '市司法局', lateCount: 3, oldestAssignedOn: '2026-09-14', workingDaysWaiting: 3 },
        { unitId: mzj.id, unitName: '市民政局', lateCount: 1, oldestAssignedOn: '2026-09-14', workingDaysWaiting: 3 },
      ]);
      expect(errorCode(await liaison.gql(LATE))).toBe('FORBIDDEN');
    });

    it('tells the office once a working day which units are late to sign', async () => {
      const signs = t.app.get(TaskSignService);
      expect(await signs.notifyLateSigning(tenant.id, new Date('2026-09-17T07:30:00+08:00'))).toBe(1);
      expect(await signs.notifyLateSigning(tenant.id, new Date('2026-09-17T07:30:00+08:00'))).toBe(1);
      const { notifications } = await office.ok(
        `{ notifications(kinds: [SIGN_OVERDUE]) { totalCount nodes { title body } } }`,
      );
      expect(notifications.totalCount).toBe(1);
      expect(notifications.nodes[0]).toEqual({
        title: '2 个单位有任务超过 2 个工作日未签收',
        body: '市司法局（3 项，最早 2026-09-14 交办）\n市民政局（1 项，最早 2026-09-14 交办）',
      });
      // Saturday: no notice.
      expect(await signs.notifyLateSigning(tenant.id, new Date('2026-09-19T07:30:00+08:00'))).toBe(0);
    });

    it('lets the unit sign for one task, then all the rest, once each', async () => {
      expect((await liaison.ok(COUNT)).unsignedTaskCount).toBe(3);
      const version = async () =>
        (await t.db.query(`SELECT version FROM task WHERE id = $1`, [taskIds[0]])).rows[0].version;
      const before = await version();
      expect((await liaison.ok(SIGN, { input: { taskIds: [taskIds[0]] } })).signTasks).toEqual({
        signed: 1,
        unsignedLeft: 2,
      });
      // An acknowledgement, not an edit: the office's pending change of the task does not conflict with it.
      expect(await version()).toBe(before);
      expect((await liaison.ok(SIGN, { input: { taskIds: [taskIds[0]] } })).signTasks).toEqual({
        signed: 0,
        unsignedLeft: 2,
      });
      const task = (await office.ok(TASK, { id: taskIds[0] })).task;
      expect(task.signedAt).toBeTruthy();
      expect(task.history).toContainEqual(
        expect.objectContaining({ action: 'task.sign', actorName: 'UNIT_LIAISON用户' }),
      );
      expect((await leader.ok(SIGN, { input: { all: true } })).signTasks).toEqual({ signed: 2, unsignedLeft: 0 });
      expect((await office.ok(LATE)).lateSigning.map((u: { unitName: string }) => u.unitName)).toEqual(['市民政局']);
    });

    it('refuses signing for someone else: another unit, the office, another tenant', async () => {
      expect(errorCode(await other.gql(SIGN, { input: { taskIds: [taskIds[1]] } }))).toBe('NOT_FOUND');
      expect(errorCode(await office.gql(SIGN, { input: { taskIds: [taskIds[3]] } }))).toBe('FORBIDDEN');
      const stranger = await f.client(await f.tenant(), 'UNIT_LIAISON');
      expect(errorCode(await stranger.gql(SIGN, { input: { taskIds: [taskIds[3]] } }))).toBe('NOT_FOUND');
      expect(errorCode(await stranger.gql(SIGN, { input: { all: true } }))).toBeUndefined();
      expect(errorCode(await other.gql(SIGN, { input: {} }))).toBe('BAD_USER_INPUT');
      expect((await other.ok(COUNT)).unsignedTaskCount).toBe(1);
    });

    it('signs a task when its unit reports on it', async () => {
      await other.ok(SUBMIT, { taskId: taskIds[3], input: { text: '已公开救助政策。', progress: 30 } });
      expect((await other.ok(COUNT)).unsignedTaskCount).toBe(0);
      expect((await office.ok(TASK, { id: taskIds[3] })).task.history).toContainEqual(
        expect.objectContaining({ action: 'task.sign', note: '报送进展时签收' }),
      );
    });
  });

  describe('督办通知单', () => {
    let noticeId: string;

    it('issues a numbered notice in the colour of its most serious task, each task as it stands', async () => {
      // Oct 12: task 0 is overdue (Sep 30; Oct 8, 9, the 调休 Saturday 10 and 12 late); the others are behind pace.
      fixClock(t, '2026-10-12T10:00:00+08:00');
      const { issueSupervisionNotice: notice } = await office.ok(ISSUE, {
        input: { unitId: sfj.id, taskIds: [taskIds[1], taskIds[2], taskIds[0]], note: '请于10月16日前报送整改情况' },
      });
      noticeId = notice.id;
      expect(notice).toMatchObject({
        year: 2026,
        number: 1,
        numberText: '督办〔2026〕1号',
        unitName: '市司法局',
        color: 'RED',
        createdByName: 'OFFICE_STAFF用户',
      });
      expect(notice.tasks).toEqual([
        {
          taskId: taskIds[0],
          title: '规范行政复议信息公开',
          dueDate: '2026-09-30',
          progress: 0,
          color: 'RED',
          state: '已逾期 4 个工作日',
        },
        {
          taskId: taskIds[2],
          title: '做好普法信息公开',
          dueDate: '2026-10-20',
          progress: 0,
          color: 'YELLOW',
          state: expect.stringMatching(/^进度 0%，落后于时间进度/),
        },
        {
          taskId: taskIds[1],
          title: '推进法治政府建设信息公开',
          dueDate: '2026-12-31',
          progress: 0,
          color: 'YELLOW',
          state: expect.stringMatching(/^进度 0%，落后于时间进度/),
        },
      ]);
      const second = (await office.ok(ISSUE, { input: { unitId: sfj.id, taskIds: [taskIds[1]], color: 'BLUE' } }))
        .issueSupervisionNotice;
      expect(second).toMatchObject({ number: 2, numberText: '督办〔2026〕2号', color: 'BLUE' });
    });

    it('is a 督办 the unit must acknowledge, and the unit is told at once', async () => {
      const urges = await liaison.ok(
        `query($taskId: ID!) { urges(filter: { taskId: $taskId }) { nodes { level message acknowledgedAt } } }`,
        { taskId: taskIds[0] },
      );
      expect(urges.urges.nodes).toContainEqual({
        level: 'SUPERVISE',
        message: '督办通知单 督办〔2026〕1号：请于10月16日前报送整改情况',
        acknowledgedAt: null,
      });
      const { notifications } = await leader.ok(`{ notifications(kinds: [SUPERVISE]) { nodes { title body } } }`);
      expect(notifications.nodes).toContainEqual({
        title: '督办通知单 督办〔2026〕1号：3 项任务',
        body: expect.stringContaining('1. 规范行政复议信息公开（2026-09-30 前）'),
      });
      expect((await liaison.ok(NOTICES, { taskId: taskIds[0] })).supervisionNotices).toEqual({
        totalCount: 1,
        nodes: [{ id: noticeId, numberText: '督办〔2026〕1号', color: 'RED', unitName: '市司法局' }],
      });
      expect((await other.ok(NOTICES, {})).supervisionNotices.totalCount).toBe(0);
    });

    it('prints as a Word document in its colour, for the office and the unit addressed only', async () => {
      const res = await download(office, `/exports/supervision-notice.docx?id=${noticeId}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toContain(
        encodeURIComponent('督办通知单督办〔2026〕1号（市司法局）.docx'),
      );
      const xml = await documentXml(res.body);
      for (const text of [
        '督 办 通 知 单',
        '（红色督办）',
        '督办〔2026〕1号',
        '市司法局：',
        '规范行政复议信息公开',
        '已逾期 4 个工作日',
        '请于10月16日前报送整改情况',
        '大连市人民政府办公室',
        '二〇二六年十月十二日',
      ]) {
        expect(xml).toContain(text);
      }
      expect(xml).toContain('w:color w:val="C00000"');
      expect((await download(liaison, `/exports/supervision-notice.docx?id=${noticeId}`)).status).toBe(200);
      expect((await download(other, `/exports/supervision-notice.docx?id=${noticeId}`)).status).toBe(404);
      const stranger = await f.client(await f.tenant(), 'OFFICE_ADMIN');
      expect((await download(stranger, `/exports/supervision-notice.docx?id=${noticeId}`)).status).toBe(404);
    });

    it("refuses a notice from anyone but the office, for another unit's or a finished task", async () => {
      expect(errorCode(await liaison.gql(ISSUE, { input: { unitId: sfj.id, taskIds: [taskIds[0]] } }))).toBe(
        'FORBIDDEN',
      );
      const mixed = await office.gql(ISSUE, { input: { unitId: sfj.id, taskIds: [taskIds[0], taskIds[3]] } });
      expect(mixed.errors![0]).toMatchObject({
        message: '所选任务应都由市司法局承办',
        extensions: { code: 'BAD_USER_INPUT' },
      });
      await t.db.query(`UPDATE task SET status = 'DONE', completed_at = now() WHERE id = $1`, [taskIds[2]]);
      expect((await office.gql(ISSUE, { input: { unitId: sfj.id, taskIds: [taskIds[2]] } })).errors![0].message).toBe(
        '已完成的任务无需督办',
      );
      const stranger = await f.client(await f.tenant(), 'OFFICE_STAFF');
      expect(errorCode(await stranger.gql(ISSUE, { input: { unitId: sfj.id, taskIds: [taskIds[0]] } }))).toBe(
        'NOT_FOUND',
      );
    });
  });
});
