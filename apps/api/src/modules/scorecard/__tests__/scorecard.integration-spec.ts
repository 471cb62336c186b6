import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client } from '../../../../test/factory.js';
import { buildScenario, TODAY, type Scenario } from './scorecard-scenario.js';
import { captureStatements } from './capture-statements.js';

const COUNTS = `leadTasks responsibleTasks completed completedOnTime completedLate overdueNow reportsTotal reportsOnTime reportsLate
  reportsReturned delaysApproved delaysRefused urgesReceived verdictImplemented verdictPartial verdictNotImplemented verdictNotApplicable rectificationsOpen`;
const SCORECARD = `query($filter: ScorecardFilterInput!, $first: Int, $after: String) {
  scorecard(filter: $filter, first: $first, after: $after) {
    totalCount rankedUnits year pageInfo { hasNextPage endCursor }
    nodes { unitId unitName score rank previousScore previousRank scoreChange unit { name kind } counts { ${COUNTS} } }
  }
}`;
const DRILL = `query($unitId: ID!, $metric: ScorecardMetric!, $filter: ScorecardFilterInput!, $first: Int, $after: String) {
  scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { count task { id unitId } }
  }
}`;
const RULES = `query { scoreRules { base leadWeight perLateTask bonusPerOnTime version items { rule label kind weight } } }`;
const UPDATE_RULES = `mutation($rules: ScoreRulesInput!, $version: Int) { updateScoreRules(rules: $rules, version: $version) { base leadWeight perLateTask bonusPerOnTime version } }`;

const zero = { verdictImplemented: 0, verdictPartial: 0, verdictNotImplemented: 0, verdictNotApplicable: 0 };
/** Hand-computed from the scenario (see scorecard-scenario.ts); lateness against the original date unless a delay was approved. */
const EXPECTED_COUNTS = {
  甲局: { leadTasks: 1, responsibleTasks: 1, completed: 2, completedOnTime: 2, completedLate: 0, overdueNow: 0, reportsTotal: 1, reportsOnTime: 1, reportsLate: 0, reportsReturned: 0, delaysApproved: 0, delaysRefused: 0, urgesReceived: 0, rectificationsOpen: 0, ...zero },
  乙局: { leadTasks: 1, responsibleTasks: 1, completed: 2, completedOnTime: 0, completedLate: 2, overdueNow: 0, reportsTotal: 1, reportsOnTime: 0, reportsLate: 1, reportsReturned: 0, delaysApproved: 0, delaysRefused: 1, urgesReceived: 0, rectificationsOpen: 0, ...zero },
  丙局: { leadTasks: 1, responsibleTasks: 0, completed: 1, completedOnTime: 1, completedLate: 0, overdueNow: 0, reportsTotal: 1, reportsOnTime: 1, reportsLate: 0, reportsReturned: 0, delaysApproved: 1, delaysRefused: 0, urgesReceived: 0, rectificationsOpen: 0, ...zero },
  丁镇: { leadTasks: 0, responsibleTasks: 1, completed: 0, completedOnTime: 0, completedLate: 0, overdueNow: 0, reportsTotal: 3, reportsOnTime: 3, reportsLate: 0, reportsReturned: 2, delaysApproved: 0, delaysRefused: 0, urgesReceived: 2, rectificationsOpen: 0, ...zero },
  戊镇: { leadTasks: 1, responsibleTasks: 1, completed: 0, completedOnTime: 0, completedLate: 0, overdueNow: 2, reportsTotal: 0, reportsOnTime: 0, reportsLate: 0, reportsReturned: 0, delaysApproved: 0, delaysRefused: 0, urgesReceived: 1, rectificationsOpen: 1, ...zero },
};

