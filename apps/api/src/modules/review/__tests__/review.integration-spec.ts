import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { fixClock, reviewPlan, TODAY, withoutReportCycle } from './review-fixture.js';

const OPEN = `mutation($input: OpenReviewInput!) { openReview(input: $input) { id planId title status itemCount untimedTaskCount version } }`;
const RECORD = `mutation($input: RecordVerdictInput!) {
  recordVerdict(input: $input) { id verdict notes evidenceUrls reviewerName version rectificationTaskId rectificationRequirement
    rectificationTask { id kind originTaskId unitId role planId keyPointId status light assignedOn dueDate originalDueDate } } }`;
const EXCLUDE = `mutation($itemId: ID!, $version: Int!, $reason: String!) {
  excludeReviewItem(itemId: $itemId, version: $version, reason: $reason) { id verdict excludedReason excludedByName excludedAt version } }`;
const INCLUDE = `mutation($itemId: ID!, $version: Int!) { includeReviewItem(itemId: $itemId, version: $version) { id excludedReason excludedAt version } }`;
const COMPLETE = `mutation($id: ID!, $version: Int!) { completeReview(id: $id, version: $version) { id status completedAt version } }`;
const ITEMS = `query($id: ID!, $filter: ReviewItemFilterInput, $first: Int, $after: String) {
  review(id: $id) { id status version progress { total recorded pending excluded implemented partial notImplemented notApplicable rectifications }
    items(filter: $filter, first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage }
      nodes { id taskId unitId verdict version unit { name } task { id unitId status } } } } }`;

