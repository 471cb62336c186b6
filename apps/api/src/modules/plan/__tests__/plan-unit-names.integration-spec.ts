import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { uploadPlanOk } from '../../../../test/plan-import.js';

const DOCUMENT = readFileSync(new URL('./fixtures/yunnan-style-collective-names.txt', import.meta.url), 'utf8');
const NAMES = `query($id: ID!) { plan(id: $id) {
  id version unresolvedCount parseWarnings
  publishPreview { unresolvedNames unresolvedOccurrences }
  unitNames { name keyPoints unresolvedKeyPoints units { name } candidates { unit { name } score } suggestedKind decision { action kind } }
  keyPoints { id version label units { id rawName role unit { name } } }
} }`;
const RESOLVE = `mutation($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {
  resolveUnitName(planId: $planId, version: $version, input: $input) { id version } }`;
const DECISIONS = `query { unitNameDecisions { id name action unitIds kind } }`;
const FORGET = `mutation($id: ID!) { forgetUnitNameDecision(id: $id) }`;

/**
 * A name is decided once for the whole draft, a collective name can stand for a kind of units or for
 * several units, and every decision (dropping a name too) is remembered for the tenant's next import.
 */
describe('unit names resolved per name, remembered per tenant', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  let planId: string;
  const u: Record<string, TestUnit> = {};

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('云南省人民政府办公厅');
    u.ndrc = await f.unit(tenant, '省发展改革委');
    u.finance = await f.unit(tenant, '省财政厅');
    u.edu = await f.unit(tenant, '省教育厅');
    u.office = await f.unit(tenant, '省政府办公厅', 'OFFICE');
    u.km = await f.unit(tenant, '昆明市人民政府', 'CITY_GOV');
    u.qj = await f.unit(tenant, '曲靖市人民政府', 'CITY_GOV');
    u.dl = await f.unit(tenant, '大理州人民政府', 'CITY_GOV');
    u.data = await f.unit(tenant, '省数字经济局');
    office = await f.client(tenant, 'OFFICE_STAFF');
    planId = (await uploadPlanOk(office, { text: DOCUMENT })).importPlan.id;
  });
  afterAll(() => t.close());

  const plan = async (id = planId) => (await office.ok(NAMES, { id })).plan;
  const unitsOf = (kp: any, rawName: string) =>
    kp.units
      .filter((x: any) => x.rawName === rawName)
      .map((x: any) => `${x.role}:${x.unit?.name ?? '?'}`)
      .sort();
  const resolve = async (name: string, input: Record<string, unknown>, id = planId) => {
    const { version } = await plan(id);
    return office.gql(RESOLVE, { planId: id, version, input: { name, ...input } });
  };

  it('lists each name once with the key points that name it, and counts names, not occurrences', async () => {
    const p = await plan();
    expect(p.unitNames.map((n: any) => [n.name, n.keyPoints, n.unresolvedKeyPoints])).toEqual([
      ['省直有关部门', 3, 3],
      ['各州市人民政府', 3, 3],
      ['省大数据中心', 1, 1],
      ['即时比分', 1, 1],
      ['省发展改革委', 1, 0],
      ['省财政厅', 1, 0],
      ['省政府办公厅', 2, 0],
    ]);
    expect(p.publishPreview).toEqual({ unresolvedNames: 4, unresolvedOccurrences: 8 });
    expect(p.unresolvedCount).toBe(4);
  });

  it('suggests the kind a collective name stands for, and no merely similar unit', async () => {
    const byName = new Map((await plan()).unitNames.map((n: any) => [n.name, n]));
    expect(byName.get('省直有关部门')).toMatchObject({ suggestedKind: 'DEPARTMENT', candidates: [] });
    // 各州市人民政府 scored 0.5 against every city government and 0.29 against 省政府办公厅: none offered.
    expect(byName.get('各州市人民政府')).toMatchObject({ suggestedKind: 'CITY_GOV', candidates: [] });
    expect(byName.get('即时比分')).toMatchObject({ suggestedKind: null, candidates: [] });
  });

  it('maps a collective name to every unit of a kind on every key point at once; lead stays lead', async () => {
    const before = await plan();
    const out = await resolve('省直有关部门', { action: 'KIND', kind: 'DEPARTMENT' });
    expect(out.errors).toBeUndefined();
    expect(out.data.resolveUnitName.version).toBe(before.version + 1);
    const p = await plan();
    const departments = ['省发展改革委', '省财政厅', '省教育厅', '省数字经济局'];
    // (一): 省发展改革委 leads and is a department: one row, still lead.
    const lead = (kp: any) => kp.units.filter((x: any) => x.unit?.name === '省发展改革委');
    expect(lead(p.keyPoints[0])).toEqual([
      { id: lead(before.keyPoints[0])[0].id, rawName: '省发展改革委', role: 'LEAD', unit: { name: '省发展改革委' } },
    ]);
    expect(unitsOf(p.keyPoints[0], '省直有关部门')).toEqual(
      departments
        .filter((d) => d !== '省发展改革委')
        .map((d) => `RESPONSIBLE:${d}`)
        .sort(),
    );
    expect(unitsOf(p.keyPoints[1], '省直有关部门')).toEqual(
      departments
        .filter((d) => d !== '省财政厅')
        .map((d) => `RESPONSIBLE:${d}`)
        .sort(),
    );
    expect(unitsOf(p.keyPoints[3], '省直有关部门')).toEqual(departments.map((d) => `RESPONSIBLE:${d}`).sort());
    // Every key point that named it moved on a version; the one that did not stayed.
    expect(p.keyPoints.map((k: any, i: number) => k.version - before.keyPoints[i].version)).toEqual([1, 1, 0, 1]);
    expect(p.publishPreview).toEqual({ unresolvedNames: 3, unresolvedOccurrences: 5 });
  });

  it('maps a name to several chosen units, and drops a name', async () => {
    expect((await resolve('各州市人民政府', { action: 'UNITS', unitIds: [u.km.id, u.dl.id] })).errors).toBeUndefined();
    expect((await resolve('即时比分', { action: 'DROP' })).errors).toBeUndefined();
    expect((await resolve('省大数据中心', { action: 'UNITS', unitIds: [u.data.id] })).errors).toBeUndefined();
    const p = await plan();
    for (const i of [0, 2, 3])
      expect(unitsOf(p.keyPoints[i], '各州市人民政府')).toEqual([
        'RESPONSIBLE:大理州人民政府',
        'RESPONSIBLE:昆明市人民政府',
      ]);
    expect(p.keyPoints[2].units.map((x: any) => x.rawName)).not.toContain('即时比分');
    expect(p.publishPreview).toEqual({ unresolvedNames: 0, unresolvedOccurrences: 0 });
    expect(p.unitNames.find((n: any) => n.name === '即时比分')).toBeUndefined();
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'plan.unit_name.resolve'`,
      [tenant.id, planId],
    );
    expect(rows[0].n).toBe(4);
  });

  it('remembers every decision, dropping included', async () => {
    const { unitNameDecisions } = await office.ok(DECISIONS);
    const byName = new Map(unitNameDecisions.map((d: any) => [d.name, d]));
    expect(byName.get('省直有关部门')).toMatchObject({ action: 'KIND', kind: 'DEPARTMENT', unitIds: [] });
    expect(byName.get('各州市人民政府')).toMatchObject({
      action: 'UNITS',
      unitIds: expect.arrayContaining([u.km.id, u.dl.id]),
    });
    expect(byName.get('即时比分')).toMatchObject({ action: 'DROP' });
    expect(unitNameDecisions).toHaveLength(4);
  });

  it('the next import places every name as decided: a kind as the directory is then, a dropped name left out', async () => {
    const newDepartment = await f.unit(tenant, '省民政厅');
    const text = DOCUMENT.replaceAll('2026', '2027');
    const next = (await uploadPlanOk(office, { text })).importPlan.id;
    const p = await plan(next);
    expect(p.publishPreview).toEqual({ unresolvedNames: 0, unresolvedOccurrences: 0 });
    expect(unitsOf(p.keyPoints[3], '省直有关部门')).toContain(`RESPONSIBLE:${newDepartment.name}`);
    expect(unitsOf(p.keyPoints[0], '各州市人民政府')).toEqual([
      'RESPONSIBLE:大理州人民政府',
      'RESPONSIBLE:昆明市人民政府',
    ]);
    expect(unitsOf(p.keyPoints[2], '省大数据中心')).toEqual(['RESPONSIBLE:省数字经济局']);
    expect(p.keyPoints[2].units.map((x: any) => x.rawName)).not.toContain('即时比分');
    expect(p.parseWarnings).toContainEqual(expect.stringContaining('按以往的决定略去了单位名称 「即时比分」（1 处）'));
    expect(p.unitNames.find((n: any) => n.name === '省直有关部门').decision).toEqual({
      action: 'KIND',
      kind: 'DEPARTMENT',
    });
  });

  it('a new decision replaces the remembered one; a forgotten one no longer applies', async () => {
    expect((await resolve('各州市人民政府', { action: 'KIND', kind: 'CITY_GOV' })).errors).toBeUndefined();
    const { unitNameDecisions } = await office.ok(DECISIONS);
    expect(unitNameDecisions.filter((d: any) => d.name === '各州市人民政府')).toEqual([
      expect.objectContaining({ action: 'KIND', kind: 'CITY_GOV' }),
    ]);
    const dropped = unitNameDecisions.find((d: any) => d.name === '即时比分');
    expect(await office.ok(FORGET, { id: dropped.id })).toEqual({ forgetUnitNameDecision: true });
    expect(errorCode(await office.gql(FORGET, { id: dropped.id }))).toBe('NOT_FOUND');
    const next = (await uploadPlanOk(office, { text: DOCUMENT.replaceAll('2026', '2028') })).importPlan.id;
    const p = await plan(next);
    expect(unitsOf(p.keyPoints[0], '各州市人民政府')).toEqual([
      'RESPONSIBLE:大理州人民政府',
      'RESPONSIBLE:昆明市人民政府',
      'RESPONSIBLE:曲靖市人民政府',
    ]);
    expect(p.unitNames.filter((n: any) => n.unresolvedKeyPoints > 0).map((n: any) => n.name)).toEqual(['即时比分']);
  });

  it('refuses what it cannot do, with the field named and nothing changed', async () => {
    const { version } = await plan();
    const stale = await office.gql(RESOLVE, {
      planId,
      version: version - 1,
      input: { name: '省直有关部门', action: 'DROP' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(errorCode(await resolve('没有这个名称', { action: 'DROP' }))).toBe('NOT_FOUND');
    const noTowns = await resolve('省直有关部门', { action: 'KIND', kind: 'TOWN' });
    expect(noTowns.errors![0]).toMatchObject({
      message: expect.stringContaining('没有这一类型'),
      extensions: { code: 'BAD_USER_INPUT', field: 'kind' },
    });
    expect((await resolve('省直有关部门', { action: 'UNITS', unitIds: [] })).errors![0].extensions).toMatchObject({
      field: 'unitIds',
    });
    await t.db.query(`UPDATE unit SET active = false WHERE tenant_id = $1 AND id = $2`, [tenant.id, u.edu.id]);
    const inactive = await resolve('省直有关部门', { action: 'UNITS', unitIds: [u.edu.id] });
    expect(inactive.errors![0].message).toContain('已停用');
    await t.db.query(`UPDATE unit SET active = true WHERE tenant_id = $1 AND id = $2`, [tenant.id, u.edu.id]);
    expect((await plan()).version).toBe(version);
  });

  it('refuses a published plan', async () => {
    await t.db.query(`UPDATE plan SET status = 'PUBLISHED' WHERE tenant_id = $1 AND id = $2`, [tenant.id, planId]);
    const out = await resolve('省直有关部门', { action: 'DROP' });
    expect(errorCode(out)).toBe('BAD_USER_INPUT');
    await t.db.query(`UPDATE plan SET status = 'DRAFT' WHERE tenant_id = $1 AND id = $2`, [tenant.id, planId]);
  });

  it('refuses other roles and other tenants: no change, no decision remembered or read', async () => {
    const { version } = await plan();
    const [decision] = (await office.ok(DECISIONS)).unitNameDecisions;
    const input = { name: '省直有关部门', action: 'DROP' };
    for (const role of ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const other = await f.client(tenant, role, role === 'LEADERSHIP' ? undefined : u.finance);
      expect(errorCode(await other.gql(RESOLVE, { planId, version, input }))).toBe('FORBIDDEN');
      expect(errorCode(await other.gql(FORGET, { id: decision.id }))).toBe('FORBIDDEN');
      expect(errorCode(await other.gql(DECISIONS))).toBe('FORBIDDEN');
    }
    const otherTenant = await f.tenant('外省人民政府办公厅');
    const stranger = await f.client(otherTenant, 'OFFICE_ADMIN');
    expect(errorCode(await stranger.gql(RESOLVE, { planId, version, input }))).toBe('NOT_FOUND');
    expect(errorCode(await stranger.gql(FORGET, { id: decision.id }))).toBe('NOT_FOUND');
    expect((await stranger.ok(DECISIONS)).unitNameDecisions).toEqual([]);
    // Another tenant's unit ids cannot be chosen for one's own draft.
    await f.unit(otherTenant, '省直有关部门');
    const ownDraft = (await uploadPlanOk(stranger, { text: DOCUMENT })).importPlan;
    const foreign = await stranger.gql(RESOLVE, {
      planId: ownDraft.id,
      version: ownDraft.version,
      input: { name: '省直有关部门', action: 'UNITS', unitIds: [u.finance.id] },
    });
    expect(errorCode(foreign)).toBe('NOT_FOUND');
    // The stranger's import placed nothing by this tenant's decisions.
    const strangers = (await stranger.ok(NAMES, { id: ownDraft.id })).plan;
    expect(strangers.unitNames.find((n: any) => n.name === '各州市人民政府').unresolvedKeyPoints).toBe(3);
    expect((await plan()).version).toBe(version);
    expect((await office.ok(DECISIONS)).unitNameDecisions.map((d: any) => d.id)).toContain(decision.id);
  });
});
