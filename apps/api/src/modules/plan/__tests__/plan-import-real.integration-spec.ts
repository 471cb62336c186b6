import { readFileSync } from 'node:fs';
import { ocrAvailable } from '@duban/plan-parser';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { liaoningDirectory } from './plan-test-data.js';
import { uploadPlan, uploadPlanChoices, uploadPlanOk } from '../../../../test/plan-import.js';

// Documents as offices have them (issue 14): a notice issuing two plans, units named once for many
// key points, lead units a table wrote together.

// OCR is tested where tesseract with chi_sim and pdftoppm are installed (npm test installs them where it can).
const HAS_OCR = await ocrAvailable();
const RESOLVE = `mutation($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {
  resolveUnitName(planId: $planId, version: $version, input: $input) { id } }`;
const TREE = `query($id: ID!) { plan(id: $id) { title year issuer docNumber
  keyPoints { label title units { role rawName impliedFrom unit { id name } } } } }`;

const NOTICE = [
  '发文机构：辽宁省人民政府办公厅',
  '发文字号：辽政办发〔2023〕5号',
  '辽宁省人民政府办公厅关于印发《辽宁省2023年政务管理服务工作要点》和《辽宁省2023年政务公开工作要点》的通知',
  '各市人民政府，省政府各厅委、各直属机构：',
  '现将《辽宁省2023年政务管理服务工作要点》和《辽宁省2023年政务公开工作要点》印发给你们，请认真贯彻执行。',
  '辽宁省人民政府办公厅',
  '2023年3月1日',
  '辽宁省2023年政务管理服务工作要点',
  '一、优化服务',
  '1.推进一网通办。（牵头单位：省营商局(大数据局)）',
  '辽宁省2023年政务公开工作要点',
  '一、加强公开',
  '1.推进规划公开。（牵头单位：省发展改革委；责任单位：各市政府。各市政府均为责任单位，以下不再列出）',
  '2.深化财政公开。（牵头单位：省财政厅）',
  '3.做好政策解读。（牵头单位：省政府办公厅）',
].join('\n');