describe('回头看: opening a review, verdicts and 整改 tasks, completing', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let office: Client;
  let refused: { client: Client; code: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    fixClock(t);
    tenant = await f.tenant('测试市人民政府办公室');
    await withoutReportCycle(t, tenant);
    units = [await f.unit(tenant, '市发展改革委'), await f.unit(tenant, '市财政局'), await f.unit(tenant, '市教育局')];
    office = await f.client(tenant, 'OFFICE_STAFF');
    const other = await f.tenant('另一个市人民政府办公室');
    refused = [
      { client: await f.client(tenant, 'UNIT_LIAISON', units[0]), code: 'FORBIDDEN' },
      { client: await f.client(tenant, 'UNIT_LEADER', units[0]), code: 'FORBIDDEN' },
      { client: await f.client(tenant, 'LEADERSHIP'), code: 'FORBIDDEN' },
      { client: await f.client(other, 'OFFICE_ADMIN'), code: 'NOT_FOUND' },
    ];
  });
  afterAll(() => t.close());

  /** A fresh plan and its open review, with items in task order. */
  async function opened() {
    const plan = await reviewPlan(t, f, tenant, units);
    const review = (await office.ok(OPEN, { input: { planId: plan.planId } })).openReview;
    const { rows } = await t.db.query(`SELECT id, task_id, version FROM review_item WHERE review_id = $1`, [review.id]);
    const item = (taskIndex: number) => rows.find((r) => r.task_id === plan.tasks[taskIndex].id)!;
    return { plan, review, items: rows, item };
  }

  const partial = (itemId: string, version: number, dueDate = '2026-06-30', verdict = 'PARTIAL') => ({
    input: {
      itemId,
      version,
      verdict,
      notes: '政策解读数量不足',
      rectification: { dueDate, requirement: '补充发布政策解读材料' },
    },
  });

  // Issue 23: "已评定 0 / 24 … 另有 89 项任务无明确时限，未纳入本次评定". Tasks due by the year-end default are
  // tasks all the same: all six are items now (four before), and the two untimed ones are still counted apart.
  it('lists every task of the plan, those due by the year-end default too, and counts the untimed ones', async () => {
    const { plan, review, items } = await opened();
    expect(review).toMatchObject({
      status: 'OPEN',
      itemCount: 6,
      untimedTaskCount: 2,
      title: '2025年政务公开工作要点落实情况回头看',
    });
    expect(items.map((r) => r.task_id).sort()).toEqual(plan.tasks.map((x) => x.id).sort());
    expect(items.map((r) => r.task_id)).toEqual(expect.arrayContaining(plan.untimed.map((x) => x.id)));
    const audit = await t.db.query(
      `SELECT actor_id, after FROM audit_log WHERE entity_id = $1 AND action = 'review.open'`,
      [review.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_id).toBe(office.user.id);
    expect(audit.rows[0].after).toMatchObject({ itemCount: 6, untimedTaskCount: 2, untimedDueDate: '2025-12-31' });
  });

  it('lets the office take a task out with a reason, put it back, and complete without judging what it took out', async () => {
    const { review, items, item } = await opened();
    const untimed = item(2);
    const noReason = await office.gql(EXCLUDE, { itemId: untimed.id, version: untimed.version, reason: ' ' });
    expect(noReason.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const out = (
      await office.ok(EXCLUDE, { itemId: untimed.id, version: untimed.version, reason: '该项工作已由省政府通知取消' })
    ).excludeReviewItem;
    expect(out).toMatchObject({
      excludedReason: '该项工作已由省政府通知取消',
      excludedByName: 'OFFICE_STAFF用户',
      verdict: null,
      version: untimed.version + 1,
    });
    expect(out.excludedAt).toBeTruthy();
    // Not judged while out; back in, it is judged like any other.
    const judged = await office.gql(RECORD, {
      input: { itemId: untimed.id, version: out.version, verdict: 'IMPLEMENTED' },
    });
    expect(errorCode(judged)).toBe('CONFLICT');
    expect(judged.errors![0].message).toBe('该任务已不纳入本次回头看，请先重新纳入再评定');
    const back = (await office.ok(INCLUDE, { itemId: untimed.id, version: out.version })).includeReviewItem;
    expect(back).toMatchObject({ excludedReason: null, excludedAt: null, version: out.version + 1 });
    const again = (
      await office.ok(EXCLUDE, { itemId: untimed.id, version: back.version, reason: '该项工作已由省政府通知取消' })
    ).excludeReviewItem;
    const progress = (await office.ok(ITEMS, { id: review.id })).review.progress;
    expect(progress).toMatchObject({ total: 6, recorded: 0, excluded: 1, pending: 5 });
    expect(
      (await office.ok(ITEMS, { id: review.id, filter: { excluded: true } })).review.items.nodes.map(
        (n: { id: string }) => n.id,
      ),
    ).toEqual([untimed.id]);
    expect((await office.ok(ITEMS, { id: review.id, filter: { pending: true } })).review.items.totalCount).toBe(5);
    // A judged item is not taken out: 不适用 is its verdict.
    const first = item(0);
    const rec = (
      await office.ok(RECORD, { input: { itemId: first.id, version: first.version, verdict: 'IMPLEMENTED' } })
    ).recordVerdict;
    const judgedOut = await office.gql(EXCLUDE, { itemId: first.id, version: rec.version, reason: '不再考核' });
    expect(judgedOut.errors![0].message).toBe('该任务已评定，不能再排除；确实不适用的，请评定为“不适用”');
    for (const r of items.filter((r) => r.id !== first.id && r.id !== untimed.id)) {
      await office.ok(RECORD, { input: { itemId: r.id, version: r.version, verdict: 'NOT_APPLICABLE' } });
    }
    expect((await office.ok(COMPLETE, { id: review.id, version: review.version })).completeReview.status).toBe(
      'COMPLETED',
    );
    expect(errorCode(await office.gql(INCLUDE, { itemId: untimed.id, version: again.version }))).toBe('CONFLICT');
    const history = await t.db.query(
      `SELECT action, note FROM audit_log WHERE entity_type = 'task' AND entity_id = $1 ORDER BY at, id`,
      [untimed.task_id],
    );
    expect(history.rows.map((r) => r.action)).toEqual([
      'task.review.exclude',
      'task.review.include',
      'task.review.exclude',
    ]);
    expect(history.rows[0].note).toBe('已不纳入回头看：该项工作已由省政府通知取消');
  });

  it('refuses excluding and including to other roles, other tenants and stale versions', async () => {
    const { item } = await opened();
    const { id, version } = item(3);
    for (const { client, code } of refused) {
      expect(errorCode(await client.gql(EXCLUDE, { itemId: id, version, reason: '不适用' }))).toBe(code);
    }
    expect(errorCode(await office.gql(EXCLUDE, { itemId: id, version: version + 1, reason: '不适用' }))).toBe(
      'CONFLICT',
    );
    const out = (await office.ok(EXCLUDE, { itemId: id, version, reason: '不适用' })).excludeReviewItem;
    for (const { client, code } of refused) {
      expect(errorCode(await client.gql(INCLUDE, { itemId: id, version: out.version }))).toBe(code);
    }
    const { rows } = await t.db.query(`SELECT excluded_reason, version FROM review_item WHERE id = $1`, [id]);
    expect(rows).toEqual([{ excluded_reason: '不适用', version: out.version }]);
  });

  it('allows one open review per plan and refuses draft plans', async () => {
    const { plan } = await opened();
    const again = await office.gql(OPEN, { input: { planId: plan.planId } });
    expect(errorCode(again)).toBe('CONFLICT');
    await t.db.query(`UPDATE plan SET status = 'DRAFT' WHERE id = $1`, [plan.planId]);
    await t.db.query(`DELETE FROM review_item WHERE review_id IN (SELECT id FROM review WHERE plan_id = $1)`, [
      plan.planId,
    ]);
    await t.db.query(`DELETE FROM review WHERE plan_id = $1`, [plan.planId]);
    const draft = await office.gql(OPEN, { input: { planId: plan.planId } });
    expect(errorCode(draft)).toBe('BAD_USER_INPUT');
    expect(draft.errors![0].message).toBe('计划尚未发布，不能开展回头看');
  });

  it('refuses openReview to every other role and to another tenant’s office', async () => {
    const plan = await reviewPlan(t, f, tenant, units);
    for (const { client, code } of refused) {
      expect(errorCode(await client.gql(OPEN, { input: { planId: plan.planId } }))).toBe(code);
    }
    const { rows } = await t.db.query(`SELECT 1 FROM review WHERE plan_id = $1`, [plan.planId]);
    expect(rows).toHaveLength(0);
  });

  it('creates a 整改 task for a partial verdict, and a re-recorded verdict re-times it instead of adding another', async () => {
    const { plan, item } = await opened();
    const target = item(1);
    const first = (await office.ok(RECORD, partial(target.id, target.version))).recordVerdict;
    const original = plan.tasks[1];
    expect(first.rectificationTask).toEqual({
      id: first.rectificationTaskId,
      kind: 'RECTIFICATION',
      originTaskId: original.id,
      unitId: original.unitId,
      role: 'RESPONSIBLE',
      planId: plan.planId,
      keyPointId: original.keyPointId,
      status: 'NOT_STARTED',
      light: 'GREEN',
      assignedOn: TODAY,
      dueDate: '2026-06-30',
      originalDueDate: '2026-06-30',
    });
    expect(first).toMatchObject({
      verdict: 'PARTIAL',
      rectificationRequirement: '补充发布政策解读材料',
      reviewerName: 'OFFICE_STAFF用户',
    });

    const second = (await office.ok(RECORD, partial(target.id, first.version, '2026-09-30', 'NOT_IMPLEMENTED')))
      .recordVerdict;
    expect(second.rectificationTaskId).toBe(first.rectificationTaskId);
    expect(second.rectificationTask).toMatchObject({ dueDate: '2026-09-30', originalDueDate: '2026-09-30' });
    const { rows } = await t.db.query(`SELECT id FROM task WHERE origin_task_id = $1`, [original.id]);
    expect(rows).toEqual([{ id: first.rectificationTaskId }]);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at, id`, [
      first.rectificationTaskId,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['task.rectification.create', 'task.rectification.retime']);
    const history = await t.db.query(
      `SELECT note FROM audit_log WHERE entity_id = $1 AND action = 'task.review_verdict' ORDER BY at, id`,
      [original.id],
    );
    expect(history.rows.map((r) => r.note)).toEqual([
      '回头看评定：部分落实。政策解读数量不足',
      '回头看评定：未落实。政策解读数量不足',
    ]);
  });

  it('withdraws an untouched 整改 task when the verdict becomes 落实到位, but not one the unit has reported on', async () => {
    const { item } = await opened();
    const a = (await office.ok(RECORD, partial(item(0).id, item(0).version))).recordVerdict;
    const implemented = (
      await office.ok(RECORD, {
        input: {
          itemId: a.id,
          version: a.version,
          verdict: 'IMPLEMENTED',
          evidenceUrls: ['https://www.example.gov.cn/zwgk/1.html'],
        },
      })
    ).recordVerdict;
    expect(implemented).toMatchObject({
      verdict: 'IMPLEMENTED',
      rectificationTaskId: null,
      evidenceUrls: ['https://www.example.gov.cn/zwgk/1.html'],
    });
    expect((await t.db.query(`SELECT 1 FROM task WHERE id = $1`, [a.rectificationTaskId])).rows).toHaveLength(0);

    const b = (await office.ok(RECORD, partial(item(5).id, item(5).version))).recordVerdict;
    const liaison = await f.user(tenant, 'UNIT_LIAISON', units[2]);
    await t.db.query(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status) VALUES ($1, $2, $3, $4, '已开始整改', 30, 'PENDING_OFFICE')`,
      [tenant.id, b.rectificationTaskId, units[2].id, liaison.id],
    );
    const refusedChange = await office.gql(RECORD, {
      input: { itemId: b.id, version: b.version, verdict: 'NOT_APPLICABLE' },
    });
    expect(errorCode(refusedChange)).toBe('CONFLICT');
    expect(refusedChange.errors![0].message).toContain('整改任务已有报送记录');
    const kept = await t.db.query(
      `SELECT i.verdict, t.id FROM review_item i JOIN task t ON t.id = i.rectification_task_id WHERE i.id = $1`,
      [b.id],
    );
    expect(kept.rows).toEqual([{ verdict: 'PARTIAL', id: b.rectificationTaskId }]);
  });

  it('checks verdict input: a time limit for 整改, after today; http(s) evidence; no 整改 for 落实到位', async () => {
    const { item } = await opened();
    const { id, version } = item(0);
    const cases: [Record<string, unknown>, string][] = [
      [{ verdict: 'PARTIAL' }, 'rectification.dueDate'],
      [{ verdict: 'NOT_IMPLEMENTED', rectification: { dueDate: TODAY, requirement: '整改' } }, 'rectification.dueDate'],
      [{ verdict: 'PARTIAL', rectification: { dueDate: '2026-02-30', requirement: '整改' } }, 'rectification.dueDate'],
      [
        { verdict: 'PARTIAL', rectification: { dueDate: '2026-06-30', requirement: '  ' } },
        'rectification.requirement',
      ],
      [{ verdict: 'IMPLEMENTED', evidenceUrls: ['javascript:alert(1)'] }, 'evidenceUrls'],
      [{ verdict: 'IMPLEMENTED', rectification: { dueDate: '2026-06-30', requirement: '整改' } }, 'rectification'],
      [{ verdict: 'IMPLEMENTED', notes: '字'.repeat(2001) }, 'notes'],
      [{ verdict: 'IMPLEMENTED', fileIds: ['00000000-0000-4000-8000-000000000000'] }, 'fileIds'],
    ];
    for (const [input, field] of cases) {
      const res = await office.gql(RECORD, { input: { itemId: id, version, ...input } });
      expect({ field, code: errorCode(res), got: res.errors?.[0]?.extensions }).toMatchObject({
        code: 'BAD_USER_INPUT',
        got: { field },
      });
      expect(res.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
    }
    const { rows } = await t.db.query(`SELECT verdict, version FROM review_item WHERE id = $1`, [id]);
    expect(rows).toEqual([{ verdict: null, version }]);
  });

  it('refuses recordVerdict to other roles, other tenants and stale versions', async () => {
    const { item } = await opened();
    const { id, version } = item(0);
    for (const { client, code } of refused) {
      expect(errorCode(await client.gql(RECORD, partial(id, version)))).toBe(code);
    }
    await office.ok(RECORD, { input: { itemId: id, version, verdict: 'IMPLEMENTED' } });
    expect(errorCode(await office.gql(RECORD, { input: { itemId: id, version, verdict: 'NOT_APPLICABLE' } }))).toBe(
      'CONFLICT',
    );
    const { rows } = await t.db.query(`SELECT verdict FROM review_item WHERE id = $1`, [id]);
    expect(rows).toEqual([{ verdict: 'IMPLEMENTED' }]);
  });

  it('completes only when every item is recorded, then accepts no more verdicts', async () => {
    const { review, items, item } = await opened();
    await office.ok(RECORD, { input: { itemId: item(0).id, version: item(0).version, verdict: 'IMPLEMENTED' } });
    const early = await office.gql(COMPLETE, { id: review.id, version: review.version });
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(early.errors![0].message).toBe('还有 5 项任务未评定，全部评定（或说明理由后不纳入）后才能完成回头看');
    for (const r of items.filter((r) => r.id !== item(0).id)) {
      await office.ok(RECORD, { input: { itemId: r.id, version: r.version, verdict: 'NOT_APPLICABLE' } });
    }
    for (const { client, code } of refused)
      expect(errorCode(await client.gql(COMPLETE, { id: review.id, version: review.version }))).toBe(code);
    expect(errorCode(await office.gql(COMPLETE, { id: review.id, version: review.version + 1 }))).toBe('CONFLICT');
    const done = (await office.ok(COMPLETE, { id: review.id, version: review.version })).completeReview;
    expect(done).toMatchObject({ status: 'COMPLETED', version: review.version + 1 });
    expect(done.completedAt).toBeTruthy();
    const after = await office.gql(RECORD, {
      input: { itemId: item(0).id, version: item(0).version + 1, verdict: 'NOT_APPLICABLE' },
    });
    expect(errorCode(after)).toBe('CONFLICT');
    expect(after.errors![0].message).toBe('回头看已完成，不能再修改评定');
    // A completed review frees the plan for another one.
    const again = await office.ok(OPEN, { input: { planId: review.planId } });
    expect(again.openReview.itemCount).toBe(6);
  });

  it('shows progress and filters and pages its items', async () => {
    const { plan, review, item } = await opened();
    await office.ok(RECORD, { input: { itemId: item(0).id, version: item(0).version, verdict: 'IMPLEMENTED' } });
    await office.ok(RECORD, partial(item(4).id, item(4).version));
    const all = (await office.ok(ITEMS, { id: review.id })).review;
    expect(all.progress).toEqual({
      total: 6,
      recorded: 2,
      pending: 4,
      excluded: 0,
      implemented: 1,
      partial: 1,
      notImplemented: 0,
      notApplicable: 0,
      rectifications: 1,
    });
    // Key point order, which is task order here.
    expect(all.items.nodes.map((n: { taskId: string }) => n.taskId)).toEqual(plan.tasks.map((x) => x.id));
    expect(all.items.nodes[0]).toMatchObject({
      unit: { name: '市发展改革委' },
      task: { id: plan.tasks[0].id, status: 'IN_PROGRESS' },
    });

    const pending = (await office.ok(ITEMS, { id: review.id, filter: { pending: true } })).review.items;
    expect(pending.nodes.map((n: { taskId: string }) => n.taskId)).toEqual([1, 2, 3, 5].map((i) => plan.tasks[i].id));
    const partials = (await office.ok(ITEMS, { id: review.id, filter: { verdict: 'PARTIAL' } })).review.items;
    expect(partials.nodes.map((n: { taskId: string }) => n.taskId)).toEqual([plan.tasks[4].id]);
    const ofUnit = (await office.ok(ITEMS, { id: review.id, filter: { unitId: units[1].id } })).review.items;
    expect(ofUnit.nodes.map((n: { taskId: string }) => n.taskId)).toEqual([plan.tasks[1].id, plan.tasks[4].id]);

    const page1 = (await office.ok(ITEMS, { id: review.id, first: 3 })).review.items;
    expect(page1).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: true } });
    const page2 = (await office.ok(ITEMS, { id: review.id, first: 3, after: page1.pageInfo.endCursor })).review.items;
    expect(page2).toMatchObject({ totalCount: 6, pageInfo: { hasNextPage: false } });
    expect([...page1.nodes, ...page2.nodes].map((n: { taskId: string }) => n.taskId)).toEqual(
      plan.tasks.map((x) => x.id),
    );
  });

  it('lets leadership read a review but not unit users or another tenant', async () => {
    const { review } = await opened();
    const leadership = refused[2].client;
    expect((await leadership.ok(ITEMS, { id: review.id })).review.progress.total).toBe(6);
    expect(errorCode(await refused[0].client.gql(ITEMS, { id: review.id }))).toBe('FORBIDDEN');
    expect(errorCode(await refused[3].client.gql(ITEMS, { id: review.id }))).toBe('NOT_FOUND');
    const list = await leadership.ok(
      `query($planId: ID) { reviews(planId: $planId) { totalCount nodes { id plan { year } progress { total } } } }`,
      { planId: review.planId },
    );
    expect(list.reviews).toEqual({
      totalCount: 1,
      nodes: [{ id: review.id, plan: { year: 2025 }, progress: { total: 6 } }],
    });
    const foreign = await refused[3].client.ok(`query($planId: ID) { reviews(planId: $planId) { totalCount } }`, {
      planId: review.planId,
    });
    expect(foreign.reviews.totalCount).toBe(0);
  });

  it('puts 整改 tasks in next year’s work: the ledger’s kind filter, rectificationTasks(year), the unit’s own view', async () => {
    const { plan, item } = await opened();
    const made = (await office.ok(RECORD, partial(item(1).id, item(1).version))).recordVerdict;
    const ledger = await office.ok(
      `query($filter: TaskFilterInput) { tasks(filter: $filter) { nodes { id kind originTaskId } } }`,
      {
        filter: { kind: 'RECTIFICATION', planId: plan.planId },
      },
    );
    expect(ledger.tasks.nodes).toEqual([
      { id: made.rectificationTaskId, kind: 'RECTIFICATION', originTaskId: plan.tasks[1].id },
    ]);
    const RECT = `query($year: Int!) { rectificationTasks(year: $year) { totalCount nodes { id } } }`;
    expect((await office.ok(RECT, { year: 2026 })).rectificationTasks.nodes.map((n: { id: string }) => n.id)).toContain(
      made.rectificationTaskId,
    );
    expect(
      (await office.ok(RECT, { year: 2025 })).rectificationTasks.nodes.map((n: { id: string }) => n.id),
    ).not.toContain(made.rectificationTaskId);
    const ownUnit = await f.client(tenant, 'UNIT_LIAISON', units[1]);
    expect(
      (await ownUnit.ok(RECT, { year: 2026 })).rectificationTasks.nodes.map((n: { id: string }) => n.id),
    ).toContain(made.rectificationTaskId);
    // The unit reads what it must rectify on the task itself.
    const own = await ownUnit.ok(
      `query($id: ID!) { task(id: $id) { kind rectification { verdict requirement notes reviewTitle } } }`,
      { id: made.rectificationTaskId },
    );
    expect(own.task).toEqual({
      kind: 'RECTIFICATION',
      rectification: {
        verdict: 'PARTIAL',
        requirement: '补充发布政策解读材料',
        notes: '政策解读数量不足',
        reviewTitle: '2025年政务公开工作要点落实情况回头看',
      },
    });
    // units[0] leads other key points but not this one: it does not see units[1]'s 整改.
    expect(
      (await refused[0].client.ok(RECT, { year: 2026 })).rectificationTasks.nodes.map((n: { id: string }) => n.id),
    ).not.toContain(made.rectificationTaskId);
    expect((await refused[3].client.ok(RECT, { year: 2026 })).rectificationTasks.totalCount).toBe(0);
  });
});
