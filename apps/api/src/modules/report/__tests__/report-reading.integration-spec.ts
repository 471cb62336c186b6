import { countStatements } from '../../../../test/count-statements.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type TestTenant, type TestUnit } from '../../../../test/factory.js';

const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;
const LIST = `query($filter: ReportFilter, $first: Int, $after: String) {
  reports(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id unit { name } } }
}`;

describe('reading progress reports', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const ids = (res: { reports: { nodes: { id: string }[] } }) => res.reports.nodes.map((n) => n.id).sort();

  describe('visibility', () => {
    let tenant: TestTenant;
    let lead: TestUnit;
    let coUnit: TestUnit;
    let stranger: TestUnit;
    const r: Record<string, string> = {};
    let coTaskId: string;
    beforeAll(async () => {
      tenant = await f.tenant();
      lead = await f.unit(tenant, '市政务服务中心');
      coUnit = await f.unit(tenant, '市财政局');
      stranger = await f.unit(tenant, '市教育局');
      const led = await f.keyPointPlan(tenant);
      const other = await f.keyPointPlan(tenant);
      const leadTask = await f.keyPointTask(led, lead, 'LEAD');
      const coTask = await f.keyPointTask(led, coUnit, 'RESPONSIBLE');
      coTaskId = coTask.id;
      // The co-unit also works on a key point the lead unit has nothing to do with.
      const coOther = await f.keyPointTask(other, coUnit, 'LEAD');
      const strangerTask = await f.keyPointTask(other, stranger, 'RESPONSIBLE');
      const submit = async (unit: TestUnit, taskId: string) =>
        (
          await (
            await f.client(tenant, 'UNIT_LIAISON', unit)
          ).ok(SUBMIT, { taskId, input: { text: '进展', progress: 10 } })
        ).submitReport.id;
      r.lead = await submit(lead, leadTask.id);
      r.co = await submit(coUnit, coTask.id);
      r.coOther = await submit(coUnit, coOther.id);
      r.stranger = await submit(stranger, strangerTask.id);
    });

    it("a lead unit reads its co-units' reports on the key point it leads, and nothing else of theirs", async () => {
      const leadLiaison = await f.client(tenant, 'UNIT_LIAISON', lead);
      expect(ids(await leadLiaison.ok(LIST))).toEqual([r.lead, r.co].sort());
      expect(
        (await leadLiaison.ok(`query($id: ID!) { report(id: $id) { id unit { name } } }`, { id: r.co })).report.unit
          .name,
      ).toBe('市财政局');
      expect(errorCode(await leadLiaison.gql(`query($id: ID!) { report(id: $id) { id } }`, { id: r.coOther }))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await leadLiaison.gql(`query($id: ID!) { report(id: $id) { id } }`, { id: r.stranger }))).toBe(
        'NOT_FOUND',
      );
    });

    it("a co-unit reads its own reports (and, leading the other key point, its co-unit's there) but not the lead unit's", async () => {
      const coLiaison = await f.client(tenant, 'UNIT_LIAISON', coUnit);
      expect(ids(await coLiaison.ok(LIST))).toEqual([r.co, r.coOther, r.stranger].sort());
      const strangerLiaison = await f.client(tenant, 'UNIT_LIAISON', stranger);
      expect(ids(await strangerLiaison.ok(LIST))).toEqual([r.stranger]);
    });

    it('office and leadership read the whole tenant; another tenant reads nothing of it', async () => {
      for (const role of ['OFFICE_STAFF', 'LEADERSHIP'] as const) {
        expect(ids(await (await f.client(tenant, role)).ok(LIST))).toEqual(Object.values(r).sort());
      }
      const foreign = await f.client(await f.tenant(), 'OFFICE_ADMIN');
      expect((await foreign.ok(LIST)).reports.totalCount).toBe(0);
      expect(errorCode(await foreign.gql(`query($id: ID!) { report(id: $id) { id } }`, { id: r.co }))).toBe(
        'NOT_FOUND',
      );
    });

    it('filters by status, task, unit and plan, and refuses malformed ids', async () => {
      const office = await f.client(tenant, 'OFFICE_STAFF');
      expect(ids(await office.ok(LIST, { filter: { unitId: coUnit.id } }))).toEqual([r.co, r.coOther].sort());
      expect(ids(await office.ok(LIST, { filter: { taskId: coTaskId } }))).toEqual([r.co]);
      expect((await office.ok(LIST, { filter: { status: 'ACCEPTED' } })).reports.totalCount).toBe(0);
      const planId = (await t.db.query(`SELECT plan_id FROM task WHERE id = $1`, [coTaskId])).rows[0].plan_id;
      expect(ids(await office.ok(LIST, { filter: { planId } }))).toEqual([r.lead, r.co].sort());
      const bad = await office.gql(LIST, { filter: { unitId: 'x' } });
      expect(bad.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    });

    it('Task.reports follows the same rule', async () => {
      const q = `query($id: ID!) { task(id: $id) { reports { id } } }`;
      const leadLiaison = await f.client(tenant, 'UNIT_LIAISON', lead);
      expect((await leadLiaison.ok(q, { id: coTaskId })).task.reports).toEqual([{ id: r.co }]);
      const coLiaison = await f.client(tenant, 'UNIT_LIAISON', coUnit);
      expect((await coLiaison.ok(q, { id: coTaskId })).task.reports).toEqual([{ id: r.co }]);
    });

    it('queues: only the office sees reviewQueue, only unit leaders leaderQueue', async () => {
      for (const role of ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
        expect(errorCode(await (await f.client(tenant, role, lead)).gql(`{ reviewQueue { totalCount } }`))).toBe(
          'FORBIDDEN',
        );
      }
      for (const role of ['UNIT_LIAISON', 'OFFICE_ADMIN', 'LEADERSHIP'] as const) {
        expect(errorCode(await (await f.client(tenant, role, lead)).gql(`{ leaderQueue { totalCount } }`))).toBe(
          'FORBIDDEN',
        );
      }
      const office = await f.client(tenant, 'OFFICE_ADMIN');
      const queue = (await office.ok(`{ reviewQueue { nodes { id submittedAt } } }`)).reviewQueue.nodes as {
        id: string;
        submittedAt: string;
      }[];
      expect(queue.map((n) => n.id)).toEqual([r.lead, r.co, r.coOther, r.stranger]);
    });
  });

  describe('paging', () => {
    it('walks every report exactly once, newest first, with a stable total', async () => {
      const { tenant } = await seedReports(7);
      const office = await f.client(tenant, 'OFFICE_STAFF');
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const { reports }: any = await office.ok(LIST, { first: 3, after });
        expect(reports.totalCount).toBe(7);
        seen.push(...reports.nodes.map((n: { id: string }) => n.id));
        if (!reports.pageInfo.hasNextPage) break;
        after = reports.pageInfo.endCursor;
      }
      const expected = (
        await t.db.query(`SELECT id FROM progress_report WHERE tenant_id = $1 ORDER BY submitted_at DESC, id DESC`, [
          tenant.id,
        ])
      ).rows.map((x) => x.id);
      expect(seen).toEqual(expected);
      expect(errorCode(await office.gql(LIST, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await office.gql(LIST, { first: 1000 }))).toBe('BAD_USER_INPUT');
    });
  });

  describe('no N+1', () => {
    const QUERY = `{ reports(first: 50) { nodes { authorName unit { name } evidence { url file { filename } } task { id } } } }`;

    it('reads a page of 2 reports and a page of 20 with the same number of SQL statements', async () => {
      const small = await seedReports(2);
      const large = await seedReports(20);
      const smallClient = await f.client(small.tenant, 'OFFICE_STAFF');
      const largeClient = await f.client(large.tenant, 'OFFICE_STAFF');
      // Warm up: first requests may refresh the session.
      await smallClient.ok(QUERY);
      await largeClient.ok(QUERY);
      const smallCount = await countStatements(async () => {
        const data = await smallClient.ok(QUERY);
        expect(data.reports.nodes).toHaveLength(2);
      });
      const largeCount = await countStatements(async () => {
        const data = await largeClient.ok(QUERY);
        expect(data.reports.nodes).toHaveLength(20);
        for (const node of data.reports.nodes) {
          expect(node.evidence.map((e: { url: string | null }) => e.url)).toEqual([
            expect.stringMatching(/^https:/),
            null,
          ]);
          expect(node.evidence[1].file.filename).toMatch(/\.pdf$/);
          expect(node.task.id).toEqual(expect.any(String));
        }
      });
      expect(largeCount).toBe(smallCount);
      expect(largeCount).toBeLessThanOrEqual(10);
    });
  });

  /** A tenant with n tasks (one per key point) each carrying one report with a URL and a file. */
  async function seedReports(n: number) {
    const tenant = await f.tenant();
    const unit = await f.unit(tenant);
    const author = await f.user(tenant, 'UNIT_LIAISON', unit);
    const kp = await f.keyPointPlan(tenant);
    await t.db.query(
      `WITH kps AS (
         INSERT INTO key_point (tenant_id, plan_id, seq, title) SELECT $1, $2, g + 1, '要点' || g FROM generate_series(1, $3) g RETURNING id
       ), tasks AS (
         INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, assigned_on, due_date, original_due_date)
         SELECT $1, $2, id, $4, 'LEAD', $5::date, $6::date, $6::date FROM kps RETURNING id
       ), reports AS (
         INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status)
         SELECT $1, id, $4, $7, '进展', 20, 'PENDING_OFFICE' FROM tasks RETURNING id
       ), files AS (
         INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content, created_by)
         SELECT $1, '附件' || g || '.pdf', 'application/pdf', 4, 'x', '\\x25504446'::bytea, $7 FROM generate_series(1, $3) g RETURNING id
       ), pairs AS (
         SELECT r.id AS report_id, fl.id AS file_id FROM
           (SELECT id, row_number() OVER () n FROM reports) r JOIN (SELECT id, row_number() OVER () n FROM files) fl USING (n)
       )
       INSERT INTO report_evidence (tenant_id, report_id, kind, url, file_id, sort)
       SELECT $1, report_id, 'URL', 'https://www.example.gov.cn/' || report_id, NULL, 0 FROM pairs
       UNION ALL SELECT $1, report_id, 'FILE', NULL, file_id, 1 FROM pairs`,
      [tenant.id, kp.planId, n, unit.id, `${kp.year}-01-01`, `${kp.year}-12-31`, author.id],
    );
    return { tenant, unit };
  }
});
