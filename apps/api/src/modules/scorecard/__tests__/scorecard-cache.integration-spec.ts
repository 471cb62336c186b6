import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { Clock } from '../../../common/clock.js';
import type { Viewer } from '../../../common/viewer.js';
import { ScorecardService } from '../scorecard.service.js';
import { createSecondApp, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client } from '../../../../test/factory.js';
import { buildScenario, TODAY, type Scenario } from './scorecard-scenario.js';
import { captureStatements } from '../../../../test/count-statements.js';

const SCORECARD = `query($filter: ScorecardFilterInput!, $first: Int, $after: String) {
  scorecard(filter: $filter, first: $first, after: $after) {
    totalCount rankedUnits year pageInfo { hasNextPage endCursor }
    nodes { unitId unitName score rank previousScore previousRank scoreChange counts { overdueNow reportsReturned urgesReceived completed }
      breakdown { component denominator rate } }
  }
}`;
const RETURN_REPORT = `mutation($id: ID!, $version: Int!) { reviewReport(id: $id, input: { accept: false, reason: "佐证材料不全" }, version: $version) { id status } }`;
const URGE = `mutation($taskId: ID!) { urgeTask(taskId: $taskId, message: "请抓紧推进") { id } }`;
const RENAME_UNIT = `mutation($id: ID!, $version: Int!, $name: String!) { updateUnit(id: $id, version: $version, input: { name: $name }) { id name } }`;
const UPDATE_RULES = `mutation($rules: ScoreRulesInput!) { updateScoreRules(rules: $rules) { firstPassWeight } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishPlan(id: $id, version: $version) { id status } }`;

/** The statement that aggregates tasks: present when the scorecard was computed, absent on a cache hit. */
const computes = (statements: string[]) => statements.filter((sql) => /\bFROM task t\b/.test(sql)).length;

