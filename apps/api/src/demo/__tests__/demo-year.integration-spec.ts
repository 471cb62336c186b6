import { Factory, type Client, type TestTenant, type TestUser } from '../../../test/factory.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { fixClock } from '../../modules/task/__tests__/fixed-clock.js';
import { DEMO_LOWER_TENANTS, DEMO_PASSWORD, DEMO_TENANT } from '../demo-data.js';
import { seedDemoPlan } from '../seed-demo-plan.js';
import { seedDemo } from '../seed-demo.js';

// Wednesday 2026-09-16, 10:00 in Shanghai: the demo's "today" in both databases.
const NOW = '2026-09-16T02:00:00Z';
const YEAR = 2026;

/** The demo as main.ts loads it: tenant and people, then the year through the services, at NOW. */
async function demoApp(): Promise<TestApp> {
  const t = await createTestApp();
  fixClock(t, NOW);
  await seedDemo(t.databaseUrl);
  await seedDemoPlan(t.app);
  return t;
}

async function signInAs(t: TestApp, username: string, code = DEMO_TENANT.code): Promise<Client> {
  const { rows } = await t.db.query(
    `SELECT u.id, u.role, u.tenant_id, u.unit_id FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = $1 AND u.username = $2`,
    [code, username],
  );
  const [u] = rows;
  const tenant: TestTenant = { id: u.tenant_id, code };
  const user: TestUser = { id: u.id, username, role: u.role, tenantId: u.tenant_id, unitId: u.unit_id };
  return new Factory(t).signIn(tenant, user, DEMO_PASSWORD);
}

const PLANS = `query { plans(first: 10) { nodes { id year title status } } }`;
const DASHBOARD = `query($planId: ID) { dashboard(planId: $planId) { totalTasks overdueCount reportsWaitingReview delayRequestsWaiting dueSoonCount lights { light count } unitsMostOverdue { overdueCount unit { name } } } }`;
const TASKS = `query($filter: TaskFilterInput, $after: String) {
  tasks(filter: $filter, first: 200, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { status light progress dueDate originalDueDate isLate urgeCount unit { name } keyPoint { label title } plan { year } }
  } }`;
const REPORTS = `query($status: ReportStatus) { reports(filter: { status: $status }, first: 1) { totalCount } }`;
const DELAYS = `query { delayRequests(first: 50) { totalCount nodes { status requestedDueDate currentDueDate reason decisionComment task { unit { name } keyPoint { label } } } } }`;
const URGES = `query($filter: UrgeFilterInput) { urges(filter: $filter, first: 50) { totalCount nodes { message acknowledgedAt task { keyPoint { label } } } } }`;
const REVIEWS = `query($planId: ID) { reviews(planId: $planId, first: 10) { nodes { id status itemCount progress { total recorded pending } } } }`;
const REVIEW_SUMMARY = `query($id: ID!) { reviewSummary(id: $id) { counts { implemented partial notImplemented notApplicable rectifications } } }`;
const RECTIFICATIONS = `query($year: Int!) { rectificationTasks(year: $year, first: 100) { totalCount nodes { status light dueDate unit { name } } } }`;
const SCORECARD = `query($year: Int) { scorecard(filter: { year: $year }, first: 100) { totalCount nodes { unitName rank score counts { completed overdueNow } } } }`;
const INSTRUCTIONS = `query($id: ID!) { plan(id: $id) { keyPoints { label instructions { text authorName } } } }`;
const ME = `query { me { tenantName tenantDemo } }`;

async function allTasks(office: Client, filter: Record<string, unknown>) {
  const found: any[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { tasks: { totalCount: number; nodes: any[]; pageInfo: { endCursor: string; hasNextPage: boolean } } } =
      await office.ok(TASKS, { filter, after });
    found.push(...page.tasks.nodes);
    if (!page.tasks.pageInfo.hasNextPage) return { totalCount: page.tasks.totalCount, nodes: found };
    after = page.tasks.pageInfo.endCursor;
  }
}

const byKeyPointAndUnit = (tasks: any[]) =>
  tasks.sort((a, b) => `${a.keyPoint.label} ${a.unit.name}`.localeCompare(`${b.keyPoint.label} ${b.unit.name}`));

