import JSZip from 'jszip';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { linkPoint, linkTenants, SET_UPPER_LINKS } from './linking.js';

const END_UPPER = `mutation($upperTenantId: ID!) { endUpperTenantLink(upperTenantId: $upperTenantId) { upper { id } } }`;
const COUNTS = `keyPoints tasks green yellow red done doneShare overdue overdueUnits overdueUnitCount lastReportOn`;
const COVERAGE = `query($year: Int) { lowerCoverage(year: $year) {
  year points { keyPointId label title coveredBy counts { ${COUNTS} } lowerKeyPoints lowerTasks lowerRed lowerDone lowerOverdue }
  lowers { tenantId name covered share refreshedAt } } }`;
const DETAIL = `query($keyPointId: ID!) { lowerRollupDetail(keyPointId: $keyPointId) {
  id lowerTenantId lowerTenantName label title tasks { id unitName status light dueDate lastReportOn overdue } } }`;
const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;
const REVIEW = `mutation($id: ID!, $version: Int!, $input: ReviewReportInput!) { reviewReport(id: $id, version: $version, input: $input) { id status } }`;

const SHARE = `mutation($input: UpperShareSettingInput!, $version: Int!) { setUpperShareSetting(input: $input, version: $version) { shareReportText shareReportFiles version } }`;
const SHARED = `query($keyPointId: ID!) { lowerRollupDetail(keyPointId: $keyPointId) { tasks { unitName sharedReport { text files reportOn } } } }`;
const SHARED_FILES = `query($keyPointId: ID!) { lowerRollupDetail(keyPointId: $keyPointId) { lowerTenantId tasks { sharedReport { attachments { fileId filename } } } } }`;

const SECRET_TEXT = '城市一尚未公开的进展情况';

/** A binary download, its body as a Buffer. */
const download = (client: Client, path: string) =>
  client.agent
    .get(path)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });

