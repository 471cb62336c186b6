import { createWorkCalendar, periodContaining } from '@duban/domain';
import { Clock } from '../../../common/clock.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client } from '../../../../test/factory.js';
import { buildScenario, TODAY, type Scenario } from './scorecard-scenario.js';
import { captureStatements } from '../../../../test/count-statements.js';

const COUNTS = `leadTasks responsibleTasks dueTasks completed completedOnTime completedLate overdueNow periodsOwed periodsOnTime periodsMissed reportsTotal
  reportsReturned delaysApproved delaysRefused urgesReceived verdictImplemented verdictPartial verdictNotImplemented verdictNotApplicable rectifications rectificationsOpen`;
const SCORECARD = `query($filter: ScorecardFilterInput!, $first: Int, $after: String) {
  scorecard(filter: $filter, first: $first, after: $after) {
    totalCount rankedUnits year tieBreak pageInfo { hasNextPage endCursor }
    nodes { unitId unitName score rank previousScore previousRank scoreChange unit { name kind } counts { ${COUNTS} }
      breakdown { component numerator denominator rate weight points } }
  }
}`;
const DRILL = `query($unitId: ID!, $metric: ScorecardMetric!, $filter: ScorecardFilterInput!, $first: Int, $after: String) {
  scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { count task { id unitId } }
  }
}`;
const RULES = `query { scoreRules { onTimeWeight notOverdueWeight reportingWeight leadWeight version tieBreak items { component rule label weight } } }`;
const UPDATE_RULES = `mutation($rules: ScoreRulesInput!, $version: Int) {
  updateScoreRules(rules: $rules, version: $version) { onTimeWeight notOverdueWeight reportingWeight leadWeight version } }`;

const zero = {
  verdictImplemented: 0,
  verdictPartial: 0,
  verdictNotImplemented: 0,
  verdictNotApplicable: 0,
  delaysApproved: 0,
  delaysRefused: 0,
};
/**
 * Hand-computed from the scenario (see scorecard-scenario.ts); lateness against the original date unless a
 * delay was approved. Reporting is counted per monthly period owed (by the 25th, moved to a working day):
 * a task assigned 2026-01-10 owes every period from January whose deadline has passed (October is the last
 * on 2026-11-23) and that began before it was finished; a period counts on time when a report reached the
 * office between the period's first day and its deadline. (Before issue 23 each report was judged against
 * the task's due date instead, so a report on an overdue task counted as a second lateness: reportsOnTime /
 * reportsLate are gone for periodsOwed / periodsOnTime / periodsMissed.)
 */