describe('importing documents as offices have them', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('辽宁省人民政府办公厅');
    await liaoningDirectory(f, tenant);
    office = await f.client(tenant, 'OFFICE_STAFF');
  });
  afterAll(() => t.close());

  it("a notice issuing two plans: refused until the office picks one, which is imported with the notice's header", async () => {
    const refused = await uploadPlan(office, { text: NOTICE });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions).toMatchObject({ field: 'planIndex' });
    expect(refused.errors![0].message).toMatch(/2 个计划/u);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM plan WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].n).toBe(0);

    const { planImportChoices } = (await uploadPlanChoices(office, { text: NOTICE })).data!;
    expect(planImportChoices).toEqual([
      { index: 0, title: '辽宁省2023年政务管理服务工作要点', year: 2023, keyPoints: 1, impliedUnits: 0 },
      { index: 1, title: '辽宁省2023年政务公开工作要点', year: 2023, keyPoints: 3, impliedUnits: 2 },
    ]);

    const { importPlan } = await uploadPlanOk(office, { text: NOTICE, planIndex: 1 });
    const { plan } = await office.ok(TREE, { id: importPlan.id });
    expect(plan).toMatchObject({
      title: '辽宁省2023年政务公开工作要点',
      year: 2023,
      issuer: '辽宁省人民政府办公厅',
      docNumber: '辽政办发〔2023〕5号',
    });
    expect(plan.keyPoints.map((k: any) => k.title)).toEqual(['推进规划公开', '深化财政公开', '做好政策解读']);

    const out = await uploadPlan(office, { text: NOTICE, planIndex: 2 });
    expect(errorCode(out)).toBe('BAD_USER_INPUT');
  });

  it("the same through the wizard's upload: refused with field planIndex, the choices listed, the picked plan imported", async () => {
    const file = { name: '通知.txt', bytes: Buffer.from(NOTICE) };
    const refused = await office.upload('/imports/plan', file);
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([400, 'BAD_USER_INPUT', 'planIndex']);
    expect(refused.body.message).toMatch(/2 个计划/u);

    const listed = await office.upload('/imports/plan/choices', file);
    expect(listed.status).toBe(200);
    expect(listed.body.choices.map((c: any) => [c.index, c.title, c.keyPoints, c.impliedUnits])).toEqual([
      [0, '辽宁省2023年政务管理服务工作要点', 1, 0],
      [1, '辽宁省2023年政务公开工作要点', 3, 2],
    ]);

    const imported = await office.upload('/imports/plan', file, { planIndex: '1', allowDuplicate: 'true' });
    expect(imported.status).toBe(201);
    const { plan } = await office.ok(TREE, { id: imported.body.id });
    expect(plan).toMatchObject({ title: '辽宁省2023年政务公开工作要点', docNumber: '辽政办发〔2023〕5号' });
    // The directory reached the worker: the cities named once are proposed for the later key points.
    expect(
      plan.keyPoints[2].units
        .filter((u: any) => u.impliedFrom)
        .map((u: any) => u.unit.name)
        .sort(),
    ).toEqual(['大连市人民政府', '沈阳市人民政府', '鞍山市人民政府'].sort());

    // The same plan again is refused with the existing plan named, for the page to link to.
    const again = await office.upload('/imports/plan', file, { planIndex: '1' });
    expect([again.status, again.body.code, again.body.extensions?.duplicatePlanTitle]).toEqual([
      409,
      'CONFLICT',
      '辽宁省2023年政务公开工作要点',
    ]);
    expect(typeof again.body.extensions.duplicatePlanId).toBe('string');

    const outside = await office.upload('/imports/plan', file, { planIndex: '7' });
    expect([outside.status, outside.body.field]).toEqual([400, 'planIndex']);
    const notNumber = await office.upload('/imports/plan', file, { planIndex: '第二个' });
    expect([notNumber.status, notNumber.body.field]).toEqual([400, 'planIndex']);
  });

  it('each plan of a notice is its own document: the other imports, the same one again is pointed to', async () => {
    const { importPlan: first } = await uploadPlanOk(office, { text: NOTICE, planIndex: 1, allowDuplicate: true });
    const again = await uploadPlan(office, { text: NOTICE, planIndex: 1 });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions).toMatchObject({ duplicatePlanId: first.id });
    const { importPlan: other } = await uploadPlanOk(office, { text: NOTICE, planIndex: 0 });
    const { plan } = await office.ok(TREE, { id: other.id });
    expect(plan.title).toBe('辽宁省2023年政务管理服务工作要点');
  });

  it('units named once for many key points are proposed for each, with the clause that names them', async () => {
    const { importPlan } = await uploadPlanOk(office, { text: NOTICE, planIndex: 1, allowDuplicate: true });
    const { plan } = await office.ok(TREE, { id: importPlan.id });
    const cities = (k: any) => k.units.filter((u: any) => u.rawName === '各市政府');
    // Stated in the first key point itself: its own units, not implied.
    expect(cities(plan.keyPoints[0]).every((u: any) => u.impliedFrom === null)).toBe(true);
    for (const k of plan.keyPoints.slice(1)) {
      expect(
        cities(k)
          .map((u: any) => u.unit.name)
          .sort(),
      ).toEqual(['大连市人民政府', '沈阳市人民政府', '鞍山市人民政府'].sort());
      expect(
        cities(k).every((u: any) => u.role === 'RESPONSIBLE' && u.impliedFrom === '各市政府均为责任单位，以下不再列出'),
      ).toBe(true);
    }

    // Decided again as two of the cities, the name keeps the clause on the key points it was implied for.
    const [shenyang, dalian] = plan.keyPoints[1].units
      .filter((u: any) => u.rawName === '各市政府')
      .map((u: any) => u.unit.id);
    await office.ok(RESOLVE, {
      planId: importPlan.id,
      version: importPlan.version,
      input: { name: '各市政府', action: 'UNITS', unitIds: [shenyang, dalian] },
    });
    const { plan: decided } = await office.ok(TREE, { id: importPlan.id });
    expect(cities(decided.keyPoints[0]).every((u: any) => u.impliedFrom === null)).toBe(true);
    for (const k of decided.keyPoints.slice(1)) {
      expect(cities(k)).toHaveLength(2);
      expect(cities(k).every((u: any) => u.impliedFrom === '各市政府均为责任单位，以下不再列出')).toBe(true);
    }
  });

  it("lead units a table wrote together are split by the tenant's unit names", async () => {
    // Names without a level prefix: only the directory tells where one ends.
    await f.unit(tenant, '人社局', 'DEPARTMENT');
    await f.unit(tenant, '发展改革局', 'DEPARTMENT');
    const text = [
      '辽宁省2023年政务公开工作任务分解表',
      '工作任务 牵头单位 责任单位',
      '1.公开就业政策 人社局发展改革局 各市政府',
    ].join('\n');
    const { importPlan } = await uploadPlanOk(office, { text });
    const { plan } = await office.ok(TREE, { id: importPlan.id });
    expect(plan.keyPoints[0].units.filter((u: any) => u.role === 'LEAD').map((u: any) => u.unit?.name)).toEqual([
      '人社局',
      '发展改革局',
    ]);
  });

  const withOcr = HAS_OCR ? it : it.skip;
  withOcr(
    'a scanned PDF uploaded where tesseract is installed: recognised in the worker, the draft warns that OCR was used',
    async () => {
      const scan = readFileSync(
        new URL('../../../../../../libs/plan-parser/src/__tests__/files/scanned-plan.pdf', import.meta.url),
      );
      const res = await office.upload('/imports/plan', { name: '扫描件.pdf', bytes: scan });
      expect(res.status).toBe(201);
      const { rows } = await t.db.query(`SELECT parse_warnings FROM plan WHERE id = $1`, [res.body.id]);
      expect(rows[0].parse_warnings.join()).toMatch(/OCR/u);
    },
  );
});
