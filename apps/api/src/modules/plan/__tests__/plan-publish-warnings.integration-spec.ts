import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { fixClock } from '../../task/__tests__/fixed-clock.js';
import { uploadPlan, uploadPlanOk } from '../../../../test/plan-import.js';

const DOCUMENT = readFileSync(new URL('./fixtures/yunnan-style-collective-names.txt', import.meta.url), 'utf8');
const CREATE = `mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }`;
const UPDATE_PLAN = `mutation($id: ID!, $version: Int!, $input: UpdatePlanInput!) { updatePlan(id: $id, version: $version, input: $input) { id version } }`;
const RESOLVE = `mutation($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) { resolveUnitName(planId: $planId, version: $version, input: $input) { id version } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishPlan(id: $id, version: $version) { id status } }`;
const WARNINGS = `query($id: ID!) { plan(id: $id) {
  id version status defaultDueDate
  duplicatePlans { id title status }
  publishPreview { unresolvedNames unitsInvolved unitsWithoutLiaison { name } pastTimeLimits { label title text date isDueDate } }
} }`;

/** Before publishing the office is told what will go wrong: a document imported twice, units nobody can sign in for, dates already past. */
describe('before publishing: duplicates, units without liaison, past time limits', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  let firstId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('云南省人民政府办公厅');
    const units = {
      ndrc: await f.unit(tenant, '省发展改革委'),
      finance: await f.unit(tenant, '省财政厅'),
      office: await f.unit(tenant, '省政府办公厅', 'OFFICE'),
      km: await f.unit(tenant, '昆明市人民政府', 'CITY_GOV'),
      data: await f.unit(tenant, '省大数据中心', 'AGENCY'),
    };
    // Liaisons for two of the five units; the finance one has left (account deactivated).
    await f.user(tenant, 'UNIT_LIAISON', units.ndrc);
    await f.user(tenant, 'UNIT_LIAISON', units.office);
    const gone = await f.user(tenant, 'UNIT_LIAISON', units.finance);
    await t.db.query(`UPDATE app_user SET active = false WHERE tenant_id = $1 AND id = $2`, [tenant.id, gone.id]);
    await f.user(tenant, 'UNIT_LEADER', units.km);
    office = await f.client(tenant, 'OFFICE_STAFF');
    fixClock(t, '2026-07-15T02:00:00Z');
  });
  afterAll(() => t.close());

  const warnings = async (id: string) => (await office.ok(WARNINGS, { id })).plan;

  it('refuses to import a document again, naming and linking the plan that has it', async () => {
    firstId = (await uploadPlanOk(office, { text: DOCUMENT })).importPlan.id;
    const again = await uploadPlan(office, { text: DOCUMENT });
    expect(again.errors![0]).toMatchObject({
      message: '文号“云政办发〔2026〕8号”已导入过：《云南省2026年政务公开工作要点》（草稿）',
      extensions: { code: 'CONFLICT', duplicatePlanId: firstId, duplicatePlanTitle: '云南省2026年政务公开工作要点' },
    });
    // The same 文号 written with other brackets and spacing is the same document.
    const rewritten = await uploadPlan(office, {
      text: DOCUMENT.replace('云政办发〔2026〕8号', '云政办发[2026] 8号').replace('（四）', '（四）新增一句。'),
    });
    expect(rewritten.errors![0].extensions).toMatchObject({ code: 'CONFLICT', duplicatePlanId: firstId });
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM plan WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].n).toBe(1);
  });

  it('finds the same text without a 文号 too, and the same 文号 on an empty plan', async () => {
    const noNumber = DOCUMENT.replace('云政办发〔2026〕8号\n', '');
    const text = (await uploadPlanOk(office, { text: noNumber })).importPlan.id;
    const sameText = await uploadPlan(office, { text: noNumber.replaceAll('\n', '\n  ') });
    expect(sameText.errors![0]).toMatchObject({
      message: expect.stringContaining('内容相同的文件已导入过'),
      extensions: { code: 'CONFLICT', duplicatePlanId: text },
    });
    const empty = await office.gql(CREATE, {
      input: { title: '另一份', year: 2026, docNumber: '云政办发〔2026〕8号' },
    });
    expect(empty.errors![0].extensions).toMatchObject({ code: 'CONFLICT', duplicatePlanId: firstId });
    await t.db.query(`DELETE FROM plan WHERE tenant_id = $1 AND id = $2`, [tenant.id, text]);
  });

  it('imports it anyway when the office insists, and the draft names the plan it duplicates', async () => {
    const { importPlan } = await uploadPlanOk(office, { text: DOCUMENT, allowDuplicate: true });
    const second = await warnings(importPlan.id);
    expect(second.duplicatePlans).toEqual([{ id: firstId, title: '云南省2026年政务公开工作要点', status: 'DRAFT' }]);
    expect((await warnings(firstId)).duplicatePlans.map((p: any) => p.id)).toEqual([importPlan.id]);
    // Changing the 文号 of the copy ends the match only when the text differs too.
    const { updatePlan } = await office.ok(UPDATE_PLAN, {
      id: importPlan.id,
      version: second.version,
      input: { docNumber: '云政办发〔2026〕9号' },
    });
    expect((await warnings(importPlan.id)).duplicatePlans).toHaveLength(1);
    await t.db.query(`DELETE FROM plan WHERE tenant_id = $1 AND id = $2`, [tenant.id, updatePlan.id]);
    expect((await warnings(firstId)).duplicatePlans).toEqual([]);
  });

  it('lists the units that would get tasks but have no (active) liaison account, and the time limits already past', async () => {
    let p = await warnings(firstId);
    for (const [name, input] of [
      ['省直有关部门', { action: 'UNITS', unitIds: [] as string[] }],
      ['各州市人民政府', { action: 'KIND', kind: 'CITY_GOV' }],
      ['即时比分', { action: 'DROP' }],
    ] as const) {
      const unitIds =
        name === '省直有关部门'
          ? (await t.db.query(`SELECT id FROM unit WHERE tenant_id = $1 AND name = '省财政厅'`, [tenant.id])).rows.map(
              (r) => r.id,
            )
          : undefined;
      const out = await office.gql(RESOLVE, {
        planId: firstId,
        version: p.version,
        input: { name, ...input, ...(unitIds ? { unitIds } : {}) },
      });
      expect(out.errors).toBeUndefined();
      p = await warnings(firstId);
    }
    expect(p.publishPreview).toMatchObject({ unresolvedNames: 0, unitsInvolved: 5 });
    // 省财政厅's liaison is deactivated, 昆明 has only a leader, 省大数据中心 nobody.
    expect(p.publishPreview.unitsWithoutLiaison.map((u: any) => u.name).sort()).toEqual(
      ['省大数据中心', '省财政厅', '昆明市人民政府'].sort(),
    );
    // Today is 2026-07-15: (一) was due 6月底前; the others are due at year end.
    expect(p.defaultDueDate).toBe('2026-12-31');
    expect(p.publishPreview.pastTimeLimits).toEqual([
      { label: '(一)', title: '做好重大政策解读', text: '6月底前', date: '2026-06-30', isDueDate: true },
    ]);
  });

  it('a plan published after its year has every time limit past, the default ones too', async () => {
    fixClock(t, '2027-01-10T02:00:00Z');
    const past = (await warnings(firstId)).publishPreview.pastTimeLimits;
    expect(past.map((x: any) => [x.label, x.text, x.date])).toEqual([
      ['(一)', '6月底前', '2026-06-30'],
      ['(二)', null, '2026-12-31'],
      ['(三)', '年底前', '2026-12-31'],
      ['(四)', null, '2026-12-31'],
    ]);
    fixClock(t, '2026-07-15T02:00:00Z');
  });

  it('warns only: the office may still publish, and nothing is left to warn about afterwards', async () => {
    const p = await warnings(firstId);
    expect((await office.ok(PUBLISH, { id: firstId, version: p.version })).publishPlan.status).toBe('PUBLISHED');
    const { rows } = await t.db.query(
      `SELECT light FROM task t JOIN key_point k ON k.tenant_id = t.tenant_id AND k.id = t.key_point_id WHERE t.tenant_id = $1 AND k.label = '(一)'`,
      [tenant.id],
    );
    expect(new Set(rows.map((r) => r.light))).toEqual(new Set(['RED']));
    expect((await warnings(firstId)).publishPreview.pastTimeLimits).toEqual([]);
  });

  it('shows the warnings to the office and leadership only', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON', (await f.unit(tenant, '省教育厅')) as any);
    const seen = await liaison.ok(WARNINGS, { id: firstId });
    expect(seen.plan.duplicatePlans).toEqual([]);
    expect(seen.plan.publishPreview.unitsWithoutLiaison).toEqual([]);
    const stranger = await f.client(await f.tenant('外省办公厅'), 'OFFICE_ADMIN');
    expect(errorCode(await stranger.gql(WARNINGS, { id: firstId }))).toBe('NOT_FOUND');
  });
});