/** Everything the pages show of the demo, keyed by names and dates rather than generated ids, in a fixed order. */
async function story(t: TestApp) {
  const office = await signInAs(t, 'ban-admin');
  const { plans } = await office.ok(PLANS);
  const plan = (year: number) => plans.nodes.find((p: { year: number }) => p.year === year);
  const reviews = await office.ok(REVIEWS, { planId: plan(YEAR - 1).id });
  const reportStages = Object.fromEntries(
    await Promise.all(
      ['PENDING_LEADER', 'LEADER_REJECTED', 'PENDING_OFFICE', 'ACCEPTED', 'RETURNED'].map(async (status) => [
        status,
        (await office.ok(REPORTS, { status })).reports.totalCount,
      ]),
    ),
  );
  return {
    plans: plans.nodes.map((p: { year: number; title: string; status: string }) => [p.year, p.title, p.status]),
    dashboard: (await office.ok(DASHBOARD, { planId: plan(YEAR).id })).dashboard,
    tasks: byKeyPointAndUnit((await allTasks(office, { planId: plan(YEAR).id })).nodes),
    lastYearTasks: byKeyPointAndUnit((await allTasks(office, { planId: plan(YEAR - 1).id })).nodes),
    reportStages,
    delays: (await office.ok(DELAYS)).delayRequests.nodes.sort((a: any, b: any) => a.status.localeCompare(b.status)),
    urges: (await office.ok(URGES, {})).urges.nodes
      .map(({ acknowledgedAt, ...u }: { acknowledgedAt: string | null }) => ({
        ...u,
        acknowledged: acknowledgedAt !== null,
      }))
      .sort((a: any, b: any) =>
        `${a.task.keyPoint.label}${a.message}`.localeCompare(`${b.task.keyPoint.label}${b.message}`),
      ),
    reviews: reviews.reviews.nodes.map(({ id: _id, ...r }: { id: string }) => r),
    reviewSummary: (await office.ok(REVIEW_SUMMARY, { id: reviews.reviews.nodes[0].id })).reviewSummary,
    rectifications: await office.ok(RECTIFICATIONS, { year: YEAR }).then(({ rectificationTasks: r }) => ({
      ...r,
      nodes: r.nodes.sort((a: any, b: any) => `${a.unit.name}${a.dueDate}`.localeCompare(`${b.unit.name}${b.dueDate}`)),
    })),
    scorecard: await office.ok(SCORECARD, { year: YEAR }).then(({ scorecard: s }) => ({
      ...s,
      nodes: s.nodes.sort((a: any, b: any) => a.unitName.localeCompare(b.unitName)),
    })),
    instructions: (await office.ok(INSTRUCTIONS, { id: plan(YEAR).id })).plan.keyPoints.filter(
      (k: { instructions: unknown[] }) => k.instructions.length,
    ),
  };
}

