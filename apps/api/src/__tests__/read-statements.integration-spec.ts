import { captureStatements, settled } from '../../test/count-statements.js';
import { Factory, type Client, type TestTenant } from '../../test/factory.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { GQL } from '../../test/bench-reads.js';

/**
 * What each read of `npm run bench` sends to PostgreSQL, counted: statements that read data, and
 * round trips (transaction control and the tenant scope included). A change that adds a statement or a
 * round trip to one of these reads fails here, without timing anything; one that removes some lowers
 * the budget below. Counted as in steady use, after a first request filled the caches: the session is
 * read by each request (one statement), the progress tree then comes from its revision cache. A statement
 * of the tenant's scope outside a transaction carries the scope in its own round trip, so each read
 * sends as many round trips as statements (tenant-query-runner.ts). Each read
 * is counted twice: computed (the same document written differently, which the answer cache has not
 * kept), and the identical request again, answered from the answer this process kept (KEPT: the
 * session, read with the answer stamp).
 */
const BUDGET = {
  // A list's page carries its total (Keyset.fetch), own tasks' page its key points too, and a statement goes
  // with its tenant scope in one round trip.
  ownTasks: { statements: 2, roundTrips: 2 },
  ledger: { statements: 5, roundTrips: 5 },
  ledgerFiltered: { statements: 5, roundTrips: 5 },
  // The tenant's score rules, settings and calendar revision in one statement (ScorecardService.tenantInputs).
  scorecard: { statements: 3, roundTrips: 3 },
  progress: { statements: 3, roundTrips: 3 },
  keyPointOpened: { statements: 2, roundTrips: 2 },
};
const KEPT = { statements: 1, roundTrips: 1 };

describe('statements per read', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let planId: string;
  let liaison: Client;
  let office: Client;
  let leader: Client;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    const units = [await f.unit(tenant), await f.unit(tenant), await f.unit(tenant)];
    ({ planId } = await f.tasks(tenant, units, 30, {
      year: 2026,
      dueDate: (i) => `2026-${String(10 + (i % 3)).padStart(2, '0')}-15`,
      status: (i) => (i % 4 === 0 ? 'IN_PROGRESS' : 'NOT_STARTED'),
    }));
    await t.db.query(
      `UPDATE task SET light = CASE WHEN random() < 0.5 THEN 'RED' ELSE 'YELLOW' END WHERE tenant_id = $1`,
      [tenant.id],
    );
    liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    office = await f.client(tenant, 'OFFICE_STAFF');
    leader = await f.client(tenant, 'LEADERSHIP');
    // The setup's background work (its sign-ins' audit seals, jobs) done before anything is counted.
    await settled();
  });
  afterAll(() => t.close());

  const count = async (client: Client, query: string, variables?: Record<string, unknown>) => {
    let data: any;
    let again: any;
    await client.ok(query, variables); // caches filled, as in steady use
    // The sealer's sweep (every 10 s, every process) is not the read's.
    const sent = async (run: () => Promise<unknown>) => {
      const all = (await captureStatements(run, { roundTrips: true })).filter((s) => !/\baudit_log\b/.test(s));
      const statements = all.filter((s) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s)).length;
      return { statements, roundTrips: all.length };
    };
    // Another document (another hash) asking the same: computed, with every other cache warm.
    const counted = await sent(async () => (data = await client.ok(`${query}\n`, variables)));
    const kept = await sent(async () => (again = await client.ok(query, variables)));
    expect(again).toEqual(data);
    expect(kept).toEqual(KEPT);
    return { data, counted };
  };

  it('own tasks', async () => {
    const { data, counted } = await count(liaison, GQL.myTasks);
    expect(data.myTasks.nodes.length).toBe(10);
    expect(data.myTasks.nodes[0].keyPoint.title).toMatch(/^要点/);
    expect(counted).toEqual(BUDGET.ownTasks);
  });

  it('ledger page', async () => {
    const { data, counted } = await count(office, GQL.ledger, { planId });
    expect(data.tasks.totalCount).toBe(30);
    expect(data.tasks.nodes[0]).toMatchObject({
      unit: { name: expect.any(String) },
      plan: { title: expect.any(String) },
    });
    expect(counted).toEqual(BUDGET.ledger);
  });

  it("the ledger's plans come without the imported text, read only where a query asks for it", async () => {
    const text = '政务公开'.repeat(5_000);
    await t.db.query(`UPDATE plan SET source_text = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.id, planId, text]);
    // A distinct document: computed, so the plan is read by the loader and not taken from a kept answer.
    const sent = await captureStatements(() => office.ok(`${GQL.ledger}\n\n\n`, { planId }));
    expect(sent.filter((s) => /\bFROM plan\b/.test(s))).toHaveLength(1);
    expect(sent.filter((s) => /\bsource_text\b|SELECT \*/.test(s) && /\bFROM plan\b/.test(s))).toEqual([]);
    const asked = await office.ok(
      `query($planId: ID!) { tasks(first: 2, filter: { planId: $planId }) { nodes { plan { id title sourceText } } } plans(first: 5) { nodes { id sourceText } } plan(id: $planId) { sourceText } }`,
      { planId },
    );
    expect(asked.tasks.nodes.map((n: any) => n.plan)).toEqual([
      { id: planId, title: expect.any(String), sourceText: text },
      { id: planId, title: expect.any(String), sourceText: text },
    ]);
    expect(asked.plans.nodes).toEqual([{ id: planId, sourceText: text }]);
    expect(asked.plan.sourceText).toBe(text);
    await t.db.query(`UPDATE plan SET source_text = NULL WHERE tenant_id = $1 AND id = $2`, [tenant.id, planId]);
  });

  it('ledger filtered by status and due range', async () => {
    const { data, counted } = await count(office, GQL.ledgerFiltered, { planId });
    expect(data.tasks.totalCount).toBe(30);
    expect(counted).toEqual(BUDGET.ledgerFiltered);
  });

  it('scorecard', async () => {
    const { data, counted } = await count(leader, GQL.scorecard, { year: 2026 });
    expect(data.scorecard.totalCount).toBe(3);
    expect(counted).toEqual(BUDGET.scorecard);
  });

  it('plan progress tree', async () => {
    const { data, counted } = await count(leader, GQL.progress, { planId });
    const keyPoints = data.planProgress.sections.flatMap((s: any) => s.keyPoints);
    expect(keyPoints).toHaveLength(30);
    expect(keyPoints.reduce((n: number, k: any) => n + k.taskCount, 0)).toBe(30);
    expect(data.planProgress.units.map((u: any) => u.taskCount)).toEqual([10, 10, 10]);
    expect(counted).toEqual(BUDGET.progress);
  });

  it('a key point opened in the progress tree', async () => {
    const { rows } = await t.db.query(`SELECT key_point_id FROM task WHERE tenant_id = $1 LIMIT 1`, [tenant.id]);
    const { data, counted } = await count(leader, GQL.keyPointOpened, { keyPointId: rows[0].key_point_id });
    expect(data.keyPointProgressTasks).toHaveLength(1);
    expect(data.keyPointProgressTasks[0].unit.name).toEqual(expect.any(String));
    expect(counted).toEqual(BUDGET.keyPointOpened);
  });
});
