import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { CSV_COLUMNS } from '../public-open-data.js';

const SECRET = '内部机密';
const SET = `mutation($planId: ID!, $enabled: Boolean!, $version: Int!) { setPlanPublicPage(planId: $planId, enabled: $enabled, version: $version) { id publicPage path version } }`;
const PLANS = `{ publicPagePlans { id year title publicPage path version } }`;

/** Every field the open data has, by path; a new one must be added here on purpose. */
const JSON_FIELDS = [
  'asOf',
  'format',
  'keyPoints',
  'plan',
  'publisher',
  'sections',
  'snapshotAt',
  'keyPoints[].completedOn',
  'keyPoints[].delayedTo',
  'keyPoints[].label',
  'keyPoints[].leadUnits',
  'keyPoints[].no',
  'keyPoints[].responsibleUnits',
  'keyPoints[].section',
  'keyPoints[].state',
  'keyPoints[].stateLabel',
  'keyPoints[].text',
  'keyPoints[].timeLimit',
  'keyPoints[].title',
  'keyPoints[].units',
  'keyPoints[].units[].completedOn',
  'keyPoints[].units[].delayedTo',
  'keyPoints[].units[].links',
  'keyPoints[].units[].role',
  'keyPoints[].units[].state',
  'keyPoints[].units[].stateLabel',
  'keyPoints[].units[].timeLimit',
  'keyPoints[].units[].unit',
  'keyPoints[].units[].links[].title',
  'keyPoints[].units[].links[].url',
  'plan.docNumber',
  'plan.title',
  'plan.year',
  'sections[].label',
  'sections[].title',
].sort();

function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((v) => fieldPaths(v, `${prefix}[]`)))];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      return [path, ...fieldPaths(v, path)];
    });
  }
  return [];
}