const EXPECTED_COUNTS = {
  // A1 (lead) owes Jan–Jun, reported in June; A2 owes Jan–Sep, never reported.
  甲局: {
    ...zero,
    leadTasks: 1,
    responsibleTasks: 1,
    dueTasks: 2,
    completed: 2,
    completedOnTime: 2,
    completedLate: 0,
    overdueNow: 0,
    periodsOwed: 15,
    periodsOnTime: 1,
    periodsMissed: 14,
    reportsTotal: 1,
    reportsReturned: 0,
    urgesReceived: 0,
    rectifications: 0,
    rectificationsOpen: 0,
  },
  // B2 owes Jan–Oct, reported in October; B3 owes Jan–Jul (finished 07-15).
  乙局: {
    ...zero,
    leadTasks: 1,
    responsibleTasks: 1,
    dueTasks: 2,
    completed: 2,
    completedOnTime: 0,
    completedLate: 2,
    overdueNow: 0,
    periodsOwed: 17,
    periodsOnTime: 1,
    periodsMissed: 16,
    reportsTotal: 1,
    reportsReturned: 0,
    delaysRefused: 1,
    urgesReceived: 0,
    rectifications: 0,
    rectificationsOpen: 0,
  },
  丙局: {
    ...zero,
    leadTasks: 1,
    responsibleTasks: 0,
    dueTasks: 1,
    completed: 1,
    completedOnTime: 1,
    completedLate: 0,
    overdueNow: 0,
    periodsOwed: 8,
    periodsOnTime: 1,
    periodsMissed: 7,
    reportsTotal: 1,
    reportsReturned: 0,
    delaysApproved: 1,
    urgesReceived: 0,
    rectifications: 0,
    rectificationsOpen: 0,
  },
  // D1 is not due yet (nothing to judge on completion); reports in May, June (both returned) and July reached the office.
  丁镇: {
    ...zero,
    leadTasks: 0,
    responsibleTasks: 1,
    dueTasks: 0,
    completed: 0,
    completedOnTime: 0,
    completedLate: 0,
    overdueNow: 0,
    periodsOwed: 10,
    periodsOnTime: 3,
    periodsMissed: 7,
    reportsTotal: 3,
    reportsReturned: 2,
    urgesReceived: 2,
    rectifications: 0,
    rectificationsOpen: 0,
  },
  戊镇: {
    ...zero,
    leadTasks: 1,
    responsibleTasks: 1,
    dueTasks: 2,
    completed: 0,
    completedOnTime: 0,
    completedLate: 0,
    overdueNow: 2,
    periodsOwed: 20,
    periodsOnTime: 0,
    periodsMissed: 20,
    reportsTotal: 0,
    reportsReturned: 0,
    urgesReceived: 1,
    rectifications: 1,
    rectificationsOpen: 1,
  },
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

  it('counts every outcome, scores by rates with the default weights and explains each score', async () => {
    const { scorecard } = await office.ok(SCORECARD, { filter: { year: 2026 } });
    expect(scorecard.year).toBe(2026);
    expect(scorecard.rankedUnits).toBe(5);
    expect(scorecard.tieBreak).toContain('按时完成率');
    const rows = byName(scorecard.nodes);
    for (const [name, counts] of Object.entries(EXPECTED_COUNTS))
      expect({ name, ...rows[name].counts }).toEqual({ name, ...counts });
    // Default weights 50 on-time, 30 not overdue, 20 reporting; lead tasks count 1.5×. Before issue 23 these were
    // 100 − deductions: 丙局 100, 甲局 100, 丁镇 95, 乙局 92.5, 戊镇 88.75 — a unit with two overdue tasks kept 88.75.
    // 丙局: on time 1.5/1.5, not overdue 1.5/1.5, reporting 1.5/12 → 50 + 30 + 2.5 = 82.5
    // 甲局: 2.5/2.5, 2.5/2.5, reporting 1.5/(9 + 9) → 80 + 1.67 = 81.67
    // 乙局: both late: on time 0, not overdue 2.5/2.5 (finished late is not overdue), reporting 1.5/22 → 30 + 1.36 = 31.36
    // 丁镇: nothing due yet, so only reporting counts: 3/10 → 30;  戊镇: both overdue, nothing reported → 0
    expect(scorecard.nodes.map((n: any) => [n.unitName, n.score, n.rank])).toEqual([
      ['丙局', 82.5, 1],
      ['甲局', 81.67, 2],
      ['乙局', 31.36, 3],
      ['丁镇', 30, 4],
      ['戊镇', 0, 5],
    ]);
    expect(rows['甲局'].unit).toEqual({ name: '甲局', kind: 'DEPARTMENT' });
    // How 乙局's score was made: the points add up to the score.
    expect(rows['乙局'].breakdown.slice(0, 3)).toEqual([
      { component: 'ON_TIME', numerator: 0, denominator: 2.5, rate: 0, weight: 50, points: 0 },
      { component: 'NOT_OVERDUE', numerator: 2.5, denominator: 2.5, rate: 1, weight: 30, points: 30 },
      { component: 'REPORTING', numerator: 1.5, denominator: 22, rate: 1.5 / 22, weight: 20, points: 1.36 },
    ]);
    expect(rows['丁镇'].breakdown.filter((l: any) => l.points > 0).map((l: any) => l.component)).toEqual(['REPORTING']);
  });

  it('gives the same numbers for the plan as for its year, and compares with the previous year', async () => {
    const byPlan = await office.ok(SCORECARD, { filter: { planId: s.planId } });
    const byYear = await office.ok(SCORECARD, { filter: { year: 2026 } });
    expect(byPlan.scorecard.nodes).toEqual(byYear.scorecard.nodes);
    const rows = byName(byYear.scorecard.nodes);
    // 2025: 乙局 on time but never reported (50 + 30 + 0 = 80, 1st); 甲局's lead task still overdue, never reported (0, 2nd).
    expect([rows['甲局'].previousScore, rows['甲局'].previousRank, rows['甲局'].scoreChange]).toEqual([0, 2, 81.67]);
    expect([rows['乙局'].previousScore, rows['乙局'].previousRank, rows['乙局'].scoreChange]).toEqual([80, 1, -48.64]);
    expect([rows['丙局'].previousScore, rows['丙局'].previousRank, rows['丙局'].scoreChange]).toEqual([
      null,
      null,
      null,
    ]);
    const prev = await office.ok(SCORECARD, { filter: { year: 2025 } });
    expect(prev.scorecard.nodes.map((n: any) => [n.unitName, n.score, n.rank])).toEqual([
      ['乙局', 80, 1],
      ['甲局', 0, 2],
    ]);
  });

  it('ranks only units of a kind when asked, and pages through the ranking', async () => {
    const towns = await office.ok(SCORECARD, { filter: { year: 2026, unitKind: 'TOWN' } });
    expect(towns.scorecard.nodes.map((n: any) => [n.unitName, n.rank])).toEqual([
      ['丁镇', 1],
      ['戊镇', 2],
    ]);
    const first = await office.ok(SCORECARD, { filter: { year: 2026 }, first: 2 });
    expect(first.scorecard.pageInfo.hasNextPage).toBe(true);
    const second = await office.ok(SCORECARD, {
      filter: { year: 2026 },
      first: 2,
      after: first.scorecard.pageInfo.endCursor,
    });
    const third = await office.ok(SCORECARD, {
      filter: { year: 2026 },
      first: 2,
      after: second.scorecard.pageInfo.endCursor,
    });
    expect(
      [...first.scorecard.nodes, ...second.scorecard.nodes, ...third.scorecard.nodes].map((n: any) => n.unitName),
    ).toEqual(['丙局', '甲局', '乙局', '丁镇', '戊镇']);
    expect(third.scorecard.pageInfo.hasNextPage).toBe(false);
    expect(first.scorecard.totalCount).toBe(5);
  });

  it('drills down to exactly the tasks behind a number, whose parts sum to it', async () => {
    const drill = async (unitId: string, metric: string) =>
      (await office.ok(DRILL, { unitId, metric, filter: { year: 2026 } })).scorecardTasks;
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
    const page1 = await office.ok(DRILL, {
      unitId: s.units.E.id,
      metric: 'OVERDUE_NOW',
      filter: { year: 2026 },
      first: 1,
    });
    const page2 = await office.ok(DRILL, {
      unitId: s.units.E.id,
      metric: 'OVERDUE_NOW',
      filter: { year: 2026 },
      first: 1,
      after: page1.scorecardTasks.pageInfo.endCursor,
    });
    expect([page1.scorecardTasks.nodes[0].task.id, page2.scorecardTasks.nodes[0].task.id]).toEqual([
      s.tasks.E5,
      s.tasks.E4,
    ]);
    expect(page2.scorecardTasks.pageInfo.hasNextPage).toBe(false);
  });

  it('shows a unit user only their own row with its rank, and refuses their look at other units', async () => {
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.D);
    const { scorecard } = await liaison.ok(SCORECARD, { filter: { year: 2026 } });
    expect(scorecard.nodes.map((n: any) => [n.unitName, n.rank])).toEqual([['丁镇', 4]]);
    expect([scorecard.totalCount, scorecard.rankedUnits]).toEqual([1, 5]);
    expect(
      errorCode(await liaison.gql(DRILL, { unitId: s.units.B.id, metric: 'COMPLETED_LATE', filter: { year: 2026 } })),
    ).toBe('FORBIDDEN');
    const own = await liaison.ok(DRILL, { unitId: s.units.D.id, metric: 'REPORTS_RETURNED', filter: { year: 2026 } });
    expect(own.scorecardTasks.nodes).toEqual([{ count: 2, task: { id: s.tasks.D1, unitId: s.units.D.id } }]);
  });

  it("gives another tenant NOT_FOUND for real ids and none of this tenant's rows", async () => {
    const other = await f.tenant('另一市人民政府办公室');
    const stranger = await f.client(other, 'OFFICE_ADMIN');
    expect(errorCode(await stranger.gql(SCORECARD, { filter: { planId: s.planId } }))).toBe('NOT_FOUND');
    expect(
      errorCode(await stranger.gql(DRILL, { unitId: s.units.B.id, metric: 'COMPLETED_LATE', filter: { year: 2026 } })),
    ).toBe('NOT_FOUND');
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
      return {
        total: statements.length,
        touchingTasks: statements.filter((sql) => /\bFROM task t\b/.test(sql)).length,
      };
    };
    const small = await count(2);
    const large = await count(20);
    expect(large).toEqual(small);
    expect(large.touchingTasks).toBe(1);
  });

  it('charges a report made on an overdue task as a report delivered, not as another lateness', async () => {
    const before = byName((await office.ok(SCORECARD, { filter: { year: 2026 } })).scorecard.nodes)['戊镇'];
    const author = await f.user(s.tenant, 'UNIT_LIAISON', s.units.E);
    // E5 was due 09-30 and is overdue; its unit reports in October's period.
    await t.db.query(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status, submitted_at) VALUES ($1, $2, $3, $4, '正在推进', 60, 'PENDING_OFFICE', '2026-10-20T10:00:00+08:00')`,
      [s.tenant.id, s.tasks.E5, s.units.E.id, author.id],
    );
    const after = byName((await office.ok(SCORECARD, { filter: { year: 2026 } })).scorecard.nodes)['戊镇'];
    expect(after.counts).toMatchObject({
      overdueNow: 2,
      completedLate: 0,
      periodsOwed: 20,
      periodsOnTime: 1,
      periodsMissed: 19,
      reportsTotal: 1,
    });
    expect(after.score).toBeGreaterThan(before.score);
  });

  it('lets one report answer one period when a deadline carried past its month is still open', async () => {
    // 每月31日前: January's deadline, Saturday 01-31, is carried to Monday 02-02, when February has begun.
    const cycle = { kind: 'MONTHLY', dayOfMonth: 31, weekday: null };
    expect(periodContaining('2026-01-15', { kind: 'MONTHLY', deadlineDay: 31 }, createWorkCalendar()).deadline).toBe(
      '2026-02-02',
    );
    const tenant = await f.tenant();
    await t.db.query(
      `UPDATE tenant SET settings = settings || jsonb_build_object('reportCycle', $2::jsonb) WHERE id = $1`,
      [tenant.id, JSON.stringify(cycle)],
    );
    const [once, twice] = [await f.unit(tenant, '单报局'), await f.unit(tenant, '双报局')];
    const made = await f.tasks(tenant, [once, twice], 2, { year: 2026, dueDate: () => '2026-12-31' });
    const author = await f.user(tenant, 'OFFICE_STAFF');
    const report = (i: number, day: string) =>
      t.db.query(
        `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status, submitted_at) VALUES ($1, $2, $3, $4, '正在推进', 30, 'ACCEPTED', $5)`,
        [tenant.id, made.tasks[i].id, made.tasks[i].unitId, author.id, `${day}T10:00:00+08:00`],
      );
    await report(0, '2026-02-02'); // January's, on its carried deadline — not February's as well
    await report(1, '2026-02-02');
    await report(1, '2026-02-10'); // February's
    const reader = await f.client(tenant, 'LEADERSHIP');
    const rows = byName((await reader.ok(SCORECARD, { filter: { year: 2026 } })).scorecard.nodes);
    // Assigned 2026-01-01: January to October are owed (October's deadline, 11-02, has passed by 11-23).
    expect(rows['单报局'].counts).toMatchObject({ periodsOwed: 10, periodsOnTime: 1, periodsMissed: 9 });
    expect(rows['双报局'].counts).toMatchObject({ periodsOwed: 10, periodsOnTime: 2, periodsMissed: 8 });
  });

  describe('score rules', () => {
    it('refuses every role but the office admin, and leaves the rules alone', async () => {
      for (const role of ['OFFICE_STAFF', 'LEADERSHIP', 'UNIT_LIAISON', 'UNIT_LEADER'] as const) {
        const c = await f.client(s.tenant, role);
        expect(errorCode(await c.gql(UPDATE_RULES, { rules: { onTimeWeight: 90 } }))).toBe('FORBIDDEN');
      }
      expect((await office.ok(RULES)).scoreRules.onTimeWeight).toBe(50);
    });

    it("keeps another tenant's change in that tenant", async () => {
      const other = await f.tenant();
      const admin = await f.client(other, 'OFFICE_ADMIN');
      await admin.ok(UPDATE_RULES, { rules: { onTimeWeight: 70 } });
      expect((await admin.ok(RULES)).scoreRules.onTimeWeight).toBe(70);
      expect((await office.ok(RULES)).scoreRules.onTimeWeight).toBe(50);
    });

    it('rejects a negative or out-of-range weight, or all weights 0, with a Chinese message naming the field', async () => {
      const admin = await f.client(s.tenant, 'OFFICE_ADMIN');
      const negative = await admin.gql(UPDATE_RULES, { rules: { onTimeWeight: -3 } });
      expect(negative.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'onTimeWeight' });
      expect(negative.errors![0].message).toContain('按时完成率');
      const weight = await admin.gql(UPDATE_RULES, { rules: { leadWeight: 0.5 } });
      expect(weight.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'leadWeight' });
      expect(errorCode(await admin.gql(UPDATE_RULES, { rules: { reportingWeight: 1e9 } }))).toBe('BAD_USER_INPUT');
      const none = await admin.gql(UPDATE_RULES, {
        rules: { onTimeWeight: 0, notOverdueWeight: 0, reportingWeight: 0 },
      });
      expect(none.errors![0]).toMatchObject({
        message: '各项权重不能全部为 0，至少要有一项计入得分',
        extensions: { field: 'rules' },
      });
      expect((await office.ok(RULES)).scoreRules).toMatchObject({
        onTimeWeight: 50,
        notOverdueWeight: 30,
        reportingWeight: 20,
      });
    });

    it("rescores and reranks with the tenant's custom weights, breaks ties by the stated rule, keeps other settings, audits, and refuses a stale version", async () => {
      const admin = await f.client(s.tenant, 'OFFICE_ADMIN');
      await t.db.query(`UPDATE tenant SET settings = settings || '{"leaderApproval": true}'::jsonb WHERE id = $1`, [
        s.tenant.id,
      ]);
      const { version } = (await admin.ok(RULES)).scoreRules;
      const updated = (
        await admin.ok(UPDATE_RULES, { rules: { onTimeWeight: 0, reportingWeight: 0, leadWeight: 2 }, version })
      ).updateScoreRules;
      expect(updated).toMatchObject({
        onTimeWeight: 0,
        notOverdueWeight: 30,
        reportingWeight: 0,
        leadWeight: 2,
        version: version + 1,
      });
      expect(errorCode(await admin.gql(UPDATE_RULES, { rules: { onTimeWeight: 10 }, version }))).toBe('CONFLICT');

      const {
        rows: [tenant],
      } = await t.db.query(`SELECT settings FROM tenant WHERE id = $1`, [s.tenant.id]);
      expect(tenant.settings.leaderApproval).toBe(true);
      const { rows: audit } = await t.db.query(
        `SELECT actor_id, before, after FROM audit_log WHERE tenant_id = $1 AND action = 'scoreRules.update'`,
        [s.tenant.id],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_id: admin.user.id,
        before: { onTimeWeight: 50 },
        after: { onTimeWeight: 0, leadWeight: 2 },
      });

      // Only "not overdue" counts: 丙局, 甲局 and 乙局 all finished (100); the tie is broken by on-time rate
      // (乙局 finished late: 0%), then by overdue share (equal), then by reporting rate (丙局 1.5/12 > 甲局 1.5/18
      // counted with lead tasks twice: 2/16 > 2/21). 丁镇 has nothing due: no score, no rank, listed last.
      const { scorecard } = await office.ok(SCORECARD, { filter: { year: 2026 } });
      expect(scorecard.nodes.map((n: any) => [n.unitName, n.score, n.rank])).toEqual([
        ['丙局', 100, 1],
        ['甲局', 100, 2],
        ['乙局', 100, 3],
        ['戊镇', 0, 4],
        ['丁镇', null, null],
      ]);
      expect(scorecard.rankedUnits).toBe(4);
      const paged = await office.ok(SCORECARD, { filter: { year: 2026 }, first: 4 });
      const rest = await office.ok(SCORECARD, {
        filter: { year: 2026 },
        first: 4,
        after: paged.scorecard.pageInfo.endCursor,
      });
      expect(rest.scorecard.nodes.map((n: any) => n.unitName)).toEqual(['丁镇']);
    });
  });
});