describe('coverage and roll-up for the upper office (上下联动, step 3)', () => {
  let t: TestApp;
  let f: Factory;
  const year = new Date().getFullYear();
  let province: TestTenant;
  let cityA: TestTenant;
  let cityB: TestTenant;
  let provinceStaff: Client;
  let provinceLeader: Client;
  let upperKp: string[];
  let cityATasks: { id: string; keyPointId: string; unitId: string }[];
  let cityAUnits: TestUnit[];
  let cityBStaff: Client;
  let cityAOffice: Client;

  const link = (lower: TestTenant) => linkTenants(f, province, lower);
  const coverage = async (client: Client = provinceLeader) => (await client.ok(COVERAGE, { year })).lowerCoverage;
  /** The stored cells equal the counts aggregated afresh from the read model's tasks (the computation reads used to do). */
  const expectCellsMatchTasks = async () => {
    const fresh = await t.db.query(
      `SELECT rp.upper_key_point_id, rp.lower_tenant_id, count(DISTINCT rp.id)::int AS key_points, count(rt.id)::int AS tasks,
              count(rt.id) FILTER (WHERE rt.light = 'GREEN')::int AS green, count(rt.id) FILTER (WHERE rt.light = 'YELLOW')::int AS yellow,
              count(rt.id) FILTER (WHERE rt.light = 'RED')::int AS red, count(rt.id) FILTER (WHERE rt.status IN ('DONE','CLOSED'))::int AS done,
              count(rt.id) FILTER (WHERE rt.overdue)::int AS overdue,
              coalesce(array_agg(DISTINCT ln.lower_name || '·' || rt.unit_name) FILTER (WHERE rt.overdue), '{}') AS units,
              (max(rt.last_report_at) AT TIME ZONE 'Asia/Shanghai')::date::text AS last_report_on
         FROM lower_rollup_point rp
         JOIN lower_rollup_source ln ON ln.tenant_id = rp.tenant_id AND ln.lower_tenant_id = rp.lower_tenant_id
         LEFT JOIN lower_rollup_task rt ON rt.tenant_id = rp.tenant_id AND rt.point_id = rp.id
        GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const stored = await t.db.query(
      `SELECT upper_key_point_id, lower_tenant_id, key_points, tasks, green, yellow, red, done, overdue,
              overdue_units, overdue_unit_count, last_report_on::text AS last_report_on
         FROM lower_rollup_cell ORDER BY 1, 2`,
    );
    expect(stored.rows).toEqual(
      fresh.rows.map(({ units, ...r }) => ({
        ...r,
        overdue_units: [...units].sort((a: string, b: string) => (a < b ? -1 : 1)).slice(0, 10),
        overdue_unit_count: units.length,
      })),
    );
    return stored.rows.length;
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    province = await f.tenant('测试省人民政府办公厅');
    const provinceUnit = await f.unit(province, '省测试厅');
    upperKp = (await f.tasks(province, [provinceUnit], 3, { year, title: (i) => `省级要点${i + 1}` })).tasks.map(
      (x) => x.keyPointId,
    );
    provinceStaff = await f.client(province, 'OFFICE_STAFF');
    provinceLeader = await f.client(province, 'LEADERSHIP');

    cityA = await f.tenant('甲市人民政府办公室');
    cityB = await f.tenant('乙市人民政府办公室');
    await link(cityA);
    await link(cityB);
    cityAOffice = await f.client(cityA, 'OFFICE_STAFF');
    cityBStaff = await f.client(cityB, 'OFFICE_STAFF');
    cityAUnits = [await f.unit(cityA, '甲市数据局'), await f.unit(cityA, '甲市司法局')];
    // City A: key point 1 (overdue since January) implements upper 1, key point 2 implements upper 2.
    const a = await f.tasks(cityA, cityAUnits, 2, {
      year,
      title: (i) => `甲市要点${i + 1}`,
      dueDate: (i) => (i === 0 ? `${year}-01-10` : `${year}-12-31`),
    });
    cityATasks = a.tasks;
    await linkPoint(cityAOffice, a.tasks[0]!.keyPointId, 1);
    await linkPoint(cityAOffice, a.tasks[1]!.keyPointId, 2);
    // City B: key point 1 implements upper 1; a draft's key point linked to upper 3 is not yet carried out.
    const b = await f.tasks(cityB, [await f.unit(cityB, '乙市数据局')], 1, {
      year,
      title: () => '乙市要点1',
      dueDate: () => `${year}-12-31`,
    });
    await linkPoint(cityBStaff, b.tasks[0]!.keyPointId, 1);
    const draft = await t.db.query(
      `INSERT INTO plan (tenant_id, year, title) VALUES ($1, $2, '乙市草稿') RETURNING id`,
      [cityB.id, year],
    );
    const draftKp = await t.db.query(
      `INSERT INTO key_point (tenant_id, plan_id, seq, label, title) VALUES ($1, $2, 1, '(一)', '乙市草稿要点') RETURNING id`,
      [cityB.id, draft.rows[0].id],
    );
    await linkPoint(cityBStaff, draftKp.rows[0].id, 3);
  }, 120_000);
  afterAll(() => t?.close());

  it('shows the upper office each key point × lower tenant, the coverage share per lower tenant and the gaps', async () => {
    const c = await coverage();
    expect(c.year).toBe(year);
    expect(c.points.map((p: any) => [p.title, p.coveredBy])).toEqual([
      ['省级要点1', 2],
      ['省级要点2', 1],
      ['省级要点3', 0],
    ]);
    expect(c.lowers.map((l: any) => [l.name, l.covered, l.share])).toEqual([
      ['乙市人民政府办公室', 1, 0.333],
      ['甲市人民政府办公室', 2, 0.667],
    ]);
    // The matrix: a row per upper key point, a list per measure in the order of `lowers` (乙, 甲).
    expect(c.points.map((p: any) => p.lowerKeyPoints)).toEqual([
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(c.points.map((p: any) => p.lowerTasks)).toEqual([
      [1, 1],
      [0, 1],
      [0, 0],
    ]);
    expect(c.points.map((p: any) => p.lowerOverdue)).toEqual([
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(c.points.map((p: any) => [p.lowerRed, p.lowerDone])).toEqual([
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
      [
        [0, 0],
        [0, 0],
      ],
    ]);
    // Roll-up of upper key point 1: two lower tenants, two tasks, one overdue at 甲市数据局.
    expect(c.points[0].counts).toMatchObject({
      keyPoints: 2,
      tasks: 2,
      done: 0,
      doneShare: 0,
      overdue: 1,
      overdueUnits: ['甲市人民政府办公室·甲市数据局'],
      red: 0,
    });
    expect(c.points[2].counts).toMatchObject({ keyPoints: 0, tasks: 0, doneShare: null, overdueUnits: [] });
    expect(await expectCellsMatchTasks()).toBe(3);
    // Every row of the read model belongs to the province.
    for (const table of ['lower_rollup_source', 'lower_rollup_point', 'lower_rollup_task']) {
      const { rows } = await t.db.query(`SELECT DISTINCT tenant_id FROM ${table}`);
      expect(rows.map((r) => r.tenant_id)).toEqual([province.id]);
    }
  });

  it("changes the roll-up once a city unit's completion is accepted, in any process, from the lower's revision alone", async () => {
    const task = cityATasks[1]!;
    const liaison = await f.client(cityA, 'UNIT_LIAISON', cityAUnits[1]);
    const { submitReport } = await liaison.ok(SUBMIT, {
      taskId: task.id,
      input: { text: SECRET_TEXT, progress: 100, claimsCompletion: true },
    });
    expect((await coverage()).points[1].counts).toMatchObject({
      tasks: 1,
      done: 0,
      lastReportOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    await cityAOffice.ok(REVIEW, { id: submitReport.id, version: 1, input: { accept: true } });
    // Two readers at once (two API processes would do the same): one refresh wins, both see it.
    const [one, two] = await Promise.all([coverage(), coverage(provinceStaff)]);
    for (const c of [one, two]) expect(c.points[1].counts).toMatchObject({ tasks: 1, done: 1, doneShare: 1 });
    await expectCellsMatchTasks();
    const detail = (await provinceStaff.ok(DETAIL, { keyPointId: upperKp[1] })).lowerRollupDetail;
    expect(detail).toEqual([
      expect.objectContaining({
        lowerTenantId: cityA.id,
        lowerTenantName: '甲市人民政府办公室',
        title: '甲市要点2',
        tasks: [
          expect.objectContaining({ unitName: '甲市司法局', status: 'DONE', dueDate: `${year}-12-31`, overdue: false }),
        ],
      }),
    ]);
    // Nothing the city did not share: no report text, none of the city's own row ids.
    const seen = JSON.stringify([
      one,
      detail,
      (await provinceStaff.ok(DETAIL, { keyPointId: upperKp[0] })).lowerRollupDetail,
    ]);
    const cityIds = [submitReport.id, ...cityATasks.flatMap((x) => [x.id, x.keyPointId, x.unitId])];
    expect(seen).not.toContain(SECRET_TEXT);
    expect(cityIds.filter((id) => seen.includes(id))).toEqual([]);
  });

  it('shows report text and file names only as far as the city office shares them, and takes them back when it stops', async () => {
    const sharedOf = async () =>
      (await provinceStaff.ok(SHARED, { keyPointId: upperKp[1] })).lowerRollupDetail[0].tasks[0].sharedReport;
    expect(await sharedOf()).toBeNull();
    const cityAdmin = await f.client(cityA, 'OFFICE_ADMIN');
    // Only the city's office admin decides; a stale form is refused.
    const staff = await cityAOffice.gql(SHARE, {
      input: { shareReportText: true, shareReportFiles: true },
      version: 0,
    });
    expect(errorCode(staff)).toBe('FORBIDDEN');
    const text = (await cityAdmin.ok(SHARE, { input: { shareReportText: true, shareReportFiles: false }, version: 0 }))
      .setUpperShareSetting;
    expect(text).toEqual({ shareReportText: true, shareReportFiles: false, version: 1 });
    expect(await sharedOf()).toEqual({ text: SECRET_TEXT, files: null, reportOn: expect.stringMatching(/^\d{4}-/) });
    // A file on the accepted report: its name is shared once files are.
    const report = (
      await t.db.query(`SELECT id FROM progress_report WHERE tenant_id = $1 AND task_id = $2`, [
        cityA.id,
        cityATasks[1]!.id,
      ])
    ).rows[0].id;
    const file = await t.db.query(
      `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content) VALUES ($1, '公开截图.png', 'image/png', 3, 'x', '\\x010203') RETURNING id`,
      [cityA.id],
    );
    await t.db.query(`INSERT INTO report_evidence (tenant_id, report_id, kind, file_id) VALUES ($1, $2, 'FILE', $3)`, [
      cityA.id,
      report,
      file.rows[0].id,
    ]);
    const stale = await cityAdmin.gql(SHARE, { input: { shareReportText: true, shareReportFiles: true }, version: 0 });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.message).toBe('共享设置已被他人修改，请刷新后重试');
    await cityAdmin.ok(SHARE, { input: { shareReportText: false, shareReportFiles: true }, version: 1 });
    expect(await sharedOf()).toMatchObject({ text: null, files: ['公开截图.png'] });
    // City B shares nothing: its tasks never carry a report, whatever city A chose.
    const b = (await provinceStaff.ok(SHARED, { keyPointId: upperKp[0] })).lowerRollupDetail;
    expect(b.flatMap((p: any) => p.tasks).every((x: any) => x.sharedReport === null)).toBe(true);
    await cityAdmin.ok(SHARE, { input: { shareReportText: false, shareReportFiles: false }, version: 2 });
    expect(await sharedOf()).toBeNull();
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM lower_rollup_task WHERE report_text IS NOT NULL OR report_files IS NOT NULL`,
    );
    expect(rows[0].n).toBe(0);
  });

  it("lets the province download a city's shared file of the latest accepted report, audited on both sides, and nothing else", async () => {
    const city = await f.tenant('丁市人民政府办公室');
    const admin = await link(city);
    const unit = await f.unit(city, '丁市数据局');
    const author = await f.user(city, 'UNIT_LIAISON', unit);
    const d = await f.tasks(city, [unit], 2, {
      year,
      title: (i) => `丁市要点${i + 1}`,
      dueDate: () => `${year}-12-31`,
    });
    await linkPoint(admin, d.tasks[0]!.keyPointId, 2);
    /** A report on a task with one file (its bytes the file name), submitted `daysAgo` days ago. */
    const reportWithFile = async (taskId: string, status: string, filename: string, daysAgo: number) => {
      const r = await t.db.query(
        `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status, submitted_at)
         VALUES ($1, $2, $3, $4, '进展', 50, $5, now() - make_interval(days => $6)) RETURNING id`,
        [city.id, taskId, unit.id, author.id, status, daysAgo],
      );
      const file = await t.db.query(
        `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content, created_by)
         VALUES ($1, $2, 'text/plain; charset=utf-8', $3, 'x', $4, $5) RETURNING id`,
        [city.id, filename, Buffer.byteLength(filename), Buffer.from(filename), author.id],
      );
      await t.db.query(
        `INSERT INTO report_evidence (tenant_id, report_id, kind, file_id) VALUES ($1, $2, 'FILE', $3)`,
        [city.id, r.rows[0].id, file.rows[0].id],
      );
      return file.rows[0].id as string;
    };
    const older = await reportWithFile(d.tasks[0]!.id, 'ACCEPTED', '旧的佐证.txt', 3);
    const latest = await reportWithFile(d.tasks[0]!.id, 'ACCEPTED', '政策解读佐证.txt', 2);
    const pending = await reportWithFile(d.tasks[0]!.id, 'PENDING_OFFICE', '待审核佐证.txt', 1);
    const unlinked = await reportWithFile(d.tasks[1]!.id, 'ACCEPTED', '未对应要点佐证.txt', 1);
    const path = (fileId: string, lower = city.id) => `/files/lower/${lower}/${fileId}`;
    const status = async (client: Client, fileId: string, lower = city.id) =>
      (await download(client, path(fileId, lower))).status;
    const audits = async (tenantId: string) =>
      (
        await t.db.query(
          `SELECT actor_id, entity_id, action, note FROM audit_log WHERE tenant_id = $1 AND action IN ('DOWNLOAD', 'UPPER_DOWNLOAD') ORDER BY at, id`,
          [tenantId],
        )
      ).rows;

    // Not shared yet: the province gets nothing, not even that the file exists.
    expect(await status(provinceStaff, latest)).toBe(404);
    await admin.ok(SHARE, { input: { shareReportText: false, shareReportFiles: true }, version: 0 });
    const shared = (await provinceStaff.ok(SHARED_FILES, { keyPointId: upperKp[1] })).lowerRollupDetail;
    const attachments = shared.find((p: any) => p.lowerTenantId === city.id).tasks[0].sharedReport.attachments;
    expect(attachments).toEqual([{ fileId: latest, filename: '政策解读佐证.txt' }]);
    const res = await download(provinceStaff, path(latest));
    expect(res.status).toBe(200);
    expect((res.body as Buffer).toString('utf8')).toBe('政策解读佐证.txt');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('政策解读佐证.txt'));
    // Leadership reads the roll-up, so it may read the evidence too.
    expect(await status(provinceLeader, latest)).toBe(200);
    expect((await audits(province.id)).map((a) => [a.actor_id, a.entity_id, a.action])).toEqual([
      [provinceStaff.user.id, latest, 'DOWNLOAD'],
      [provinceLeader.user.id, latest, 'DOWNLOAD'],
    ]);
    const cityLog = await audits(city.id);
    expect(cityLog).toHaveLength(2);
    expect(cityLog[0]).toMatchObject({ actor_id: null, entity_id: latest, action: 'UPPER_DOWNLOAD' });
    expect(cityLog[0].note).toContain('测试省人民政府办公厅');
    expect(cityLog[0].note).toContain('政策解读佐证.txt');

    // An earlier accepted report, a report not accepted, a task not linked to the province's key points.
    for (const fileId of [older, pending, unlinked]) expect(await status(provinceStaff, fileId)).toBe(404);
    // The city itself, a sibling and an unrelated office cannot use the province's way in; a province unit user neither.
    const stranger = await f.client(await f.tenant('无关县人民政府办公室'), 'OFFICE_ADMIN');
    for (const client of [await f.client(city, 'OFFICE_ADMIN'), cityAOffice, stranger])
      expect(await status(client, latest)).toBe(404);
    const provinceUnit = await f.unit(province, '省下载测试厅');
    expect(await status(await f.client(province, 'UNIT_LIAISON', provinceUnit), latest)).toBe(403);
    // Another city's id with this file, or a malformed id: NOT_FOUND all the same.
    expect(await status(provinceStaff, latest, cityA.id)).toBe(404);
    expect(await status(provinceStaff, 'not-a-uuid')).toBe(404);
    // Sharing turned off, then the link ended: refused from that moment, without waiting for the read model.
    await admin.ok(SHARE, { input: { shareReportText: false, shareReportFiles: false }, version: 1 });
    expect(await status(provinceStaff, latest)).toBe(404);
    await admin.ok(SHARE, { input: { shareReportText: false, shareReportFiles: true }, version: 2 });
    expect(await status(provinceStaff, latest)).toBe(200);
    await admin.ok(END_UPPER, { upperTenantId: province.id });
    expect(await status(provinceStaff, latest)).toBe(404);
    // Only the three downloads that were served are on record, in both tenants.
    expect((await audits(province.id)).map((a) => a.entity_id)).toEqual([latest, latest, latest]);
    expect((await audits(city.id)).map((a) => a.entity_id)).toEqual([latest, latest, latest]);
  });

  it('follows link changes: a key point unlinked leaves the matrix, an ended link removes the city and its rows', async () => {
    await cityAOffice.ok(SET_UPPER_LINKS, { keyPointId: cityATasks[1]!.keyPointId, upperPointIds: [], version: 1 });
    expect((await coverage()).points[1]).toMatchObject({ coveredBy: 0, counts: { tasks: 0 } });
    expect(await expectCellsMatchTasks()).toBe(2);
    await (await f.client(cityB, 'OFFICE_ADMIN')).ok(END_UPPER, { upperTenantId: province.id });
    const c = await coverage();
    expect(c.lowers.map((l: any) => l.name)).toEqual(['甲市人民政府办公室']);
    expect(c.points[0].coveredBy).toBe(1);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM lower_rollup_source WHERE lower_tenant_id = $1`, [cityB.id]))
        .rows[0].n,
    ).toBe(0);
    expect(await expectCellsMatchTasks()).toBe(1);
  });

  it('names the first ten overdue units of a key point and counts the rest, where a city lags in many units', async () => {
    const city = await f.tenant('丙市人民政府办公室');
    const office = await link(city);
    const units = await Promise.all(
      Array.from({ length: 14 }, (_, i) => f.unit(city, `丙市单位${String(i + 1).padStart(2, '0')}`)),
    );
    const c = await f.tasks(city, units, 1, { year, title: () => '丙市要点1', dueDate: () => `${year}-01-10` });
    // The same key point for every other unit too: fourteen overdue tasks in one cell.
    await t.db.query(
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, assigned_on, due_date, original_due_date)
       SELECT t.tenant_id, t.plan_id, t.key_point_id, u, t.role, t.status, t.assigned_on, t.due_date, t.original_due_date
         FROM task t, unnest($2::uuid[]) AS u WHERE t.id = $1`,
      [c.tasks[0]!.id, units.slice(1).map((u) => u.id)],
    );
    await linkPoint(office, c.tasks[0]!.keyPointId, 1);
    const { points, lowers } = await coverage();
    const named = Array.from({ length: 10 }, (_, i) => `丙市人民政府办公室·丙市单位${String(i + 1).padStart(2, '0')}`);
    expect(points[0].counts).toMatchObject({ overdue: 15, overdueUnitCount: 15 });
    // 甲市's 数据局 sorts after 丙市's units by code point (甲 U+7532 > 丙 U+4E19).
    expect(points[0].counts.overdueUnits).toEqual(named);
    const column = lowers.findIndex((l: any) => l.tenantId === city.id);
    expect([points[0].lowerTasks[column], points[0].lowerOverdue[column]]).toEqual([14, 14]);
    await expectCellsMatchTasks();
    const res = await download(provinceStaff, `/exports/lower-tongbao.docx?year=${year}`);
    const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain(`${named.join('、')} 等 15 个单位`);
    await (await f.client(city, 'OFFICE_ADMIN')).ok(END_UPPER, { upperTenantId: province.id });
  });

  it('refuses unit users, and gives a lower, sibling or unrelated tenant NOT_FOUND for the upper key point', async () => {
    const unit = await f.unit(province, '省另一厅');
    expect(errorCode(await (await f.client(province, 'UNIT_LIAISON', unit)).gql(COVERAGE, { year }))).toBe('FORBIDDEN');
    expect(
      errorCode(await (await f.client(province, 'UNIT_LEADER', unit)).gql(DETAIL, { keyPointId: upperKp[0] })),
    ).toBe('FORBIDDEN');
    const stranger = await f.client(await f.tenant('无关市人民政府办公室'), 'OFFICE_ADMIN');
    for (const client of [cityAOffice, cityBStaff, stranger]) {
      expect(errorCode(await client.gql(DETAIL, { keyPointId: upperKp[0] }))).toBe('NOT_FOUND');
      // Each reads its own 下级落实 only: none lists the province's key points or the other city.
      const own = JSON.stringify((await client.ok(COVERAGE, { year })).lowerCoverage);
      expect(own).not.toContain('省级要点');
      if (client !== cityAOffice) expect(own).not.toContain(cityA.id);
    }
    expect(errorCode(await provinceStaff.gql(DETAIL, { keyPointId: 'not-an-id' }))).toBe('NOT_FOUND');
  });

  it('exports coverage, gaps and roll-up as one workbook through /exports', async () => {
    const res = await download(provinceLeader, `/exports/lower-coverage.xlsx?year=${year}`);
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['覆盖情况', '缺口', '落实汇总']);
    const gaps = book
      .getWorksheet('缺口')!
      .getSheetValues()
      .slice(3)
      .map((r: any) => `${r[1]}|${r[2] || ''}|${r[3]}`);
    // After the previous test: upper 2 and 3 have no lower key point; 甲市 lacks 2 and 3.
    expect(gaps.sort()).toEqual([
      '下级机构未对应|甲市人民政府办公室|(2) 省级要点2',
      '下级机构未对应|甲市人民政府办公室|(3) 省级要点3',
      '无下级机构对应||(2) 省级要点2',
      '无下级机构对应||(3) 省级要点3',
    ]);
    const matrix = book.getWorksheet('覆盖情况')!;
    expect(matrix.getRow(2).values).toEqual([
      undefined,
      '序号',
      '上级工作要点',
      '甲市人民政府办公室',
      '已覆盖下级机构',
    ]);
    const bad = await provinceLeader.agent.get(`/exports/lower-coverage.xlsx?year=二〇二六`);
    expect(bad.status).toBe(400);
  });

  it('drafts the 通报 across the lower offices (docx): coverage per office, the gaps and the overdue tasks', async () => {
    const res = await download(provinceStaff, `/exports/lower-tongbao.docx?year=${year}`);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain(
      `关于${year}年政务公开工作要点下级落实情况的通报（草稿）.docx`,
    );
    const xml = await (await JSZip.loadAsync(res.body as Buffer)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    // After the tests above: 甲市 alone, covering key point 1 (overdue at 甲市数据局); 2 and 3 are gaps.
    expect(text).toContain(`本级${year}年工作要点共3项，已关联下级机构1个`);
    expect(text).toContain('甲市人民政府办公室1 / 333.3%');
    expect(text).toContain('无下级机构对应的工作要点2项：(2)省级要点2；(3)省级要点3。');
    expect(text).toContain('(1)省级要点1：逾期未完成1项，涉及甲市人民政府办公室·甲市数据局。');
    expect(text).not.toContain(SECRET_TEXT);
    // Leadership reads the roll-up but drafts no 通报; a unit user gets nothing.
    expect((await provinceLeader.agent.get(`/exports/lower-tongbao.docx?year=${year}`)).status).toBe(403);
  });
});
