import { addDays, createWorkCalendar, shanghaiDate } from '@duban/domain';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { personalData } from '../../../common/crypto/personal-data.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, TEST_PASSWORD, type Client, type TestTenant } from '../../../../test/factory.js';
import { importUnitsOk } from '../../../../test/unit-import.js';
import { SIGN_IN_FAILED } from '../../auth/auth.service.js';

const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id status leaderSkipped } }`;
const SETTINGS = `mutation($input: UpdateTenantSettingsInput!, $version: Int!) { updateTenantSettings(input: $input, version: $version) { version } }`;
const NOTICE = `mutation($input: HolidayNoticeInput!) { importHolidayNotice(input: $input) { year saved warnings days { date workday note changes } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`;

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('onboarding an office: leaderless units, directory re-import, lights, holidays, accounts', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const tenantVersion = async (id: string) =>
    (await t.db.query(`SELECT version FROM tenant WHERE id = $1`, [id])).rows[0].version as number;

  it('with leader approval on, a unit without an active leader reports straight to the office; waiting reports move on when the leader goes', async () => {
    const tenant = await f.tenant();
    await t.db.query(`UPDATE tenant SET settings = settings || '{"leaderApproval": true}' WHERE id = $1`, [tenant.id]);
    const kp = await f.keyPointPlan(tenant);
    const alone = await f.unit(tenant, '省统计局');
    const led = await f.unit(tenant, '省民政厅');
    const aloneTask = await f.keyPointTask(kp, alone);
    const ledTask = await f.keyPointTask(kp, led);
    const aloneLiaison = await f.client(tenant, 'UNIT_LIAISON', alone);
    const ledLiaison = await f.client(tenant, 'UNIT_LIAISON', led);
    const leader = await f.user(tenant, 'UNIT_LEADER', led);
    const admin = await f.client(tenant, 'OFFICE_ADMIN');

    const direct = (
      await aloneLiaison.ok(SUBMIT, { taskId: aloneTask.id, input: { text: '已完成专栏建设', progress: 50 } })
    ).submitReport;
    expect(direct).toMatchObject({ status: 'PENDING_OFFICE', leaderSkipped: true });
    const queued = (await ledLiaison.ok(SUBMIT, { taskId: ledTask.id, input: { text: '正在推进', progress: 30 } }))
      .submitReport;
    expect(queued).toMatchObject({ status: 'PENDING_LEADER', leaderSkipped: false });
    const reviewQueue = await admin.ok(`{ reviewQueue { nodes { id } } }`);
    expect(reviewQueue.reviewQueue.nodes.map((n: { id: string }) => n.id)).toEqual([direct.id]);
    expect((await admin.ok(`{ units(filter: { without: UNIT_LEADER }) { name } }`)).units).toEqual([
      { name: '省统计局' },
    ]);

    // The leader is deactivated: the report waiting for them reaches the office, and the task moves.
    const { rows } = await t.db.query(`SELECT version FROM app_user WHERE id = $1`, [leader.id]);
    await admin.ok(
      `mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { active: false }) { id } }`,
      { id: leader.id, v: rows[0].version },
    );
    const report = (await t.db.query(`SELECT status, leader_skipped FROM progress_report WHERE id = $1`, [queued.id]))
      .rows[0];
    expect(report).toEqual({ status: 'PENDING_OFFICE', leader_skipped: true });
    expect((await t.db.query(`SELECT progress FROM task WHERE id = $1`, [ledTask.id])).rows[0].progress).toBe(30);
  });

  it('a rename by alias on re-import updates the unit (same id, old name kept as alias), names the change and offers to deactivate the missing', async () => {
    const tenant = await f.tenant();
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const data = await f.unit(tenant, '省数据局', 'DEPARTMENT');
    await f.unit(tenant, '省扶贫开发办公室', 'DEPARTMENT');
    const kp = await f.keyPointPlan(tenant);
    await f.keyPointTask(kp, data);
    // A title row above the header, UTF-16 tab-separated text as Excel saves "Unicode 文本".
    const text = [
      '2026年承办单位名录',
      '单位名称\t类型\t别名',
      '省数据和政务服务局\t省直部门\t省数据局',
      '楚雄彝族自治州人民政府\t州政府\t楚雄州',
    ].join('\r\n');
    const contentBase64 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]).toString('base64');
    const dry = (await importUnitsOk(office, { filename: '名录.txt', contentBase64, dryRun: true })).importUnits;
    expect(dry).toMatchObject({
      created: 1,
      updated: 1,
      errors: 0,
      missing: [{ name: '省扶贫开发办公室' }],
      deactivated: 0,
    });
    expect(dry.rows[0]).toMatchObject({ row: 3, action: 'UPDATED', message: '别名含原名称“省数据局”，按更名处理' });
    expect(dry.rows[0].changes).toEqual([
      { field: '单位名称', before: '省数据局', after: '省数据和政务服务局' },
      { field: '别名', before: '（无）', after: '省数据局' },
    ]);
    await importUnitsOk(office, { filename: '名录.txt', contentBase64, dryRun: false, deactivateMissing: true });
    const units = (
      await t.db.query(`SELECT id, name, kind, aliases, active FROM unit WHERE tenant_id = $1 ORDER BY name`, [
        tenant.id,
      ])
    ).rows;
    expect(units).toHaveLength(3);
    expect(units).toEqual(
      expect.arrayContaining([
        { id: data.id, name: '省数据和政务服务局', kind: 'DEPARTMENT', aliases: ['省数据局'], active: true },
        { id: expect.any(String), name: '省扶贫开发办公室', kind: 'DEPARTMENT', aliases: [], active: false },
        { id: expect.any(String), name: '楚雄彝族自治州人民政府', kind: 'CITY_GOV', aliases: ['楚雄州'], active: true },
      ]),
    );
  });

  it('the directory export carries IDs and people; edited and imported back, a row matches by ID', async () => {
    const tenant = await f.tenant();
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const unit = await f.unit(tenant, '省扶贫开发办公室', 'DEPARTMENT');
    const liaisonUser = await f.user(tenant, 'UNIT_LIAISON', unit);
    const res = await office.agent.get('/units/export.xlsx').buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'ID',
      '单位名称',
      '类型',
      '上级单位',
      '别名',
      '排序',
      '状态',
      '联络员',
      '分管领导',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      unit.id,
      '省扶贫开发办公室',
      '部门',
      '',
      '',
      0,
      '启用',
      'UNIT_LIAISON用户',
      '（无）',
    ]);
    ws.getCell('B2').value = '省乡村振兴局';
    const contentBase64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const dry = (await importUnitsOk(office, { filename: '单位名录.xlsx', contentBase64, dryRun: true })).importUnits;
    expect(dry.rows[0]).toMatchObject({ action: 'UPDATED', message: '按 ID 匹配到“省扶贫开发办公室”' });
    expect(liaisonUser.unitId).toBe(unit.id);
    const liaison = await f.signIn(tenant, liaisonUser);
    expect((await liaison.agent.get('/units/export.xlsx')).status).toBe(403);
    expect((await liaison.agent.get('/units/template.xlsx')).status).toBe(403);
    expect((await office.agent.get('/units/template.xlsx')).status).toBe(200);
  });

  it('deactivating a unit says what it has and moves its open tasks to another unit', async () => {
    const tenant = await f.tenant();
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const old = await f.unit(tenant, '省扶贫办');
    const heir = await f.unit(tenant, '省乡村振兴局');
    await f.user(tenant, 'UNIT_LIAISON', old);
    const { tasks } = await f.tasks(tenant, [old], 3, { status: (i) => (i === 2 ? 'DONE' : 'IN_PROGRESS') });
    // The heir already has the first key point: that task stays with the old unit.
    await t.db.query(
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, assigned_on, due_date, original_due_date)
       SELECT tenant_id, plan_id, key_point_id, $2, role, 'NOT_STARTED', assigned_on, due_date, original_due_date FROM task WHERE id = $1`,
      [tasks[0].id, heir.id],
    );
    const usage = (
      await office.ok(`query($id: ID!) { unit(id: $id) { version usage { activePeople openTasks } } }`, { id: old.id })
    ).unit;
    expect(usage.usage).toEqual({ activePeople: 1, openTasks: 2 });
    const DEACTIVATE = `mutation($id: ID!, $v: Int!, $to: ID) { deactivateUnit(id: $id, version: $v, moveOpenTasksTo: $to) { unit { active } movedTasks keptTasks } }`;
    const liaison = await f.client(tenant, 'UNIT_LIAISON', heir);
    expect(errorCode(await liaison.gql(DEACTIVATE, { id: old.id, v: usage.version, to: heir.id }))).toBe('FORBIDDEN');
    const done = (await office.ok(DEACTIVATE, { id: old.id, v: usage.version, to: heir.id })).deactivateUnit;
    expect(done).toEqual({ unit: { active: false }, movedTasks: 1, keptTasks: 1 });
    const owners = (
      await t.db.query(`SELECT id, unit_id FROM task WHERE id = ANY($1::uuid[])`, [tasks.map((x) => x.id)])
    ).rows;
    expect(Object.fromEntries(owners.map((r) => [r.id, r.unit_id]))).toEqual({
      [tasks[0].id]: old.id,
      [tasks[1].id]: heir.id,
      [tasks[2].id]: old.id,
    });
  });

  it('a change of the yellow threshold relights the tenant’s tasks at once', async () => {
    const tenant = await f.tenant();
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const unit = await f.unit(tenant);
    const kp = await f.keyPointPlan(tenant);
    const today = shanghaiDate(new Date());
    const due = createWorkCalendar().addWorkingDays(today, 15);
    const task = await f.keyPointTask(kp, unit, 'RESPONSIBLE', { dueDate: due });
    await t.db.query(`UPDATE task SET assigned_on = $2, light = 'GREEN' WHERE id = $1`, [task.id, addDays(today, -1)]);
    const light = async () => (await t.db.query(`SELECT light FROM task WHERE id = $1`, [task.id])).rows[0].light;
    // The save answers once the run is done or after 2 s; on a busy machine the run may still be going.
    const settled = async () => {
      for (let i = 0; i < 100 && (await admin.ok(`{ lightRecompute { running } }`)).lightRecompute?.running; i++)
        await new Promise((r) => setTimeout(r, 100));
    };
    await admin.ok(SETTINGS, {
      input: { reportCycle: { kind: 'NONE' }, yellowWithinWorkingDays: 5, paceMarginPercent: 100 },
      version: await tenantVersion(tenant.id),
    });
    await settled();
    expect(await light()).toBe('GREEN');
    await admin.ok(SETTINGS, { input: { yellowWithinWorkingDays: 20 }, version: await tenantVersion(tenant.id) });
    await settled();
    expect(await light()).toBe('YELLOW');
    const status = (await admin.ok(`{ lightRecompute { reason total done changed running failed } }`)).lightRecompute;
    expect(status).toEqual({ reason: '预警设置已修改', total: 1, done: 1, changed: 1, running: false, failed: false });
  });

  it('a pasted holiday notice previews, then saves the year’s days off and make-up working days (调休)', async () => {
    const tenant = await f.tenant();
    const office = await f.client(tenant, 'OFFICE_STAFF');
    const text = `国务院办公厅关于2031年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月22日（农历除夕、周三）至28日（周二）放假调休，共7天。1月19日（周日）、2月8日（周六）上班。`;
    const dry = (await office.ok(NOTICE, { input: { text, dryRun: true } })).importHolidayNotice;
    expect(dry).toMatchObject({ year: 2031, saved: false, warnings: [] });
    expect(dry.days.filter((d: { workday: boolean }) => d.workday).map((d: { date: string }) => d.date)).toEqual([
      '2031-01-19',
      '2031-02-08',
    ]);
    expect(dry.days.find((d: { date: string }) => d.date === '2031-01-27')).toEqual({
      date: '2031-01-27',
      workday: false,
      note: '春节',
      changes: true,
    });
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM calendar_correction WHERE tenant_id = $1`, [tenant.id])).rows[0]
        .n,
    ).toBe(0);
    await office.ok(NOTICE, { input: { text, dryRun: false } });
    const year = (
      await office.ok(`{ calendarYear(year: 2031) { covered confirmedByOffice days { date isWorkingDay } } }`)
    ).calendarYear;
    const day = (d: string) => year.days.find((x: { date: string }) => x.date === d).isWorkingDay;
    expect(year).toMatchObject({ covered: true, confirmedByOffice: true });
    expect([day('2031-01-19'), day('2031-01-22'), day('2031-01-27'), day('2031-01-29'), day('2031-02-08')]).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    const liaison = await f.client(tenant, 'UNIT_LIAISON');
    expect(errorCode(await liaison.gql(NOTICE, { input: { text, dryRun: false } }))).toBe('FORBIDDEN');
    const range = `mutation { setCalendarRange(input: { from: "2031-03-02", to: "2031-03-04", workday: false, note: "防汛" }) { date isWorkingDay } }`;
    expect((await office.ok(range)).setCalendarRange).toEqual([
      { date: '2031-03-02', isWorkingDay: false },
      { date: '2031-03-03', isWorkingDay: false },
      { date: '2031-03-04', isWorkingDay: false },
    ]);
    expect(errorCode(await liaison.gql(range))).toBe('FORBIDDEN');
  });

  describe('account sheet import and 开通通知', () => {
    let tenant: TestTenant;
    let admin: Client;
    beforeAll(async () => {
      tenant = await f.tenant();
      admin = await f.client(tenant, 'OFFICE_ADMIN');
      await f.unit(tenant, '省发展和改革委员会', 'DEPARTMENT', ['省发改委']);
      await f.unit(tenant, '楚雄彝族自治州人民政府', 'CITY_GOV', ['楚雄州']);
      await f.unit(tenant, '省档案馆', 'AGENCY');
    });
    const upload = (client: Client, bytes: Buffer, dryRun: boolean, filename = '账号.xlsx') =>
      client.upload('/accounts/import', { name: filename, bytes }, { dryRun: String(dryRun) });

    it('checks first, then creates accounts with readable one-time passwords and pinyin usernames', async () => {
      const sheet = await xlsx([
        ['账号开通名单'],
        ['单位', '姓名', '角色', '手机', '邮箱', '用户名'],
        ['省发改委', '张晓明', '联络员', '13800000001', '', ''],
        ['楚雄州', '李红', '分管领导', '', 'lihong@example.gov.cn', 'li.hong@cx'],
        ['省发改委', '张晓明', '分管领导', '', '', ''],
        ['不存在局', '王五', '联络员', '', '', ''],
      ]);
      const dry = await upload(admin, sheet, true);
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ dryRun: true, created: 3, errors: 1, accounts: [] });
      expect(dry.body.rows.map((r: { username: string | null; action: string }) => [r.username, r.action])).toEqual([
        ['zhangxiaoming', 'CREATE'],
        ['li.hong@cx', 'CREATE'],
        ['zhangxiaoming2', 'CREATE'],
        [null, 'ERROR'],
      ]);
      expect(dry.body.rows[3].message).toBe('单位“不存在局”不在单位名录中（可填写单位名称或别名）');
      const refused = await upload(admin, sheet, false);
      expect(refused.status).toBe(400);
      expect(
        (await t.db.query(`SELECT count(*)::int AS n FROM app_user WHERE tenant_id = $1`, [tenant.id])).rows[0].n,
      ).toBe(1);

      const good = await xlsx([
        ['单位', '姓名', '角色'],
        ['省发改委', '张晓明', '联络员'],
        ['楚雄州', '李红', '分管领导'],
      ]);
      const res = await upload(admin, good, false);
      expect(res.body).toMatchObject({ dryRun: false, created: 2, errors: 0 });
      const accounts = res.body.accounts as { userId: string; username: string; password: string }[];
      for (const a of accounts) expect(a.password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{12}$/);
      // The new liaison signs in with the first password and must change it.
      const signIn = await t.http.post('/graphql').send({
        query: SIGN_IN,
        variables: { input: { tenantCode: tenant.code, username: 'zhangxiaoming', password: accounts[0].password } },
      });
      expect(signIn.body.errors).toBeUndefined();
      // Importing the same sheet again creates nobody.
      const again = await upload(admin, good, true);
      expect(again.body).toMatchObject({ created: 0, exists: 2 });

      const form = (client: Client, format: string) =>
        client.agent
          .post(`/accounts/notices.${format}`)
          .set('x-csrf-token', client.csrf)
          .field('accounts', JSON.stringify(accounts.map((a) => ({ userId: a.userId, password: a.password }))));
      const list = await form(admin, 'xlsx').buffer(true).parse(binary);
      expect(list.status).toBe(201);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(list.body);
      const rows = [2, 3].map((n) => (wb.worksheets[0].getRow(n).values as unknown[]).slice(1));
      expect(rows.find((r) => r[5] === 'zhangxiaoming')).toEqual([
        '省发展和改革委员会',
        '张晓明',
        '联络员',
        expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/login$/),
        tenant.code,
        'zhangxiaoming',
        accounts[0].password,
      ]);
      const doc = await form(admin, 'docx').buffer(true).parse(binary);
      const xml = await (await JSZip.loadAsync(doc.body)).file('word/document.xml')!.async('string');
      expect(xml).toContain('楚雄彝族自治州人民政府：');
      expect(xml).toContain(`机构代码：${tenant.code}`);
      expect(xml).toContain(accounts[1].password);

      // Wrong users: a liaison, another tenant's admin (the ids are not theirs), a request without CSRF.
      const liaison = await f.client(tenant, 'UNIT_LIAISON');
      expect((await form(liaison, 'xlsx')).status).toBe(403);
      expect((await upload(liaison, good, true)).status).toBe(403);
      const stranger = await f.client(await f.tenant(), 'OFFICE_ADMIN');
      expect((await form(stranger, 'xlsx')).status).toBe(404);
      expect(
        (await admin.agent.post('/accounts/import').field('dryRun', 'true').attach('file', good, '账号.xlsx')).status,
      ).toBe(403);
      expect((await t.http.get('/accounts/template.xlsx')).status).toBe(401);
      expect((await liaison.agent.get('/accounts/template.xlsx')).status).toBe(403);
      expect((await admin.agent.get('/accounts/template.xlsx')).status).toBe(200);
      const exported = await admin.agent.get('/accounts/export.xlsx').buffer(true).parse(binary);
      const listed = new ExcelJS.Workbook();
      await listed.xlsx.load(exported.body);
      const names = listed.worksheets[0].getColumn(4).values.slice(2);
      expect(names).toEqual(expect.arrayContaining(['zhangxiaoming', 'lihong']));
      expect((await liaison.agent.get('/accounts/export.xlsx')).status).toBe(403);
    });

    it('creates a liaison for every unit without one, and only the admin may', async () => {
      const staff = await f.client(tenant, 'OFFICE_STAFF');
      expect(errorCode(await staff.gql(`mutation { createMissingLiaisons { username } }`))).toBe('FORBIDDEN');
      const made = (
        await admin.ok(`mutation { createMissingLiaisons { username displayName unitName role password } }`)
      ).createMissingLiaisons;
      expect(made.map((m: { unitName: string }) => m.unitName).sort()).toEqual(['楚雄彝族自治州人民政府', '省档案馆']);
      expect(made.find((m: { unitName: string }) => m.unitName === '省档案馆')).toMatchObject({
        displayName: '省档案馆联络员',
        role: 'UNIT_LIAISON',
      });
      expect((await admin.ok(`mutation { createMissingLiaisons { username } }`)).createMissingLiaisons).toEqual([]);
      expect((await admin.ok(`{ units(filter: { without: UNIT_LIAISON }) { name } }`)).units).toEqual([]);
      const people = (await admin.ok(`{ units { name people { displayName role } } }`)).units;
      expect(people.find((u: { name: string }) => u.name === '省发展和改革委员会').people).toEqual([
        { displayName: '张晓明', role: 'UNIT_LIAISON' },
      ]);
    });

    it('imports how people are reached on 企业微信 and 钉钉 with their accounts, refusing ids in the wrong format', async () => {
      const sheet = (wecom: string, dingtalk: string) =>
        xlsx([
          ['单位', '姓名', '角色', '手机', '企业微信账号', '钉钉 UserID'],
          ['省档案馆', '赵敏', '分管领导', '+86 139-0000-0001', wecom, dingtalk],
        ]);
      const bad = await upload(admin, await sheet('_zhaomin', 'manager01'), true);
      expect(bad.body).toMatchObject({ created: 0, errors: 1 });
      expect(bad.body.rows[0].message).toBe('企业微信账号为 1 到 64 位字母、数字或 _ . @ -，以字母或数字开头');
      const res = await upload(admin, await sheet('ZhaoMin', 'manager01'), false);
      expect(res.body).toMatchObject({ created: 1, errors: 0 });
      const { rows } = await t.db.query(
        `SELECT id, phone, wecom_userid, dingtalk_userid FROM app_user WHERE tenant_id = $1 AND display_name = '赵敏'`,
        [tenant.id],
      );
      expect(rows).toMatchObject([{ wecom_userid: 'ZhaoMin', dingtalk_userid: 'manager01' }]);
      // Stored encrypted (SM4), as the sheet wrote it.
      expect(rows[0].phone).toMatch(/^sm4:/);
      expect(personalData(t.config).open(tenant.id, rows[0].id, 'phone', rows[0].phone)).toBe('+86 139-0000-0001');
      const template = new ExcelJS.Workbook();
      await template.xlsx.load((await admin.agent.get('/accounts/template.xlsx').buffer(true).parse(binary)).body);
      expect((template.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([
        '单位',
        '姓名',
        '角色',
        '手机',
        '邮箱',
        '用户名',
        '企业微信账号',
        '钉钉userid',
      ]);
    });
  });

  it('a deactivated person with the right password is told so and whom to ask; a wrong password learns nothing', async () => {
    const tenant = await f.tenant();
    const admin = await f.user(tenant, 'OFFICE_ADMIN');
    await t.db.query(`UPDATE app_user SET display_name = '王主任' WHERE id = $1`, [admin.id]);
    await f.contact(admin, { phone: '0871-1234567' });
    const gone = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [gone.id]);
    const attempt = (password: string) =>
      t.http
        .post('/graphql')
        .send({ query: SIGN_IN, variables: { input: { tenantCode: tenant.code, username: gone.username, password } } });
    expect((await attempt(TEST_PASSWORD)).body.errors[0].message).toBe(
      '该账号已停用，不能登录。如需恢复，请联系政务公开办公室管理员：王主任（0871-1234567）',
    );
    expect((await attempt('wrong-pass1')).body.errors[0].message).toBe(SIGN_IN_FAILED);
    // The account's lock comes first: while it is locked, even the right password learns nothing.
    await t.db.query(`UPDATE app_user SET locked_until = now() + interval '1 hour' WHERE id = $1`, [gone.id]);
    expect((await attempt(TEST_PASSWORD)).body.errors[0].message).toBe(SIGN_IN_FAILED);
  });

  it('the account list finds people by unit name, filters never-signed-in, and sorts', async () => {
    const tenant = await f.tenant();
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const unit = await f.unit(tenant, '省审计厅', 'DEPARTMENT', ['审计厅']);
    const person = await f.user(tenant, 'UNIT_LIAISON', unit);
    const list = async (filter: object, sort = 'USERNAME') =>
      (
        await admin.ok(
          `query($f: UserFilterInput, $s: UserSort) { users(filter: $f, sort: $s) { totalCount nodes { username lastSignInAt } } }`,
          { f: filter, s: sort },
        )
      ).users;
    expect((await list({ search: '审计' })).nodes.map((n: { username: string }) => n.username)).toEqual([
      person.username,
    ]);
    expect((await list({ neverSignedIn: true })).nodes.map((n: { username: string }) => n.username)).toEqual([
      person.username,
    ]);
    expect((await list({}, 'LAST_SIGN_IN')).nodes[0]).toEqual({ username: person.username, lastSignInAt: null });
  });
});

/** supertest parser that keeps a download's bytes. */
function binary(res: import('superagent').Response, done: (err: Error | null, body: unknown) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
