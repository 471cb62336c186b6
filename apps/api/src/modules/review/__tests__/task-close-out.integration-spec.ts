import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { fixClock, NOW, withoutReportCycle } from './review-fixture.js';

const CLOSE = `mutation($taskId: ID!, $version: Int!, $note: String) { closeTask(taskId: $taskId, version: $version, note: $note) { id status closedAt closeNote light version } }`;
const CLOSE_MANY = `mutation($tasks: [CloseTaskItemInput!]!, $note: String) { closeTasks(tasks: $tasks, note: $note) { id status closeNote version } }`;
const REOPEN = `mutation($taskId: ID!, $version: Int!, $reason: String!) {
  reopenTask(taskId: $taskId, version: $version, reason: $reason) { id status closedAt completedAt light version } }`;

describe('办结销号: closing accepted tasks and reopening them with a reason', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let office: Client;
  let refused: { client: Client; code: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    fixClock(t);
    tenant = await f.tenant();
    await withoutReportCycle(t, tenant);
    unit = await f.unit(tenant, '市发展改革委');
    office = await f.client(tenant, 'OFFICE_STAFF');
    refused = [
      { client: await f.client(tenant, 'UNIT_LIAISON', unit), code: 'FORBIDDEN' },
      { client: await f.client(tenant, 'UNIT_LEADER', unit), code: 'FORBIDDEN' },
      { client: await f.client(tenant, 'LEADERSHIP'), code: 'FORBIDDEN' },
      { client: await f.client(await f.tenant(), 'OFFICE_ADMIN'), code: 'NOT_FOUND' },
    ];
  });
  afterAll(() => t.close());

  /** A task of the unit the office accepted on time: due 2026-06-30, done 2026-01-10. */
  async function doneTask() {
    const plan = await f.tasks(tenant, [unit], 1, { year: 2026, dueDate: () => '2026-06-30', status: () => 'DONE' });
    const id = plan.tasks[0].id;
    const { rows } = await t.db.query(
      `UPDATE task SET progress = 100, completed_at = '2026-01-10T02:00:00Z', accepted_at = '2026-01-12T02:00:00Z', light = 'DONE' WHERE id = $1 RETURNING version`,
      [id],
    );
    return { id, version: rows[0].version as number };
  }

  it('closes a done task, recording when and who', async () => {
    const task = await doneTask();
    const closed = (await office.ok(CLOSE, { taskId: task.id, version: task.version })).closeTask;
    expect(closed).toMatchObject({ status: 'CLOSED', light: 'DONE', version: task.version + 1 });
    expect(new Date(closed.closedAt).toISOString()).toBe(new Date(NOW).toISOString());
    const audit = await t.db.query(
      `SELECT actor_id, before, after FROM audit_log WHERE entity_id = $1 AND action = 'task.close'`,
      [task.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({
      actor_id: office.user.id,
      before: { status: 'DONE' },
      after: { status: 'CLOSED' },
    });
  });

  it('keeps the 销号 note on the task and in its history; reopening clears it', async () => {
    const task = await doneTask();
    const closed = (
      await office.ok(CLOSE, { taskId: task.id, version: task.version, note: '已按要求公开，材料齐全，予以销号' })
    ).closeTask;
    expect(closed).toMatchObject({ status: 'CLOSED', closeNote: '已按要求公开，材料齐全，予以销号' });
    const history = await office.ok(`query($id: ID!) { task(id: $id) { closeNote history { action note } } }`, {
      id: task.id,
    });
    expect(history.task.closeNote).toBe('已按要求公开，材料齐全，予以销号');
    expect(history.task.history[0]).toEqual({ action: 'task.close', note: '已按要求公开，材料齐全，予以销号' });
    const reopened = (await office.ok(REOPEN, { taskId: task.id, version: closed.version, reason: '复核发现链接失效' }))
      .reopenTask;
    const after = await office.ok(`query($id: ID!) { task(id: $id) { closeNote status } }`, { id: reopened.id });
    expect(after.task).toEqual({ closeNote: null, status: 'IN_PROGRESS' });
    expect(
      errorCode(await office.gql(CLOSE, { taskId: task.id, version: reopened.version, note: '字'.repeat(1001) })),
    ).toBe('BAD_USER_INPUT');
  });

  it('closes several accepted tasks with one note, all or none, naming the task that could not be closed', async () => {
    const [a, b, c] = [await doneTask(), await doneTask(), await doneTask()];
    const closed = (
      await office.ok(CLOSE_MANY, {
        tasks: [a, b].map((x) => ({ taskId: x.id, version: x.version })),
        note: '年度集中销号',
      })
    ).closeTasks;
    expect(closed.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    expect(
      closed.every(
        (x: { status: string; closeNote: string }) => x.status === 'CLOSED' && x.closeNote === '年度集中销号',
      ),
    ).toBe(true);
    // c is accepted, a is already closed: nothing changes, and the message says which task.
    const refusedAll = await office.gql(CLOSE_MANY, {
      tasks: [c, a].map((x) => ({ taskId: x.id, version: x.version + (x === a ? 1 : 0) })),
    });
    expect(errorCode(refusedAll)).toBe('CONFLICT');
    expect(refusedAll.errors![0].message).toMatch(
      /^“市发展改革委 · \(1\) 要点1 .*”：只有办公室已验收（已完成）的任务才能办结销号$/,
    );
    const { rows } = await t.db.query(`SELECT status, version FROM task WHERE id = $1`, [c.id]);
    expect(rows).toEqual([{ status: 'DONE', version: c.version }]);
    expect(errorCode(await office.gql(CLOSE_MANY, { tasks: [] }))).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await office.gql(CLOSE_MANY, { tasks: [c, c].map((x) => ({ taskId: x.id, version: x.version })) })),
    ).toBe('BAD_USER_INPUT');
    const tooMany = Array.from({ length: 201 }, () => ({ taskId: c.id, version: c.version }));
    expect((await office.gql(CLOSE_MANY, { tasks: tooMany })).errors![0].message).toBe('一次最多办结销号 200 项任务');
  });

  it('refuses bulk 销号 to every other role and to another tenant’s office', async () => {
    const task = await doneTask();
    for (const { client, code } of refused) {
      expect(
        errorCode(await client.gql(CLOSE_MANY, { tasks: [{ taskId: task.id, version: task.version }], note: '销号' })),
      ).toBe(code);
    }
    const { rows } = await t.db.query(`SELECT status, version FROM task WHERE id = $1`, [task.id]);
    expect(rows).toEqual([{ status: 'DONE', version: task.version }]);
  });

  it('closes only tasks the office has accepted', async () => {
    const plan = await f.tasks(tenant, [unit], 1, { year: 2026, status: () => 'SUBMITTED' });
    const res = await office.gql(CLOSE, { taskId: plan.tasks[0].id, version: 1 });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toBe('只有办公室已验收（已完成）的任务才能办结销号');
  });

  it('reopens a closed task with the reason in the record, back to 推进中 and judged by its dates again', async () => {
    const task = await doneTask();
    const closed = (await office.ok(CLOSE, { taskId: task.id, version: task.version })).closeTask;
    const noReason = await office.gql(REOPEN, { taskId: task.id, version: closed.version, reason: '  ' });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(noReason.errors![0].extensions).toMatchObject({ field: 'reason' });
    const reopened = (
      await office.ok(REOPEN, { taskId: task.id, version: closed.version, reason: '复核发现公开内容不完整' })
    ).reopenTask;
    expect(reopened).toMatchObject({
      status: 'IN_PROGRESS',
      closedAt: null,
      completedAt: null,
      light: 'GREEN',
      version: closed.version + 1,
    });
    const audit = await t.db.query(
      `SELECT note, before, after FROM audit_log WHERE entity_id = $1 AND action = 'task.reopen'`,
      [task.id],
    );
    expect(audit.rows).toEqual([expect.objectContaining({ note: '复核发现公开内容不完整' })]);
    expect(audit.rows[0].before).toMatchObject({ status: 'CLOSED' });
    expect(audit.rows[0].before.completedAt).toBeTruthy();
    const history = await office.ok(`query($id: ID!) { task(id: $id) { history { action note } } }`, { id: task.id });
    expect(history.task.history[0]).toEqual({ action: 'task.reopen', note: '复核发现公开内容不完整' });
  });

  it('reopens a done task too, but not an open one', async () => {
    const task = await doneTask();
    expect(
      (await office.ok(REOPEN, { taskId: task.id, version: task.version, reason: '材料不实' })).reopenTask.status,
    ).toBe('IN_PROGRESS');
    const again = await office.gql(REOPEN, { taskId: task.id, version: task.version + 1, reason: '材料不实' });
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('refuses stale versions', async () => {
    const task = await doneTask();
    expect(errorCode(await office.gql(CLOSE, { taskId: task.id, version: task.version - 1 }))).toBe('CONFLICT');
    expect(errorCode(await office.gql(REOPEN, { taskId: task.id, version: task.version + 5, reason: '复核' }))).toBe(
      'CONFLICT',
    );
    const { rows } = await t.db.query(`SELECT status, version FROM task WHERE id = $1`, [task.id]);
    expect(rows).toEqual([{ status: 'DONE', version: task.version }]);
  });

  it('refuses close and reopen to every other role and to another tenant’s office', async () => {
    const task = await doneTask();
    for (const { client, code } of refused) {
      expect(errorCode(await client.gql(CLOSE, { taskId: task.id, version: task.version }))).toBe(code);
      expect(errorCode(await client.gql(REOPEN, { taskId: task.id, version: task.version, reason: '复核' }))).toBe(
        code,
      );
    }
    const { rows } = await t.db.query(`SELECT status, version FROM task WHERE id = $1`, [task.id]);
    expect(rows).toEqual([{ status: 'DONE', version: task.version }]);
  });
});