describe('the public page of a plan (政务公开)', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let plan: { planId: string; year: number; tasks: { id: string; title: string }[] };
  let planVersion: number;

  beforeAll(async () => {
    // Every request asks the database, so a change shows at once (the 2-s reuse has its own test).
    t = await createTestApp({ PUBLIC_PAGE_FRESH_SECONDS: '0' });
    f = new Factory(t);
    tenant = await f.tenant('测试省人民政府办公厅');
    units = [await f.unit(tenant, '省发展改革委'), await f.unit(tenant, '省教育厅'), await f.unit(tenant, '省财政厅')];
    const year = 2026;
    plan = await f.tasks(tenant, units, 4, {
      year,
      status: (i) => ['DONE', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'][i],
      dueDate: (i) => ['2026-03-31', '2020-06-30', '2099-12-31', '2099-06-30'][i],
    });
    const [done, overdue, , delayed] = plan.tasks;
    await t.db.query(`UPDATE task SET accepted_at = '2026-04-02T02:00:00Z' WHERE id = $1`, [done.id]);
    await t.db.query(`UPDATE key_point SET text = $2 WHERE id = (SELECT key_point_id FROM task WHERE id = $1)`, [
      done.id,
      '做好政策解读工作。',
    ]);
    // Internal things the page must never show, each carrying the marker.
    const liaison = await f.user(tenant, 'UNIT_LIAISON', units[0]);
    const office = await f.user(tenant, 'OFFICE_ADMIN');
    const accepted = await f.urlEvidenceReport(
      done as never,
      liaison,
      [
        'https://www.example.gov.cn/zwgk/1.html',
        'https://www.example.gov.cn/broken.html',
        'ftp://files.example.gov.cn/x',
      ],
      { status: 'ACCEPTED' },
    );
    await t.db.query(`UPDATE progress_report SET text = $2, review_comment = $3 WHERE id = $1`, [
      accepted.id,
      `${SECRET}报告正文`,
      `${SECRET}审核意见`,
    ]);
    await t.db.query(
      `UPDATE report_evidence SET check_status = 'REACHABLE', check_title = '政策解读专栏' WHERE id = $1`,
      [accepted.evidenceIds[0]],
    );
    await t.db.query(`UPDATE report_evidence SET check_status = 'NOT_FOUND' WHERE id = $1`, [accepted.evidenceIds[1]]);
    await t.db.query(`UPDATE report_evidence SET check_status = 'REACHABLE' WHERE id = $1`, [accepted.evidenceIds[2]]);
    const pending = await f.urlEvidenceReport(
      { ...overdue, tenantId: tenant.id, unitId: units[1].id } as never,
      liaison,
      ['https://pending.example.gov.cn/a.html'],
      { status: 'PENDING_OFFICE' },
    );
    await t.db.query(`UPDATE report_evidence SET check_status = 'REACHABLE' WHERE id = $1`, [pending.evidenceIds[0]]);
    await t.db.query(`UPDATE progress_report SET status = 'RETURNED', review_comment = $2 WHERE id = $1`, [
      pending.id,
      `${SECRET}退回理由`,
    ]);
    await t.db.query(
      `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date, status, decided_by, decision_comment)
       VALUES ($1, $2, $3, $4, '2099-03-31', '2099-06-30', 'APPROVED', $5, $6)`,
      [tenant.id, delayed.id, liaison.id, `${SECRET}延期理由`, office.id, `${SECRET}审批意见`],
    );
    await t.db.query(`UPDATE task SET original_due_date = '2099-03-31' WHERE id = $1`, [delayed.id]);
    await t.db.query(`INSERT INTO urge (tenant_id, task_id, created_by, message) VALUES ($1, $2, $3, $4)`, [
      tenant.id,
      overdue.id,
      office.id,
      `${SECRET}催办内容`,
    ]);
    await t.db.query(`INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, 2027, $2, 'DRAFT')`, [
      tenant.id,
      `${SECRET}草稿要点`,
    ]);
    planVersion = (await t.db.query(`SELECT version FROM plan WHERE id = $1`, [plan.planId])).rows[0].version;
  });
  afterAll(() => t.close());

  const page = (path: string) => t.http.get(path);

  it('answers 404 until the office turns the page on; the office lists and switches it, a unit user is refused', async () => {
    expect((await page(`/gk/${tenant.code}/2026`)).status).toBe(404);
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    expect(errorCode(await liaison.gql(SET, { planId: plan.planId, enabled: true, version: planVersion }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await liaison.gql(PLANS))).toBe('FORBIDDEN');
    const staff = await f.client(tenant, 'OFFICE_STAFF');
    const { publicPagePlans } = await staff.ok(PLANS);
    expect(publicPagePlans).toEqual([
      expect.objectContaining({ id: plan.planId, publicPage: false, path: `/gk/${tenant.code}/2026` }),
    ]);
    const { setPlanPublicPage } = await staff.ok(SET, { planId: plan.planId, enabled: true, version: planVersion });
    expect(setPlanPublicPage).toMatchObject({ publicPage: true, version: planVersion + 1 });
    expect(errorCode(await staff.gql(SET, { planId: plan.planId, enabled: false, version: planVersion }))).toBe(
      'CONFLICT',
    );
    planVersion += 1;
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2`, [
      tenant.id,
      plan.planId,
    ]);
    expect(audit.rows.map((r) => r.action)).toContain('publicPage.on');
  });

  it('serves the plan as HTML without sign-in: units, time limits, the four states, accepted checked links only', async () => {
    const res = await page(`/gk/${tenant.code}/2026`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    const html = res.text;
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toMatch(/<caption>/);
    for (const title of plan.tasks.map((x) => x.title)) expect(html).toContain(title);
    for (const word of [
      '已完成',
      '已逾期',
      '推进中',
      '已延期',
      '延期至 2099年6月30日',
      '2026年4月2日',
      '省发展改革委',
      '省教育厅',
    ])
      expect(html).toContain(word);
    expect(html).not.toContain(SECRET);
    expect(Buffer.byteLength(html)).toBeLessThan(100 * 1024);
    const kp = await page(`/gk/${tenant.code}/2026/items/1`);
    expect(kp.status).toBe(200);
    expect(kp.text).toContain('href="https://www.example.gov.cn/zwgk/1.html"');
    expect(kp.text).toContain('政策解读专栏');
    expect(kp.text).toContain('做好政策解读工作。');
    for (const hidden of ['broken.html', 'ftp://', 'pending.example.gov.cn', SECRET])
      expect(kp.text).not.toContain(hidden);
    expect((await page(`/gk/${tenant.code}/2026/items/99`)).status).toBe(404);
  });

  it('filters by text, section, unit and state on the server (no JavaScript needed), and refuses unbounded filters', async () => {
    const byState = await page(`/gk/${tenant.code}/2026?state=OVERDUE`);
    expect(byState.text).toContain('显示 <span id="shown">1</span> 项');
    const byUnit = await page(`/gk/${tenant.code}/2026?unit=${encodeURIComponent('省教育厅')}`);
    expect(byUnit.text).toContain('显示 <span id="shown">1</span> 项');
    const byText = await page(`/gk/${tenant.code}/2026?q=${encodeURIComponent(plan.tasks[2].title)}`);
    expect(byText.text).toContain('显示 <span id="shown">1</span> 项');
    expect((await page(`/gk/${tenant.code}/2026?state=EVIL`)).status).toBe(400);
    expect((await page(`/gk/${tenant.code}/2026?q=${'长'.repeat(51)}`)).status).toBe(400);
  });

  it('lists every public field of the JSON and CSV, and fails when a new one appears', async () => {
    const json = await page(`/gk/${tenant.code}/2026/data.json`);
    expect(json.status).toBe(200);
    expect(json.headers['access-control-allow-origin']).toBe('*');
    expect(fieldPaths(json.body).sort()).toEqual(JSON_FIELDS);
    expect(json.body).toMatchObject({
      format: 'duban.public-progress.v1',
      publisher: '测试省人民政府办公厅',
      plan: { year: 2026 },
    });
    expect(JSON.stringify(json.body)).not.toContain(SECRET);
    const csv = await page(`/gk/${tenant.code}/2026/data.csv`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="gk-${tenant.code}-2026.csv"`);
    expect((await page(`/gk/${tenant.code}/${encodeURIComponent('二〇二六')}/data.csv`)).status).toBe(404);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(CSV_COLUMNS).toEqual([
      '序号',
      '部分',
      '工作要点',
      '要点完成时限',
      '要点状态',
      '要点延期至',
      '要点完成时间',
      '单位',
      '职责',
      '单位完成时限',
      '单位状态',
      '单位延期至',
      '单位完成时间',
      '公开链接',
    ]);
    expect(text).toContain('https://www.example.gov.cn/zwgk/1.html');
    expect(text).not.toContain(SECRET);
  });

  it('revalidates with ETag and regenerates the shared snapshot when a task changes', async () => {
    const first = await page(`/gk/${tenant.code}/2026`);
    expect(first.headers['cache-control']).toMatch(/public/);
    const etag = first.headers.etag;
    expect((await page(`/gk/${tenant.code}/2026`).set('If-None-Match', etag)).status).toBe(304);
    const stored = await t.db.query(`SELECT scope_key FROM scorecard_cache WHERE tenant_id = $1 AND scope_key = $2`, [
      tenant.id,
      `public-page:${plan.planId}`,
    ]);
    expect(stored.rows).toHaveLength(1);
    await t.db.query(`UPDATE task SET status = 'DONE', accepted_at = '2026-05-05T02:00:00Z' WHERE id = $1`, [
      plan.tasks[1].id,
    ]);
    const after = await page(`/gk/${tenant.code}/2026`).set('If-None-Match', etag);
    expect(after.status).toBe(200);
    expect(after.text).not.toContain('已逾期</span>');
    expect(after.text).toContain('2026年5月5日');
  });

  it('gives the same 404 for drafts, pages turned off, other tenants, unknown years and hostile paths', async () => {
    const other = await f.tenant('另一市政府办公室');
    const draft = (await t.db.query(`SELECT id FROM plan WHERE tenant_id = $1 AND status = 'DRAFT'`, [tenant.id]))
      .rows[0].id;
    await t.db.query(`UPDATE plan SET public_page = true WHERE id = $1`, [draft]);
    for (const path of [
      `/gk/${tenant.code}/2027`,
      `/gk/${tenant.code}/${draft}`,
      `/gk/${other.code}/2026`,
      `/gk/${other.code}/${plan.planId}`,
      `/gk/${tenant.code}/2025`,
      '/gk/no-such-office/2026',
      `/gk/${tenant.code}/abc`,
      `/gk/${tenant.code}/2026/items/x`,
      `/gk/${encodeURIComponent('<x>')}/2026`,
    ]) {
      const res = await page(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.text).not.toContain(SECRET);
    }
    const staff = await f.client(tenant, 'OFFICE_STAFF');
    await staff.ok(SET, { planId: plan.planId, enabled: false, version: planVersion });
    planVersion += 1;
    expect((await page(`/gk/${tenant.code}/2026`)).status).toBe(404);
    expect((await page(`/gk/${tenant.code}/2026/data.json`)).status).toBe(404);
    // The office still previews it, framed by the web app only; a unit user cannot.
    const preview = await staff.agent.get(`/gk-preview/${plan.planId}`);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('此页面尚未公开');
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    expect((await liaison.agent.get(`/gk-preview/${plan.planId}`)).status).toBe(403);
    await staff.ok(SET, { planId: plan.planId, enabled: true, version: planVersion });
    planVersion += 1;
  });

  it("lets only the office's portal frame the page, and shows its public name", async () => {
    expect((await page(`/gk/${tenant.code}/2026`)).headers['content-security-policy']).toContain(
      "frame-ancestors 'none'",
    );
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const version = (await admin.ok(`{ tenant { version } }`)).tenant.version;
    const bad = await admin.gql(
      `mutation($v: Int!) { updateTenantSettings(version: $v, input: { publicFrameAncestors: ["javascript:alert(1)"] }) { version } }`,
      { v: version },
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    await admin.ok(
      `mutation($v: Int!) { updateTenantSettings(version: $v, input: { publicName: "测试省人民政府", publicFrameAncestors: ["https://www.example.gov.cn/"] }) { version } }`,
      { v: version },
    );
    const { rows } = await t.db.query(`SELECT settings FROM tenant WHERE id = $1`, [tenant.id]);
    expect(rows[0].settings).toMatchObject({ publicFrameAncestors: ['https://www.example.gov.cn'] });
    const res = await page(`/gk/${tenant.code}/2026`);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors https:\/\/www\.example\.gov\.cn$/);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.text).toContain('<p>测试省人民政府</p>');
  });
});

