import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { countStatements } from '../../../../test/count-statements.js';
import { fixClock, PLAN_YEAR, reviewPlan, withoutReportCycle } from './review-fixture.js';

const OPEN = `mutation($planId: ID!) { openReview(input: { planId: $planId }) { id version } }`;
const RECORD = `mutation($input: RecordVerdictInput!) { recordVerdict(input: $input) { id version rectificationTaskId } }`;
const SUMMARY = `query($id: ID!) { reviewSummary(id: $id) {
  planYear review { id itemCount untimedTaskCount }
  counts { total recorded pending excluded implemented partial notImplemented notApplicable rectifications }
  byUnit { unitName counts { total implemented partial notImplemented notApplicable pending excluded } }
  rectifications { taskId unitName keyPointTitle verdict requirement dueDate status } } }`;

describe('回头看 summary, its docx, and the cost of reading items', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let office: Client;
  let leadership: Client;
  let liaison: Client;
  let foreignOffice: Client;
  let reviewId: string;
  let plan: Awaited<ReturnType<typeof reviewPlan>>;
  const rectificationIds: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    fixClock(t);
    tenant = await f.tenant('测试市人民政府办公室');
    await withoutReportCycle(t, tenant);
    units = [await f.unit(tenant, '市发展改革委'), await f.unit(tenant, '市财政局'), await f.unit(tenant, '市教育局')];
    office = await f.client(tenant, 'OFFICE_ADMIN');
    leadership = await f.client(tenant, 'LEADERSHIP');
    liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    foreignOffice = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    plan = await reviewPlan(t, f, tenant, units);
    reviewId = (await office.ok(OPEN, { planId: plan.planId })).openReview.id;
    const { rows } = await t.db.query(`SELECT id, task_id, version FROM review_item WHERE review_id = $1`, [reviewId]);
    const item = (i: number) => rows.find((r) => r.task_id === plan.tasks[i].id)!;
    // Unit 市发展改革委: task 0 implemented. 市财政局: task 1 partial, task 4 implemented. 市教育局: task 5 not implemented.
    await office.ok(RECORD, { input: { itemId: item(0).id, version: item(0).version, verdict: 'IMPLEMENTED' } });
    await office.ok(RECORD, { input: { itemId: item(4).id, version: item(4).version, verdict: 'IMPLEMENTED' } });
    // Every task is reviewed now, the untimed ones too: 市教育局's task 2 implemented, 市发展改革委's task 3 taken out with a reason.
    await office.ok(RECORD, { input: { itemId: item(2).id, version: item(2).version, verdict: 'IMPLEMENTED' } });
    await office.ok(
      `mutation($itemId: ID!, $version: Int!) { excludeReviewItem(itemId: $itemId, version: $version, reason: "已由省政府通知取消") { id } }`,
      {
        itemId: item(3).id,
        version: item(3).version,
      },
    );
    for (const [i, verdict, due] of [
      [1, 'PARTIAL', '2026-06-30'],
      [5, 'NOT_IMPLEMENTED', '2026-03-31'],
    ] as const) {
      const made = await office.ok(RECORD, {
        input: {
          itemId: item(i).id,
          version: item(i).version,
          verdict,
          rectification: { dueDate: due, requirement: `整改要求${i}` },
        },
      });
      rectificationIds.push(made.recordVerdict.rectificationTaskId);
    }
  });
  afterAll(() => t.close());

  it('counts by verdict and by unit, and lists the 整改 tasks by due date', async () => {
    const s = (await leadership.ok(SUMMARY, { id: reviewId })).reviewSummary;
    expect(s.planYear).toBe(PLAN_YEAR);
    expect(s.review).toEqual({ id: reviewId, itemCount: 6, untimedTaskCount: 2 });
    expect(s.counts).toEqual({
      total: 6,
      recorded: 5,
      pending: 0,
      excluded: 1,
      implemented: 3,
      partial: 1,
      notImplemented: 1,
      notApplicable: 0,
      rectifications: 2,
    });
    const byUnit = Object.fromEntries(
      s.byUnit.map((u: { unitName: string; counts: unknown }) => [u.unitName, u.counts]),
    );
    expect(byUnit).toEqual({
      市发展改革委: {
        total: 2,
        implemented: 1,
        partial: 0,
        notImplemented: 0,
        notApplicable: 0,
        pending: 0,
        excluded: 1,
      },
      市财政局: { total: 2, implemented: 1, partial: 1, notImplemented: 0, notApplicable: 0, pending: 0, excluded: 0 },
      市教育局: { total: 2, implemented: 1, partial: 0, notImplemented: 1, notApplicable: 0, pending: 0, excluded: 0 },
    });
    expect(s.rectifications).toEqual([
      {
        taskId: rectificationIds[1],
        unitName: '市教育局',
        keyPointTitle: plan.tasks[5].title,
        verdict: 'NOT_IMPLEMENTED',
        requirement: '整改要求5',
        dueDate: '2026-03-31',
        status: 'NOT_STARTED',
      },
      {
        taskId: rectificationIds[0],
        unitName: '市财政局',
        keyPointTitle: plan.tasks[1].title,
        verdict: 'PARTIAL',
        requirement: '整改要求1',
        dueDate: '2026-06-30',
        status: 'NOT_STARTED',
      },
    ]);
  });

  it('refuses the summary to unit users and another tenant', async () => {
    expect(errorCode(await liaison.gql(SUMMARY, { id: reviewId }))).toBe('FORBIDDEN');
    expect(errorCode(await foreignOffice.gql(SUMMARY, { id: reviewId }))).toBe('NOT_FOUND');
  });

  it('writes the summary as a docx with the heading, counts, units and 整改 list', async () => {
    for (const client of [office, leadership]) {
      const res = await client.agent
        .get(`/exports/review-summary.docx?reviewId=${reviewId}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('wordprocessingml.document');
      const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
      expect(xml).toContain('关于2025年政务公开工作要点落实情况“回头看”的报告');
      expect(xml).toContain('落实到位3项，部分落实1项，未落实1项，不适用0项');
      expect(xml).toContain('对计划分解的5项任务逐项核查（其中2项未明确完成时限，按年底前完成核查）');
      expect(xml).toContain('另有1项任务经说明理由不纳入本次核查');
      for (const name of ['市发展改革委', '市财政局', '市教育局', '整改要求1', '整改要求5', '2026-03-31'])
        expect(xml).toContain(name);
      expect(xml).toContain('测试市人民政府办公室');
    }
  });

  it('refuses the docx to unit users and another tenant, with codes and Chinese messages', async () => {
    const forbidden = await liaison.agent.get(`/exports/review-summary.docx?reviewId=${reviewId}`);
    expect(forbidden.status).toBe(403);
    const missing = await foreignOffice.agent.get(`/exports/review-summary.docx?reviewId=${reviewId}`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: '回头看不存在或无权访问' });
    const bad = await office.agent.get(`/exports/review-summary.docx`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_USER_INPUT');
  });

  it('reads a page of items in a fixed number of statements, however many rows', async () => {
    const ITEMS = `query($id: ID!) { review(id: $id) { progress { total } items(first: 50) { totalCount nodes { verdict unit { name } task { id history { action } } rectificationTask { id rectification { verdict } } } } } }`;
    async function reviewOf(count: number) {
      const p = await f.tasks(tenant, units, count, { year: PLAN_YEAR, dueDate: () => '2025-06-30' });
      const id = (await office.ok(OPEN, { planId: p.planId })).openReview.id;
      // Half of the items carry a verdict and a 整改 task, so those relations have rows to load.
      const { rows } = await t.db.query(
        `SELECT id, version FROM review_item WHERE review_id = $1 ORDER BY id LIMIT $2`,
        [id, Math.ceil(count / 2)],
      );
      for (const r of rows) {
        await office.ok(RECORD, {
          input: {
            itemId: r.id,
            version: r.version,
            verdict: 'PARTIAL',
            rectification: { dueDate: '2026-06-30', requirement: '整改' },
          },
        });
      }
      return id;
    }
    const small = await reviewOf(2);
    const large = await reviewOf(20);
    let smallResult: any;
    let largeResult: any;
    const smallCount = await countStatements(async () => (smallResult = await office.ok(ITEMS, { id: small })));
    const largeCount = await countStatements(async () => (largeResult = await office.ok(ITEMS, { id: large })));
    expect(smallResult.review.items.nodes).toHaveLength(2);
    expect(largeResult.review.items.nodes).toHaveLength(20);
    expect(
      largeResult.review.items.nodes.filter((n: { rectificationTask: unknown }) => n.rectificationTask),
    ).toHaveLength(10);
    expect(largeCount).toBe(smallCount);
  });
});