describe('the demo tenant: a year in progress relative to today', () => {
  let first: TestApp;
  let second: TestApp | null = null;
  let seen: Awaited<ReturnType<typeof story>>;

  beforeAll(async () => {
    first = await demoApp();
    seen = await story(first);
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('is marked as the demo for everyone signed in to it', async () => {
    const { me } = await (await signInAs(first, 'fgw-lly')).ok(ME);
    expect(me).toEqual({ tenantName: DEMO_TENANT.name, tenantDemo: true });
  });

  it("shows this year's plan to the public at /gk/demo/<year>, and not last year's", async () => {
    const page = await first.http.get(`/gk/${DEMO_TENANT.code}/${YEAR}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`辽宁省${YEAR}年政务公开工作要点落实情况`);
    // Accepted completions' links, checked, one click away on their key point's page.
    const counted = [...page.text.matchAll(/<a href="\d{4}\/items\/(\d+)#links">(\d+) 条<\/a>/g)];
    expect(counted.length).toBeGreaterThan(0);
    const item = await first.http.get(`/gk/${DEMO_TENANT.code}/${YEAR}/items/${counted[0][1]}`);
    expect(item.text).toMatch(
      /<a href="https:\/\/www\.[a-z.]+gov\.cn\/[^"]*" rel="noopener noreferrer nofollow">[^<]+政务公开专栏<\/a>/,
    );
    expect((await first.http.get(`/gk/${DEMO_TENANT.code}/${YEAR - 1}`)).status).toBe(404);
  });

  it("has last year's plan and this year's, both published", () => {
    expect(seen.plans).toEqual(
      expect.arrayContaining([
        [YEAR, `辽宁省${YEAR}年政务公开工作要点`, 'PUBLISHED'],
        [YEAR - 1, `辽宁省${YEAR - 1}年政务公开工作要点`, 'PUBLISHED'],
      ]),
    );
  });

  it('spreads the key points over the year: some past, some due soon, some later', () => {
    const dues = new Set(seen.tasks.map((t: { dueDate: string }) => t.dueDate));
    expect(dues.size).toBeGreaterThanOrEqual(20);
    expect([...dues].some((d) => d < '2026-09-16')).toBe(true);
    expect([...dues].some((d) => d > '2026-09-16' && d <= '2026-09-30')).toBe(true);
    expect([...dues].some((d) => d > '2026-12-01')).toBe(true);
  });

  it('shows red, yellow, green and finished tasks, overdue ones among them, on the office dashboard', () => {
    const lights = Object.fromEntries(
      seen.dashboard.lights.map((l: { light: string; count: number }) => [l.light, l.count]),
    );
    expect(lights.RED).toBeGreaterThan(0);
    expect(lights.YELLOW).toBeGreaterThan(0);
    expect(lights.GREEN).toBeGreaterThan(0);
    expect(lights.DONE).toBeGreaterThan(0);
    expect(lights.DONE_LATE).toBeGreaterThan(0);
    expect(seen.dashboard.overdueCount).toBeGreaterThan(0);
    expect(seen.dashboard.dueSoonCount).toBeGreaterThan(0);
    expect(seen.dashboard.reportsWaitingReview).toBeGreaterThan(0);
    expect(seen.dashboard.delayRequestsWaiting).toBe(1);
    expect(seen.dashboard.unitsMostOverdue.length).toBeGreaterThan(0);
    // The ledger agrees with the dashboard, task by task.
    expect(seen.tasks.filter((t: { light: string }) => t.light === 'RED')).toHaveLength(lights.RED);
  });

  it('has reports at every stage: waiting for the leader, sent back by the leader, waiting for the office, accepted, returned', () => {
    for (const count of Object.values(seen.reportStages)) expect(count).toBeGreaterThan(0);
    const statuses = new Set(seen.tasks.map((t: { status: string }) => t.status));
    expect([...statuses].sort()).toEqual(['DONE', 'IN_PROGRESS', 'NOT_STARTED', 'RETURNED', 'SUBMITTED']);
  });

  it('has one delay granted (the due date moved), one refused and one waiting', () => {
    const byStatus = (s: string) => seen.delays.filter((d: { status: string }) => d.status === s);
    expect(byStatus('APPROVED')).toHaveLength(1);
    expect(byStatus('REFUSED')).toHaveLength(1);
    expect(byStatus('PENDING')).toHaveLength(1);
    expect(byStatus('REFUSED')[0].decisionComment).toContain('延期理由不充分');
    const granted = byStatus('APPROVED')[0];
    const task = seen.tasks.find(
      (t: any) => t.unit.name === granted.task.unit.name && t.keyPoint.label === granted.task.keyPoint.label,
    );
    expect(task.dueDate).toBe(granted.requestedDueDate);
    expect(task.originalDueDate).toBe(granted.currentDueDate);
    expect(task.light).not.toBe('RED');
  });

  it('has urges the units acknowledged and urges still waiting for them', () => {
    expect(seen.urges.filter((u: { acknowledged: boolean }) => u.acknowledged).length).toBeGreaterThan(0);
    expect(seen.urges.filter((u: { acknowledged: boolean }) => !u.acknowledged).length).toBeGreaterThan(0);
  });

  it('has a 批示 from leadership on a key point', () => {
    expect(seen.instructions).toHaveLength(1);
    expect(seen.instructions[0].instructions[0].authorName).toBe('陈秘书长');
  });

  it("has a finished 回头看 of last year's plan whose shortfalls became 整改 tasks, one already under way", () => {
    expect(seen.reviews).toHaveLength(1);
    const [review] = seen.reviews;
    expect(review.status).toBe('COMPLETED');
    expect(review.itemCount).toBeGreaterThan(0);
    expect(review.progress).toMatchObject({ recorded: review.itemCount, pending: 0 });
    const verdicts = seen.reviewSummary.counts;
    expect(verdicts.implemented).toBeGreaterThan(0);
    expect(verdicts.notApplicable).toBe(1);
    const shortfalls = verdicts.partial + verdicts.notImplemented;
    expect(shortfalls).toBeGreaterThan(0);
    expect(verdicts.rectifications).toBe(shortfalls);
    expect(seen.rectifications.totalCount).toBe(shortfalls);
    expect(seen.rectifications.nodes.some((t: { status: string }) => t.status === 'IN_PROGRESS')).toBe(true);
    expect(seen.lastYearTasks.some((t: { status: string }) => t.status === 'CLOSED')).toBe(true);
  });

  it('ranks units apart on the scorecard', () => {
    const scores = new Set(seen.scorecard.nodes.map((n: { score: number }) => n.score));
    expect(seen.scorecard.totalCount).toBeGreaterThan(10);
    expect(scores.size).toBeGreaterThan(5);
  });

  it('gives the province two linked cities: coverage with a gap, lights, and urges one city acknowledged', async () => {
    const province = await signInAs(first, 'ban-staff');
    const { lowerCoverage: c } = await province.ok(
      `query { lowerCoverage { year points { coveredBy counts { tasks done overdue } } lowers { name covered share } } }`,
    );
    expect(c.year).toBe(YEAR);
    expect(c.lowers.map((l: any) => l.name).sort()).toEqual(DEMO_LOWER_TENANTS.map((x) => x.name).sort());
    // 大连 takes up more than 鞍山; the province's last key point is nobody's (the gap to urge about).
    const [dl, as] = DEMO_LOWER_TENANTS.map((x) => c.lowers.find((l: any) => l.name === x.name));
    expect(dl.covered).toBeGreaterThan(as.covered);
    expect(c.points[c.points.length - 1].coveredBy).toBe(0);
    const tasks = c.points.reduce((n: number, p: any) => n + p.counts.tasks, 0);
    expect(tasks).toBe(dl.covered + as.covered);
    expect(c.points.some((p: any) => p.counts.overdue > 0)).toBe(true);
    expect(c.points.some((p: any) => p.counts.done > 0)).toBe(true);
    const { lowerUrges } = await province.ok(
      `query { lowerUrges { nodes { lowerTenantName situation acknowledgedAt } } }`,
    );
    expect(lowerUrges.nodes.map((u: any) => [u.lowerTenantName, !!u.acknowledgedAt]).sort()).toEqual([
      [DEMO_LOWER_TENANTS[0]!.name, true],
      [DEMO_LOWER_TENANTS[1]!.name, false],
      [DEMO_LOWER_TENANTS[1]!.name, false],
    ]);
    expect(lowerUrges.nodes.map((u: any) => u.situation)).toContain('尚无对应的工作要点（缺口）');
    // The lagging city's office signs in with its own 机构代码 and finds them waiting.
    const city = await signInAs(first, 'ban-staff', DEMO_LOWER_TENANTS[1]!.code);
    const { upperUrges } = await city.ok(`query { upperUrges(unacknowledged: true) { totalCount } }`);
    expect(upperUrges.totalCount).toBe(2);
  });

  it('tells the same story when seeded again with the same today', async () => {
    second = await demoApp();
    expect(await story(second)).toEqual(seen);
  });

  it('is loaded once: seeding again leaves the year as it is', async () => {
    await seedDemo(first.databaseUrl);
    await seedDemoPlan(first.app);
    const { rows } = await first.db.query(`SELECT count(*)::int AS n FROM plan`);
    // The province's two years and each demo city's one.
    expect(rows[0].n).toBe(2 + DEMO_LOWER_TENANTS.length);
  });
});