describe('the public page under load', () => {
  it('answers from what it holds for a moment, with the same headers, in the encoding the client accepts', async () => {
    const t = await createTestApp({ PUBLIC_PAGE_FRESH_SECONDS: '60' });
    try {
      const f = new Factory(t);
      const tenant = await f.tenant();
      const made = await f.tasks(tenant, [await f.unit(tenant)], 2, { year: 2026 });
      await t.db.query(`UPDATE plan SET public_page = true WHERE id = $1`, [made.planId]);
      const path = `/gk/${tenant.code}/2026`;
      // The first request resolves the address through the routes; the next ones are held answers.
      const gz = await t.http.get(path).set('Accept-Encoding', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.text).toContain(made.tasks[0].title);
      const br = await t.http.get(path).set('Accept-Encoding', 'gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.text).toBe(gz.text);
      const plain = await t.http.get(path).set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe(gz.text);
      for (const name of [
        'etag',
        'cache-control',
        'content-security-policy',
        'x-frame-options',
        'vary',
        'content-type',
      ])
        expect([name, br.headers[name]]).toEqual([name, gz.headers[name]]);
      expect(br.headers['x-request-id']).toBeTruthy();
      expect((await t.http.get(path).set('If-None-Match', gz.headers.etag)).status).toBe(304);
      const json = await t.http.get(`${path}/data.json`).set('Accept-Encoding', 'br');
      expect(json.headers['access-control-allow-origin']).toBe('*');
      expect(json.body.format).toBe('duban.public-progress.v1');
      const csv = await t.http.get(`${path}/data.csv`).set('Accept-Encoding', 'br');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="gk-${tenant.code}-2026.csv"`);
      expect((await t.http.get(`${path}/items/1`)).text).toContain(made.tasks[0].title);
      expect((await t.http.get(`${path}/items/9`)).status).toBe(404);
      // A trailing slash would break the page's relative links: it goes to the address without one.
      const slash = await t.http.get(`${path}/?state=OVERDUE`);
      expect([slash.status, slash.headers.location]).toEqual([301, `${path}?state=OVERDUE`]);
      await t.db.query(`UPDATE plan SET public_page = false WHERE id = $1`, [made.planId]);
      // Within the fresh window this process answers from what it read; a new window asks again.
      expect((await t.http.get(path)).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('throttles one client address and says so in Chinese', async () => {
    const t = await createTestApp({ PUBLIC_PAGE_RATE_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await t.http.get('/gk/no-such-office/2026')).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
      expect((await t.http.get('/gk/no-such-office/2026')).text).toContain('访问过于频繁');
    } finally {
      await t.close();
    }
  });
});