describe('scorecard', () => {
  let t: TestApp;
  let f: Factory;
  let s: Scenario;
  let office: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    const now = new Date(TODAY);
    t.app.get(Clock).now = () => now;
    s = await buildScenario(t, f);
    office = await f.client(s.tenant, 'OFFICE_STAFF');
  });
  afterAll(() => t?.close());

  const byName = (nodes: any[]) => Object.fromEntries(nodes.map((n) => [n.unitName, n]));

  it('counts every outcome, scores with the default rules in SQL and ranks with ties sharing a place', async () => {
    const { scorecard } = await office.ok(SCORECARD, { filter: { year: 2026 } });
    expect(scorecard.year).toBe(2026);
    expect(scorecard.rankedUnits).toBe(5);
    const rows = byName(scorecard.nodes);
    for (const [name, counts] of Object.entries(EXPECTED_COUNTS)) expect({ name, ...rows[name].counts }).toEqual({ name, ...counts });
    // 乙局: late lead −2×1.5, late co-unit −2, late report as lead −1×1.5, refused delay −1 → 92.5
    // 丁镇: 2 returned −4, 2 urges −1 → 95;  戊镇: overdue −4.5 −3, urge as lead −0.75, open 整改 as lead −3 → 88.75
    expect(scorecard.nodes.map((n: any) => [n.unitName, n.score, n.rank])).toEqual([
      ['丙局', 100, 1], ['甲局', 100, 1], ['丁镇', 95, 3], ['乙局', 92.5, 4], ['戊镇', 88.75, 5],
    ]);
    expect(rows['甲局'].unit).toEqual({ name: '甲局', kind: 'DEPARTMENT' });
  });

  it('gives the same numbers for the plan as for its year, and compares with the previous year', async () => {
    const byPlan = await office.ok(SCORECARD, { filter: { planId: s.planId } });
    const byYear = await office.ok(SCORECARD, { filter: { year: 2026 } });
    expect(byPlan.scorecard.nodes).toEqual(byYear.scorecard.nodes);
    const rows = byName(byYear.scorecard.nodes);
    // 2025: 乙局 on time (100, 1st); 甲局's lead task still overdue (100 − 3×1.5 = 95.5, 2nd).
    expect([rows['甲局'].previousScore, rows['甲局'].previousRank, rows['甲局'].scoreChange]).toEqual([95.5, 2, 4.5]);
    expect([rows['乙局'].previousScore, rows['乙局'].previousRank, rows['乙局'].scoreChange]).toEqual([100, 1, -7.5]);
    expect([rows['丙局'].previousScore, rows['丙局'].previousRank, rows['丙局'].scoreChange]).toEqual([null, null, null]);
    const prev = await office.ok(SCORECARD, { filter: { year: 2025 } });
    expect(prev.scorecard.nodes.map((n: any) => [n.unitName, n.score, n.rank])).toEqual([['乙局', 100, 1], ['甲局', 95.5, 2]]);
  });

  it('ranks only units of a kind when asked, and pages through the ranking', async () => {
    const towns = await office.ok(SCORECARD, { filter: { year: 2026, unitKind: 'TOWN' } });
    expect(towns.scorecard.nodes.map((n: any) => [n.unitName, n.rank])).toEqual([['丁镇', 1], ['戊镇', 2]]);
    const first = await office.ok(SCORECARD, { filter: { year: 2026 }, first: 2 });
    expect(first.scorecard.pageInfo.hasNextPage).toBe(true);
    const second = await office.ok(SCORECARD, { filter: { year: 2026 }, first: 2, after: first.scorecard.pageInfo.endCursor });
    const third = await office.ok(SCORECARD, { filter: { year: 2026 }, first: 2, after: second.scorecard.pageInfo.endCursor });
    expect([...first.scorecard.nodes, ...second.scorecard.nodes, ...third.scorecard.nodes].map((n: any) => n.unitName)).toEqual(['丙局', '甲局', '丁镇', '乙局', '戊镇']);
    expect(third.scorecard.pageInfo.hasNextPage).toBe(false);
    expect(first.scorecard.totalCount).toBe(5);
  });

  it('drills down to exactly the tasks behind a number, whose parts sum to it', async () => {
    const drill = async (unitId: string, metric: string) => (await office.ok(DRILL, { unitId, metric, filter: { year: 2026 } })).scorecardTasks;
    const late = await drill(s.units.B.id, 'COMPLETED_LATE');
    expect(late.nodes.map((n: any) => n.task.id).sort()).toEqual([s.tasks.B2, s.tasks.B3].sort());
    expect(late.totalCount).toBe(2);
    const urges = await drill(s.units.D.id, 'URGES_RECEIVED');
    expect(urges.nodes).toEqual([{ count: 2, task: { id: s.tasks.D1, unitId: s.units.D.id } }]);
    const overdue = await drill(s.units.E.id, 'OVERDUE_NOW');
    expect(overdue.nodes.map((n: any) => n.task.id).sort()).toEqual([s.tasks.E4, s.tasks.E5].sort());
    const rect = await drill(s.units.E.id, 'RECTIFICATIONS_OPEN');
    expect(rect.nodes.map((n: any) => n.task.id)).toEqual([s.tasks.ER]);
    expect((await drill(s.units.C.id, 'COMPLETED_LATE')).nodes).toEqual([]);
    const page1 = await office.ok(DRILL, { unitId: s.units.E.id, metric: 'OVERDUE_NOW', filter: { year: 2026 }, first: 1 });
    const page2 = await office.ok(DRILL, { unitId: s.units.E.id, metric: 'OVERDUE_NOW', filter: { year: 2026 }, first: 1, after: page1.scorecardTasks.pageInfo.endCursor });
    expect([page1.scorecardTasks.nodes[0].task.id, page2.scorecardTasks.nodes[0].task.id]).toEqual([s.tasks.E5, s.tasks.E4]);
    expect(page2.scorecardTasks.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a unit user only their own row with its rank, and refuses their look at other units', async () => {
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.D);
    const { scorecard } = await liaison.ok(SCORECARD, { filter: { year: 2026 } });
    expect(scorecard.nodes.map((n: any) => [n.unitName, n.rank])).toEqual([['丁镇', 3]]);
    expect([scorecard.totalCount, scorecard.rankedUnits]).toEqual([1, 5]);
    expect(errorCode(await liaison.gql(DRILL, { unitId: s.units.B.id, metric: 'COMPLETED_LATE', filter: { year: 2026 } }))).toBe('FORBIDDEN');
    const own = await liaison.ok(DRILL, { unitId: s.units.D.id, metric: 'REPORTS_RETURNED', filter: { year: 2026 } });
    expect(own.scorecardTasks.nodes).toEqual([{ count: 2, task: { id: s.tasks.D1, unitId: s.units.D.id } }]);
  });

  it('gives another tenant NOT_FOUND for real ids and none of this tenant\'s rows', async () => {
    const other = await f.tenant('另一市人民政府办公室');
    const stranger = await f.client(other, 'OFFICE_ADMIN');
    expect(errorCode(await stranger.gql(SCORECARD, { filter: { planId: s.planId } }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.gql(DRILL, { unitId: s.units.B.id, metric: 'COMPLETED_LATE', filter: { year: 2026 } }))).toBe('NOT_FOUND');
    expect((await stranger.ok(SCORECARD, { filter: { year: 2026 } })).scorecard.nodes).toEqual([]);
  });

  it('rejects a filter without exactly one of plan or year, and bad ids, in Chinese', async () => {
    const both = await office.gql(SCORECARD, { filter: { planId: s.planId, year: 2026 } });
    expect(errorCode(both)).toBe('BAD_USER_INPUT');
    expect(both.errors![0].message).toMatch(/工作要点|年度/);
    expect(errorCode(await office.gql(SCORECARD, { filter: { year: 1999 } }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await office.gql(SCORECARD, { filter: { planId: 'nope' } }))).toBe('BAD_USER_INPUT');
  });

  it('computes the scorecard in one statement however many units and tasks there are', async () => {
    const count = async (units: number) => {
      const tenant = await f.tenant();
      const list = [];
      for (let i = 0; i < units; i++) list.push(await f.unit(tenant, `单位${i}`));
      const made = await f.tasks(tenant, list, units * 2, { year: 2026 });
      const reader = await f.client(tenant, 'LEADERSHIP');
      await reader.ok(SCORECARD, { filter: { year: 2026 } }); // warm-up: one-time look for the review table
      let nodes = 0;
      const statements = await captureStatements(async () => {
        nodes = (await reader.ok(SCORECARD, { filter: { planId: made.planId } })).scorecard.nodes.length;
      });
      expect(nodes).toBe(units);
      return { total: statements.length, touchingTasks: statements.filter((sql) => /\bFROM task t\b/.test(sql)).length };
    };
    const small = await count(2);
    const large = await count(20);
    expect(large).toEqual(small);
    expect(large.touchingTasks).toBe(1);
  });

  describe('score rules', () => {
    it('refuses every role but the office admin, and leaves the rules alone', async () => {
      for (const role of ['OFFICE_STAFF', 'LEADERSHIP', 'UNIT_LIAISON', 'UNIT_LEADER'] as const) {
        const c = await f.client(s.tenant, role);
        expect(errorCode(await c.gql(UPDATE_RULES, { rules: { perLateTask: -9 } }))).toBe('FORBIDDEN');
      }
      expect((await office.ok(RULES)).scoreRules.perLateTask).toBe(-2);
    });

    it('keeps another tenant\'s change in that tenant', async () => {
      const other = await f.tenant();
      const admin = await f.client(other, 'OFFICE_ADMIN');
      await admin.ok(UPDATE_RULES, { rules: { perLateTask: -7 } });
      expect((await admin.ok(RULES)).scoreRules.perLateTask).toBe(-7);
      expect((await office.ok(RULES)).scoreRules.perLateTask).toBe(-2);
    });

    it('rejects a bonus as penalty or an out-of-range value with a Chinese message naming the field', async () => {
      const admin = await f.client(s.tenant, 'OFFICE_ADMIN');
      const positive = await admin.gql(UPDATE_RULES, { rules: { perLateTask: 3 } });
      expect(positive.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perLateTask' });
      expect(positive.errors![0].message).toContain('逾期完成任务');
      const weight = await admin.gql(UPDATE_RULES, { rules: { leadWeight: 0.5 } });
      expect(weight.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadWeight' });
      expect(errorCode(await admin.gql(UPDATE_RULES, { rules: { base: 1e9 } }))).toBe('BAD_USER_INPUT');
    });

    it('rescores and reranks with the tenant\'s custom rules, keeps other settings, audits, and refuses a stale version', async () => {
      const admin = await f.client(s.tenant, 'OFFICE_ADMIN');
      await t.db.query(`UPDATE tenant SET settings = settings || '{"leaderApproval": true}'::jsonb WHERE id = $1`, [s.tenant.id]);
      const { version } = (await admin.ok(RULES)).scoreRules;
      const updated = (await admin.ok(UPDATE_RULES, { rules: { perLateTask: -10, leadWeight: 2, bonusPerOnTime: 1 }, version })).updateScoreRules;
      expect(updated).toMatchObject({ perLateTask: -10, leadWeight: 2, bonusPerOnTime: 1, base: 100, version: version + 1 });
      expect(errorCode(await admin.gql(UPDATE_RULES, { rules: { perUrge: -1 }, version }))).toBe('CONFLICT');

      const { rows: [tenant] } = await t.db.query(`SELECT settings FROM tenant WHERE id = $1`, [s.tenant.id]);
      expect(tenant.settings.leaderApproval).toBe(true);
      const { rows: audit } = await t.db.query(`SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'scoreRules.update'`, [s.tenant.id]);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor_id: admin.user.id, before: { perLateTask: -2 }, after: { perLateTask: -10, leadWeight: 2 } });

      // 甲局 2 on time +2 → 102; 丙局 +1 → 101; 丁镇 95; 戊镇 −6 −3 −1 −4 → 86; 乙局 −20 −10 −2 −1 → 67
      const { scorecard } = await office.ok(SCORECARD, { filter: { year: 2026 } });
      expect(scorecard.nodes.map((n: any) => [n.unitName, n.score, n.rank])).toEqual([
        ['甲局', 102, 1], ['丙局', 101, 2], ['丁镇', 95, 3], ['戊镇', 86, 4], ['乙局', 67, 5],
      ]);
    });
  });
});
