import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { countStatements, settled } from '../../../../test/count-statements.js';
import { seedDraftPlan, seedUnits } from './plan-test-data.js';

const DRAFT_TREE = `query($id: ID!) { plan(id: $id) { id keyPoints { id units { unit { name } } deadlines { text } } } }`;
const PROGRESS = `query($id: ID!) { planProgress(planId: $id) { sections { keyPoints { taskCount averageProgress byLight { light count } tasks { taskId unit { name } } } } } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishPlan(id: $id, version: $v) { status } }`;

describe('plan queries stay a fixed number of statements; publishing is set-based', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;

  beforeAll(async () => {
    // Publishing 12,000 tasks takes ≈ 1.6 s on a quiet machine; at load 15 on two cores one of its
    // set-based statements passed the default 30 s statement timeout, which this test is not about.
    t = await createTestApp({ DATABASE_STATEMENT_TIMEOUT_MS: '300000' });
    f = new Factory(t);
    tenant = await f.tenant();
    office = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(() => t.close());

  it('counts statements at all (the pg spy sees the app’s queries)', async () => {
    const n = await countStatements(() => office.ok(`{ plans { totalCount } }`));
    expect(n).toBeGreaterThan(0);
  });

  it('plan { keyPoints { units { unit } deadlines } } costs the same for 2 and 20 key points, 2 and 10 units', async () => {
    const small = await seedDraftPlan(t.db, tenant.id, 2, await seedUnits(t.db, tenant.id, 2, '小单位'));
    const large = await seedDraftPlan(t.db, tenant.id, 20, await seedUnits(t.db, tenant.id, 10, '大单位'));
    await office.ok(DRAFT_TREE, { id: small }); // warm-up: session and schema caches
    let smallData: any;
    let largeData: any;
    const smallCount = await countStatements(async () => (smallData = await office.ok(DRAFT_TREE, { id: small })));
    const largeCount = await countStatements(async () => (largeData = await office.ok(DRAFT_TREE, { id: large })));
    expect(smallData.plan.keyPoints).toHaveLength(2);
    expect(largeData.plan.keyPoints).toHaveLength(20);
    expect(largeData.plan.keyPoints[19].units).toHaveLength(10);
    expect(largeData.plan.keyPoints[19].units[9].unit.name).toBe('大单位10');
    expect(largeCount).toBe(smallCount);
  });

  it('planProgress costs the same for a plan and one ten times its size', async () => {
    const warm = await seedDraftPlan(t.db, tenant.id, 1, await seedUnits(t.db, tenant.id, 1, '进度预热'));
    const small = await seedDraftPlan(t.db, tenant.id, 2, await seedUnits(t.db, tenant.id, 3, '进度小'));
    const large = await seedDraftPlan(t.db, tenant.id, 20, await seedUnits(t.db, tenant.id, 10, '进度大'));
    for (const id of [warm, small, large]) {
      const { rows } = await t.db.query(`SELECT version FROM plan WHERE id = $1`, [id]);
      await office.ok(PUBLISH, { id, v: rows[0].version });
    }
    // The tenant's own caches (calendar, rules) filled by another plan: both reads below are a plan's first,
    // each once what publishing started in the background has finished.
    await office.ok(PROGRESS, { id: warm });
    let largeData: any;
    await settled();
    const smallCount = await countStatements(() => office.ok(PROGRESS, { id: small }));
    await settled();
    const largeCount = await countStatements(async () => (largeData = await office.ok(PROGRESS, { id: large })));
    const keyPoints = largeData.planProgress.sections[0].keyPoints;
    expect(keyPoints).toHaveLength(20);
    expect(keyPoints.every((k: any) => k.taskCount === 10 && k.tasks.length === 10)).toBe(true);
    expect(largeCount).toBe(smallCount);
  });

  it('publishes 60 key points × 200 units (12,000 tasks and milestones) in one transaction', async () => {
    const unitIds = await seedUnits(t.db, tenant.id, 200, '全省单位');
    const planId = await seedDraftPlan(t.db, tenant.id, 60, unitIds);
    const { rows } = await t.db.query(`SELECT version FROM plan WHERE id = $1`, [planId]);
    const started = performance.now();
    let statements = 0;
    statements = await countStatements(() => office.ok(PUBLISH, { id: planId, v: rows[0].version }));
    const ms = Math.round(performance.now() - started);
    // Reported, not asserted: timings on a shared 2-core machine are noise. Statement count is the contract.
    console.info(`publishPlan 60×200: ${ms} ms, ${statements} statements`);
    const { rows: counts } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM task WHERE plan_id = $1) AS tasks,
              (SELECT count(*)::int FROM task_milestone m JOIN task x ON x.id = m.task_id WHERE x.plan_id = $1) AS milestones,
              (SELECT count(*)::int FROM task WHERE plan_id = $1 AND role = 'LEAD') AS leads`,
      [planId],
    );
    expect(counts[0]).toEqual({ tasks: 12_000, milestones: 12_000, leads: 60 });
    expect(statements).toBeLessThan(20);
  });
});