describe('scorecard cache', () => {
  let t: TestApp;
  let f: Factory;
  let s: Scenario;
  let office: Client;
  let admin: Client;
  let clock: Clock;
  /** A second API process on the same database: it shares scorecard_cache, not this process's memory. */
  let second: NestExpressApplication;
  let leader: Viewer;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    second = await createSecondApp(t);
    clock = t.app.get(Clock);
    const now = new Date(TODAY);
    for (const app of [t.app, second]) app.get(Clock).now = () => now;
    s = await buildScenario(t, f);
    office = await f.client(s.tenant, 'OFFICE_STAFF');
    admin = await f.client(s.tenant, 'OFFICE_ADMIN');
    leader = { tenantId: s.tenant.id, role: 'LEADERSHIP', unitId: null } as Viewer;
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  const read = async (client: Client, filter: Record<string, unknown> = { year: 2026 }) => {
    let body: any;
    const statements = await captureStatements(async () => {
      body = (await client.ok(SCORECARD, { filter })).scorecard;
    });
    return { scorecard: body, computed: computes(statements) > 0, statements: statements.length };
  };
  /** The same read in the second process, through its service. */
  const readElsewhere = async () => {
    let result: any;
    const statements = await captureStatements(async () => {
      result = await second.get(ScorecardService).scorecard(leader, { year: 2026 });
    });
    return { result, computed: computes(statements) > 0 };
  };
  const row = (scorecard: any, unitId: string) => scorecard.nodes.find((n: any) => n.unitId === unitId);
  const revision = async (tenantId = s.tenant.id) =>
    Number(
      (await t.db.query(`SELECT revision FROM scorecard_revision WHERE tenant_id = $1`, [tenantId])).rows[0]
        ?.revision ?? 0,
    );

  it('serves a second read from the cache, with the same result and fewer statements, in any process', async () => {
    const first = await read(office);
    expect(first.computed).toBe(true);
    const again = await read(office);
    expect(again.computed).toBe(false);
    expect(again.scorecard).toEqual(first.scorecard);
    expect(again.statements).toBeLessThan(first.statements);
    // Another process reads the row this one stored (the payload's JSON), and answers the same.
    const elsewhere = await readElsewhere();
    expect(elsewhere.computed).toBe(false);
    expect(elsewhere.result).toEqual(await t.app.get(ScorecardService).scorecard(leader, { year: 2026 }));
    expect(elsewhere.result.nodes.map((n: any) => [n.unitId, n.score, n.rank])).toEqual(
      first.scorecard.nodes.map((n: any) => [n.unitId, n.score, n.rank]),
    );
    // Another viewer of the tenant (a unit user) is served from the same entry, filtered to their row.
    const liaison = await f.client(s.tenant, 'UNIT_LIAISON', s.units.D);
    const own = await read(liaison);
    expect(own.computed).toBe(false);
    expect(own.scorecard.nodes).toEqual([row(first.scorecard, s.units.D.id)]);
    expect([own.scorecard.totalCount, own.scorecard.rankedUnits]).toEqual([1, 5]);
  });

  it('pages through a cached ranking exactly as through the computed one', async () => {
    const pages: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (await office.ok(SCORECARD, { filter: { year: 2026 }, first: 2, after })).scorecard;
      pages.push(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(pages.map((p) => p.nodes.map((n: any) => n.unitName))).toEqual([
      ['丙局', '甲局'],
      ['乙局', '丁镇'],
      ['戊镇'],
    ]);
    // Past the last row: an empty page, as before the cache.
    const beyond = (
      await office.ok(SCORECARD, { filter: { year: 2026 }, first: 2, after: pages[2].pageInfo.endCursor })
    ).scorecard;
    expect(beyond).toEqual({
      totalCount: 0,
      rankedUnits: 0,
      year: 2026,
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: [],
    });
    // A cursor of a row the ranking no longer has (another name at the same rank) is compared by PostgreSQL.
    const ghost = Buffer.from(JSON.stringify(['1', '丙局X', s.units.C.id])).toString('base64url');
    const afterGhost = (await office.ok(SCORECARD, { filter: { year: 2026 }, after: ghost })).scorecard;
    expect(afterGhost.nodes.map((n: any) => n.unitName)).toEqual(['甲局', '乙局', '丁镇', '戊镇']);
    expect(
      errorCode(
        await office.gql(SCORECARD, {
          filter: { year: 2026 },
          after: Buffer.from(JSON.stringify(['x', 'a', s.units.C.id])).toString('base64url'),
        }),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('reflects every committed write through the API at the next read', async () => {
    const before = (await read(office)).scorecard;
    const d = row(before, s.units.D.id);

    const {
      rows: [report],
    } = await t.db.query(
      `SELECT id, version FROM progress_report WHERE tenant_id = $1 AND task_id = $2 AND status = 'PENDING_OFFICE'`,
      [s.tenant.id, s.tasks.D1],
    );
    await office.ok(RETURN_REPORT, { id: report.id, version: report.version });
    const returned = await read(office);
    expect(returned.computed).toBe(true);
    expect(row(returned.scorecard, s.units.D.id).counts.reportsReturned).toBe(d.counts.reportsReturned + 1);
    // A returned report is reviewed once more: the first-pass rate's denominator moves (2 → 3).
    const firstPass = (r: any) => r.breakdown.find((l: any) => l.component === 'FIRST_PASS');
    expect(firstPass(row(returned.scorecard, s.units.D.id)).denominator).toBe(firstPass(d).denominator + 1);

    await office.ok(URGE, { taskId: s.tasks.D1 });
    expect(row((await read(office)).scorecard, s.units.D.id).counts.urgesReceived).toBe(d.counts.urgesReceived + 1);

    const {
      rows: [unit],
    } = await t.db.query(`SELECT version FROM unit WHERE tenant_id = $1 AND id = $2`, [s.tenant.id, s.units.A.id]);
    await admin.ok(RENAME_UNIT, { id: s.units.A.id, version: unit.version, name: '甲局（更名）' });
    expect(row((await read(office)).scorecard, s.units.A.id).unitName).toBe('甲局（更名）');

    // Score rules live in tenant.settings (no trigger there): the rules are part of the cache key.
    const cached = await read(office);
    expect(cached.computed).toBe(false);
    await admin.ok(UPDATE_RULES, { rules: { firstPassWeight: 20 } });
    const rescored = await read(office);
    expect(rescored.computed).toBe(true);
    // 丁镇 has nothing due, reporting 3/10 (30); first-pass 0/3 now weighs as much as reporting: (6 + 0) / 40 → 15.
    expect([row(cached.scorecard, s.units.D.id).score, row(rescored.scorecard, s.units.D.id).score]).toEqual([30, 15]);
  });

  it('recomputes on another day: "overdue now" moves with the date alone', async () => {
    const today = (await read(office)).scorecard;
    expect(row(today, s.units.D.id).counts.overdueNow).toBe(0);
    const later = new Date('2027-01-05T02:00:00Z'); // D1 was due 2026-12-31
    clock.now = () => later;
    try {
      const next = await read(office);
      expect(next.computed).toBe(true);
      expect(row(next.scorecard, s.units.D.id).counts.overdueNow).toBe(1);
    } finally {
      const now = new Date(TODAY);
      clock.now = () => now;
    }
    const back = await read(office);
    expect(row(back.scorecard, s.units.D.id).counts.overdueNow).toBe(0);
  });

  it('is not invalidated by a rolled-back or refused write, nor fooled by an uncommitted one', async () => {
    await read(office);
    const rev = await revision();
    const client = new pg.Client({ connectionString: t.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE task SET status = 'DONE', completed_at = now() WHERE tenant_id = $1 AND id = $2`, [
        s.tenant.id,
        s.tasks.E4,
      ]);
      // Uncommitted: other sessions still see the old data, and the cache still answers for it.
      const during = await read(office);
      expect(during.computed).toBe(false);
      expect(row(during.scorecard, s.units.E.id).counts.completed).toBe(0);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    expect(await revision()).toBe(rev);
    expect(errorCode(await office.gql(RETURN_REPORT, { id: s.tasks.A1, version: 1 }))).toBeTruthy();
    expect(await revision()).toBe(rev);
    expect((await read(office)).computed).toBe(false);
  });

  it('counts concurrent committed writers once each, and a plan publication once however many tasks it creates', async () => {
    const rev = await revision();
    const a = new pg.Client({ connectionString: t.databaseUrl });
    const b = new pg.Client({ connectionString: t.databaseUrl });
    await Promise.all([a.connect(), b.connect()]);
    try {
      await a.query('BEGIN');
      await b.query('BEGIN');
      await a.query(`UPDATE task SET progress = progress WHERE tenant_id = $1 AND id = $2`, [s.tenant.id, s.tasks.D1]);
      await b.query(`UPDATE task SET progress = progress WHERE tenant_id = $1 AND id = $2`, [s.tenant.id, s.tasks.E5]);
      await b.query(`INSERT INTO urge (tenant_id, task_id, level, message) VALUES ($1, $2, 'URGE', '请抓紧')`, [
        s.tenant.id,
        s.tasks.E5,
      ]);
      await Promise.all([a.query('COMMIT'), b.query('COMMIT')]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect(await revision()).toBe(rev + 2);

    // A draft naming every unit on 30 key points (direct SQL, as the plan import would leave it).
    const q = (sql: string, params: unknown[]) => t.db.query(sql, params).then((r) => r.rows);
    const [plan] = await q(
      `INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, 2026, '2026年专项工作方案', 'DRAFT') RETURNING id, version`,
      [s.tenant.id],
    );
    const [section] = await q(
      `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', '专项任务', 1) RETURNING id`,
      [s.tenant.id, plan.id],
    );
    await q(
      `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title, due_date)
       SELECT $1, $2, $3, n, '(' || n || ')', '专项任务第' || n || '项', '2026-12-31' FROM generate_series(1, 30) n`,
      [s.tenant.id, plan.id, section.id],
    );
    await q(
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
       SELECT k.tenant_id, k.id, 'RESPONSIBLE', u.name, u.id, 1 FROM key_point k JOIN unit u ON u.tenant_id = k.tenant_id
        WHERE k.tenant_id = $1 AND k.plan_id = $2`,
      [s.tenant.id, plan.id],
    );
    await read(office);
    const beforePublish = await revision();
    await office.ok(PUBLISH, { id: plan.id, version: plan.version });
    const {
      rows: [made],
    } = await t.db.query(`SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND plan_id = $2`, [
      s.tenant.id,
      plan.id,
    ]);
    expect(made.n).toBe(30 * 5);
    expect(await revision()).toBe(beforePublish + 1);
    const after = await read(office);
    expect(after.computed).toBe(true);
    expect(row(after.scorecard, s.units.A.id).counts.completed).toBe(2);
  });

  it('keeps tenants apart: a write in one does not invalidate the other, and no rows cross', async () => {
    const other = await buildScenario(t, f);
    const otherOffice = await f.client(other.tenant, 'OFFICE_STAFF');
    const mine = await read(office);
    const theirs = await read(otherOffice);
    expect((await read(office)).computed).toBe(false);
    expect((await read(otherOffice)).computed).toBe(false);
    const myUnits = new Set(Object.values(s.units).map((u) => u.id));
    const theirUnits = new Set(Object.values(other.units).map((u) => u.id));
    expect(mine.scorecard.nodes.every((n: any) => myUnits.has(n.unitId))).toBe(true);
    expect(theirs.scorecard.nodes.map((n: any) => n.unitId).sort()).toEqual([...theirUnits].sort());

    const myRevision = await revision();
    await otherOffice.ok(URGE, { taskId: other.tasks.D1 });
    expect(await revision()).toBe(myRevision);
    const stillMine = await read(office);
    expect(stillMine.computed).toBe(false);
    expect(stillMine.scorecard).toEqual(mine.scorecard);
    const theirsNow = await read(otherOffice);
    expect(theirsNow.computed).toBe(true);
    expect(row(theirsNow.scorecard, other.units.D.id).counts.urgesReceived).toBe(
      row(theirs.scorecard, other.units.D.id).counts.urgesReceived + 1,
    );
  });

  it('still answers when the cache cannot be written (a read-only replica, say)', async () => {
    await t.db.query(`ALTER TABLE scorecard_cache ADD CONSTRAINT no_writes CHECK (false) NOT VALID`);
    try {
      const before = row((await readElsewhere()).result, s.units.E.id).counts.urgesReceived;
      await t.db.query(`INSERT INTO urge (tenant_id, task_id, level, message) VALUES ($1, $2, 'URGE', '请抓紧')`, [
        s.tenant.id,
        s.tasks.E4,
      ]);
      const first = await read(office);
      expect(first.computed).toBe(true);
      expect(row(first.scorecard, s.units.E.id).counts.urgesReceived).toBe(before + 1);
      // This process keeps what it computed; the other finds nothing stored and computes too.
      expect((await read(office)).computed).toBe(false);
      const elsewhere = await readElsewhere();
      expect(elsewhere.computed).toBe(true);
      expect(row(elsewhere.result, s.units.E.id).counts.urgesReceived).toBe(before + 1);
    } finally {
      await t.db.query(`ALTER TABLE scorecard_cache DROP CONSTRAINT no_writes`);
    }
    // Writable again: the next computation is stored, and the other process reads it.
    await t.db.query(`INSERT INTO urge (tenant_id, task_id, level, message) VALUES ($1, $2, 'URGE', '请抓紧')`, [
      s.tenant.id,
      s.tasks.E4,
    ]);
    expect((await read(office)).computed).toBe(true);
    expect((await readElsewhere()).computed).toBe(false);
  });
});
