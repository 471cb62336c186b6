import type { NestExpressApplication } from '@nestjs/platform-express';
import { captureStatements, settled } from '../../../../test/count-statements.js';
import { createSecondApp, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, sameSessionOn, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { linkPoint, linkTenants, SET_UPPER_LINKS } from './linking.js';

const END_UPPER = `mutation($upperTenantId: ID!) { endUpperTenantLink(upperTenantId: $upperTenantId) { upper { id } } }`;
const SHARE = `mutation($input: UpperShareSettingInput!, $version: Int!) { setUpperShareSetting(input: $input, version: $version) { version } }`;
const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;
const REVIEW = `mutation($id: ID!, $version: Int!, $input: ReviewReportInput!) { reviewReport(id: $id, version: $version, input: $input) { id } }`;
// What the 下级落实 page asks (as bench:levels does).
const COVERAGE = `query($year: Int) { lowerCoverage(year: $year) { year
  points { keyPointId title coveredBy counts { keyPoints tasks red done overdue overdueUnits overdueUnitCount } lowerKeyPoints lowerTasks lowerRed }
  lowers { tenantId name covered share refreshedAt } } }`;
const DETAIL = `query($keyPointId: ID!) { lowerRollupDetail(keyPointId: $keyPointId) {
  id lowerTenantId lowerTenantName title tasks { unitName light overdue lastReportOn sharedReport { text reportOn } } } }`;

/** The statements that take a lower tenant in or compute an answer: none on a cache hit. */
const computing = (sent: string[]) =>
  sent.filter((s) => /\b(lower_rollup_cell|lower_rollup_point|key_point_upper_link)\b/.test(s)).length;

/**
 * 下级落实's answers are kept twice: by each API process as sent (the answer cache, under the upper's
 * answer stamp and its lower tenants' stamp, both read with the session: a repeated read is that one
 * statement) and per upper tenant in scorecard_cache for every process (keyed by the lower tenants'
 * stamps and checked against the upper's revision). Every lower write that changes what the upper sees
 * is seen at the next read, in this API process and in a second one on the same database, each of
 * which holds the earlier answer in its own memory.
 */
describe('下级落实 answers across API processes', () => {
  let t: TestApp;
  let f: Factory;
  let second: NestExpressApplication;
  const year = new Date().getFullYear();
  let province: TestTenant;
  let city: TestTenant;
  let other: TestTenant;
  let cityUnit: TestUnit;
  let cityOffice: Client;
  let cityAdmin: Client;
  let provinceStaff: Client;
  /** The same person signed in to the second process. */
  let provinceStaffThere: Client;
  let upperKp: string[];
  let cityTasks: { id: string; keyPointId: string }[];
  let otherLiaison: Client;
  let otherTaskId: string;

  const link = (lower: TestTenant) => linkTenants(f, province, lower);

  /** A read through one process's GraphQL endpoint, with whether it took anything in or computed anything. */
  const read = async (client: Client, query: string, variables: Record<string, unknown>) => {
    let data: any;
    const sent = await captureStatements(async () => (data = Object.values(await client.ok(query, variables))[0]));
    return { data, computed: computing(sent) > 0 };
  };
  const coverageHere = () => read(provinceStaff, COVERAGE, { year });
  const coverageThere = () => read(provinceStaffThere, COVERAGE, { year });
  const detailHere = (keyPointId: string) => read(provinceStaff, DETAIL, { keyPointId });
  const detailThere = (keyPointId: string) => read(provinceStaffThere, DETAIL, { keyPointId });
  /** Reads in both processes; each has held an answer since the last write (so a stale one would show). */
  const both = async () => {
    const here = await coverageHere();
    const there = await coverageThere();
    expect(there.data).toEqual(here.data);
    return [here, there];
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    second = await createSecondApp(t);
    province = await f.tenant('缓存测试省人民政府办公厅');
    const provinceUnit = await f.unit(province, '省测试厅');
    upperKp = (await f.tasks(province, [provinceUnit], 2, { year, title: (i) => `省级要点${i + 1}` })).tasks.map(
      (x) => x.keyPointId,
    );
    provinceStaff = await f.client(province, 'OFFICE_STAFF');
    provinceStaffThere = await new Factory({ ...t, app: second }).signIn(province, provinceStaff.user);
    city = await f.tenant('甲市人民政府办公室');
    other = await f.tenant('乙市人民政府办公室');
    cityAdmin = await link(city);
    const otherAdmin = await link(other);
    cityOffice = await f.client(city, 'OFFICE_STAFF');
    cityUnit = await f.unit(city, '甲市数据局');
    // Both of the city's tasks are due at year end: green, not overdue.
    cityTasks = (
      await f.tasks(city, [cityUnit], 2, { year, title: (i) => `甲市要点${i + 1}`, dueDate: () => `${year}-12-31` })
    ).tasks;
    await linkPoint(cityOffice, cityTasks[0]!.keyPointId, 1);
    await linkPoint(cityOffice, cityTasks[1]!.keyPointId, 2);
    const otherUnit = await f.unit(other, '乙市数据局');
    const o = await f.tasks(other, [otherUnit], 1, {
      year,
      title: () => '乙市要点1',
      dueDate: () => `${year}-12-31`,
    });
    await linkPoint(otherAdmin, o.tasks[0]!.keyPointId, 1);
    otherTaskId = o.tasks[0]!.id;
    otherLiaison = await f.client(other, 'UNIT_LIAISON', otherUnit);
    // An accepted report on the city's first task, for the sharing switch below.
    const liaison = await f.client(city, 'UNIT_LIAISON', cityUnit);
    const { submitReport } = await liaison.ok(SUBMIT, {
      taskId: cityTasks[0]!.id,
      input: { text: '甲市已公开政策解读', progress: 60, claimsCompletion: false },
    });
    await cityOffice.ok(REVIEW, { id: submitReport.id, version: 1, input: { accept: true } });
    await settled();
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('serves a repeated read from the cache in this process and in another, with the same answer', async () => {
    const first = await coverageHere();
    expect(first.computed).toBe(true);
    expect(first.data.points.map((p: any) => [p.title, p.coveredBy])).toEqual([
      ['省级要点1', 2],
      ['省级要点2', 1],
    ]);
    const again = await coverageHere();
    expect(again).toEqual({ data: first.data, computed: false });
    // The second process has never read it: the stored answer, not a computation.
    const there = await coverageThere();
    expect(there).toEqual({ data: first.data, computed: false });
    expect((await detailHere(upperKp[0]!)).computed).toBe(true);
    expect((await detailHere(upperKp[0]!)).computed).toBe(false);
    expect((await detailThere(upperKp[0]!)).computed).toBe(false);
  });

  it("shows a lower tenant's report, submitted through the other process, at the next read in either", async () => {
    const lastReport = (d: any[]) => d.find((p) => p.lowerTenantId === other.id).tasks[0].lastReportOn;
    // Each process keeps the drill-down from here on.
    expect(lastReport((await detailHere(upperKp[0]!)).data)).toBeNull();
    expect(lastReport((await detailThere(upperKp[0]!)).data)).toBeNull();
    const submitted = await sameSessionOn(second.getHttpServer(), otherLiaison)(SUBMIT, {
      taskId: otherTaskId,
      input: { text: '乙市已公开', progress: 30, claimsCompletion: false },
    });
    expect(submitted.errors).toBeUndefined();
    for (const r of [await detailHere(upperKp[0]!), await detailThere(upperKp[0]!)])
      expect(lastReport(r.data)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows a lower task turned red at the next read, in either process', async () => {
    await both();
    // What the daily run writes when a task falls due (a write like any other: the city's revision moves).
    await t.db.query(`UPDATE task SET light = 'RED', due_date = $2 WHERE tenant_id = $1 AND id = $3`, [
      city.id,
      `${year}-01-02`,
      cityTasks[1]!.id,
    ]);
    const [here, there] = await both();
    expect(here!.computed).toBe(true);
    for (const r of [here!, there!]) {
      expect(r.data.points[1].counts).toMatchObject({
        red: 1,
        overdue: 1,
        overdueUnits: ['甲市人民政府办公室·甲市数据局'],
      });
    }
    // And in the other order: the second process reads first after the write.
    await t.db.query(`UPDATE task SET light = 'GREEN', due_date = $2 WHERE tenant_id = $1 AND id = $3`, [
      city.id,
      `${year}-12-31`,
      cityTasks[1]!.id,
    ]);
    expect((await coverageThere()).data.points[1].counts).toMatchObject({ red: 0, overdue: 0 });
    expect((await coverageHere()).data.points[1].counts).toMatchObject({ red: 0, overdue: 0 });
  });

  it('drops a removed link from the matrix at the next read, in either process', async () => {
    await both();
    await cityOffice.ok(SET_UPPER_LINKS, { keyPointId: cityTasks[1]!.keyPointId, upperPointIds: [], version: 1 });
    for (const r of await both()) expect(r.data.points[1]).toMatchObject({ coveredBy: 0, counts: { tasks: 0 } });
  });

  it('takes shared report text back at the next read once sharing is turned off, in either process', async () => {
    const shared = (d: any[]) => d.find((p) => p.lowerTenantId === city.id).tasks[0].sharedReport;
    await cityAdmin.ok(SHARE, { input: { shareReportText: true, shareReportFiles: false }, version: 0 });
    expect(shared((await detailHere(upperKp[0]!)).data)).toMatchObject({ text: '甲市已公开政策解读' });
    expect(shared((await detailThere(upperKp[0]!)).data)).toMatchObject({ text: '甲市已公开政策解读' });
    // Both processes now hold the shared text; the switch goes off.
    await cityAdmin.ok(SHARE, { input: { shareReportText: false, shareReportFiles: false }, version: 1 });
    expect(shared((await detailThere(upperKp[0]!)).data)).toBeNull();
    expect(shared((await detailHere(upperKp[0]!)).data)).toBeNull();
  });

  it('removes a city whose link ended at the next read, in either process, and answers again when it links anew', async () => {
    await both();
    await detailHere(upperKp[0]!);
    await detailThere(upperKp[0]!);
    await cityAdmin.ok(END_UPPER, { upperTenantId: province.id });
    for (const r of await both()) {
      expect(r.data.lowers.map((l: any) => l.name)).toEqual(['乙市人民政府办公室']);
      expect(r.data.points[0].coveredBy).toBe(1);
    }
    for (const r of [await detailHere(upperKp[0]!), await detailThere(upperKp[0]!)])
      expect(r.data.map((p: any) => p.lowerTenantName)).toEqual(['乙市人民政府办公室']);
    await link(city);
    const [here] = await both();
    expect(here!.data.lowers.map((l: any) => l.name)).toEqual(['乙市人民政府办公室', '甲市人民政府办公室']);
  });

  it('counts what each 下级落实 read sends: the session once this process keeps the answer, then the stamps and the stored answer', async () => {
    const count = async (query: string, variables: Record<string, unknown>) => {
      await provinceStaff.ok(query, variables);
      const sent = (await captureStatements(() => provinceStaff.ok(query, variables), { roundTrips: true })).filter(
        (s) => !/\baudit_log\b/.test(s),
      );
      return {
        statements: sent.filter((s) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(s)).length,
        roundTrips: sent.length,
      };
    };
    await settled();
    expect(await count(COVERAGE, { year })).toEqual({ statements: 1, roundTrips: 1 });
    expect(await count(DETAIL, { keyPointId: upperKp[0] })).toEqual({ statements: 1, roundTrips: 1 });
    // The lower tenants' stamp is read with the session for a 上下联动 read only: the province's other requests are spared it.
    const [session] = await captureStatements(() => provinceStaff.ok(COVERAGE, { year }));
    expect(session).toMatch(/AS answer_stamp/);
    expect(session).toMatch(/upper_tenant_id/);
    const elsewhere = (await captureStatements(() => provinceStaff.ok(`query { me { id } }`))).filter((s) =>
      /AS answer_stamp/.test(s),
    );
    expect(elsewhere).toHaveLength(1);
    expect(elsewhere[0]).not.toMatch(/upper_tenant_id/);
    // After one lower tenant's write: the session, its stamps, no answer for them, the upper's held stamps, that
    // lower tenant read (1) and taken in (9), the matrix and refresh times read, the answer stored.
    await t.db.query(`UPDATE task SET progress = progress + 1 WHERE tenant_id = $1 AND id = $2`, [
      other.id,
      (await t.db.query(`SELECT id FROM task WHERE tenant_id = $1 LIMIT 1`, [other.id])).rows[0].id,
    ]);
    const afterWrite = await captureStatements(() => provinceStaff.ok(COVERAGE, { year }));
    expect(computing(afterWrite)).toBeGreaterThan(0);
    expect(afterWrite.length).toBe(17);
    // The second process holds an older answer: the session, the lower tenants' stamps, the stored answer.
    const there = await captureStatements(() => provinceStaffThere.ok(COVERAGE, { year }));
    expect(computing(there)).toBe(0);
    expect(there.length).toBe(3);
    expect(await captureStatements(() => provinceStaffThere.ok(COVERAGE, { year }))).toHaveLength(1);
  });
});
