import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { uploadPlanOk } from '../../../../test/plan-import.js';

const DOCS = path.resolve(process.cwd(), '../shared/fixtures/documents');
const TRUTH = path.resolve(
  process.cwd(),
  'libs/plan-parser/src/__tests__/files/upper-links-state-council-2018-dalian-changxingdao-2018.json',
);
const truth: { pairs: { lower: string; upper: string[] }[]; gaps: string[] } = JSON.parse(readFileSync(TRUTH, 'utf8'));

const CREATE = `mutation { createTenantLinkInvite { code } }`;
const ACCEPT = `mutation($code: String!) { acceptTenantLinkInvite(code: $code) { upper { id } } }`;
const END_UPPER = `mutation($upperTenantId: ID!) { endUpperTenantLink(upperTenantId: $upperTenantId) { upper { id } } }`;
const POINTS = `{ upperPlanPoints { id planYear planTitle sectionTitle seq label title text } }`;
const LINK_PARTS = `keyPointId version linked { id label title } proposed { score point { id label title } }`;
const LINKS = `query($planId: ID!) { keyPointUpperLinks(planId: $planId) { ${LINK_PARTS} } }`;
const SET = `mutation($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) { setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) { ${LINK_PARTS} } }`;
const START = `mutation($year: Int) { startPlanFromUpper(year: $year) { id year title status } }`;
const PLAN = `query($id: ID!) { plan(id: $id) { id version keyPoints { id label title } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishPlan(id: $id, version: $version) { id status } }`;

/** Labels as the hand-checked fixture writes them (half-width brackets). */
const label = (value: string) => value.replace(/（/g, '(').replace(/）/g, ')').trim();

describe('key points linked to the level above (上下联动, step 2)', () => {
  let t: TestApp;
  let f: Factory;
  let province: TestTenant;
  let city: TestTenant;
  let provinceAdmin: Client;
  let cityStaff: Client;
  let cityAdmin: Client;
  let cityPlanId: string;
  let cityKeyPoints: { id: string; label: string; title: string }[];

  const points = async (client: Client) =>
    (await client.ok(POINTS)).upperPlanPoints as {
      id: string;
      label: string;
      title: string;
      planYear: number;
      text: string;
    }[];
  const pointByLabel = async (client: Client, l: string) => (await points(client)).find((p) => label(p.label) === l)!;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    province = await f.tenant('国务院办公厅（测试）');
    city = await f.tenant('长兴岛经济区管委会');
    provinceAdmin = await f.client(province, 'OFFICE_ADMIN');
    cityAdmin = await f.client(city, 'OFFICE_ADMIN');
    cityStaff = await f.client(city, 'OFFICE_STAFF');
    // The upper plan: the State Council's 2018 key points, imported and (units aside) published.
    const upper = await uploadPlanOk(provinceAdmin, {
      filename: 'state-council-2018-key-points-traditional.txt',
      bytes: readFileSync(path.join(DOCS, 'state-council-2018-key-points-traditional.txt')),
    });
    await t.db.query(`UPDATE plan SET status = 'PUBLISHED', published_at = now() WHERE tenant_id = $1 AND id = $2`, [
      province.id,
      upper.importPlan.id,
    ]);
  });
  afterAll(() => t.close());

  it("copies the upper's published key points into the city's own rows when the city accepts the link, and nothing of the upper's units or tasks", async () => {
    expect(await points(cityStaff)).toEqual([]);
    const { code } = (await provinceAdmin.ok(CREATE)).createTenantLinkInvite;
    await cityAdmin.ok(ACCEPT, { code });
    const copied = await points(cityStaff);
    expect(copied).toHaveLength(16);
    expect(copied[0]).toMatchObject({ planYear: 2018, label: expect.stringMatching(/一/) });
    const { rows } = await t.db.query(`SELECT tenant_id, upper_tenant_id FROM upper_plan_point`);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([city.id]));
    expect(new Set(rows.map((r) => r.upper_tenant_id))).toEqual(new Set([province.id]));
    // The province itself has no upper: its own read model stays empty.
    expect(await points(provinceAdmin)).toEqual([]);
  });

  it("proposes for the city's imported plan only the hand-checked pairs of the seed chain (State Council 2018 → Changxing Island 2018)", async () => {
    const { importPlan } = await uploadPlanOk(cityStaff, {
      filename: 'dalian-changxingdao-2018-key-points.txt',
      bytes: readFileSync(path.join(DOCS, 'dalian-changxingdao-2018-key-points.txt')),
    });
    cityPlanId = importPlan.id;
    cityKeyPoints = (await cityStaff.ok(PLAN, { id: cityPlanId })).plan.keyPoints;
    const links = (await cityStaff.ok(LINKS, { planId: cityPlanId })).keyPointUpperLinks as any[];
    expect(links).toHaveLength(cityKeyPoints.length);
    const right = new Set(truth.pairs.flatMap((p) => p.upper.map((u) => `${p.lower}→${u}`)));
    const labelOf = new Map(cityKeyPoints.map((k) => [k.id, label(k.label)]));
    const made = links.flatMap((l) =>
      l.proposed.map((p: any) => `${labelOf.get(l.keyPointId)}→${label(p.point.label)}`),
    );
    expect(made.filter((pair) => !right.has(pair))).toEqual([]);
    expect(made.length).toBeGreaterThanOrEqual(15);
    expect(links.every((l) => l.linked.length === 0)).toBe(true);
    for (const gap of truth.gaps) expect(made.some((pair) => pair.endsWith(`→${gap}`))).toBe(false);
  });

  it('lets the office confirm a proposal, change it and remove it; each change is audited', async () => {
    const first = cityKeyPoints.find((k) => label(k.label) === '(一)')!;
    const before = (await cityStaff.ok(LINKS, { planId: cityPlanId })).keyPointUpperLinks.find(
      (l: any) => l.keyPointId === first.id,
    );
    const proposal = before.proposed[0].point;
    expect(label(proposal.label)).toBe('(一)');

    const confirmed = (
      await cityStaff.ok(SET, { keyPointId: first.id, upperPointIds: [proposal.id], version: before.version })
    ).setKeyPointUpperLinks;
    expect(confirmed.version).toBe(before.version + 1);
    expect(confirmed.linked.map((p: any) => p.id)).toEqual([proposal.id]);
    expect(confirmed.proposed.map((p: any) => p.point.id)).not.toContain(proposal.id);

    const other = await pointByLabel(cityStaff, '(二)');
    const changed = (
      await cityStaff.ok(SET, {
        keyPointId: first.id,
        upperPointIds: [other.id, proposal.id],
        version: confirmed.version,
      })
    ).setKeyPointUpperLinks;
    expect(changed.linked.map((p: any) => label(p.label))).toEqual(['(一)', '(二)']);

    const removed = (await cityStaff.ok(SET, { keyPointId: first.id, upperPointIds: [], version: changed.version }))
      .setKeyPointUpperLinks;
    expect(removed.linked).toEqual([]);
    // A second office still holding the links as confirmed: its save is refused, nothing is overwritten.
    const stale = await (
      await f.client(city, 'OFFICE_ADMIN')
    ).gql(SET, { keyPointId: first.id, upperPointIds: [proposal.id], version: confirmed.version });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect(stale.errors![0].message).toBe('这项工作要点对应的上级要点已被他人修改，请刷新后重试');
    const after = (await cityStaff.ok(LINKS, { planId: cityPlanId })).keyPointUpperLinks.find(
      (l: any) => l.keyPointId === first.id,
    );
    expect(after).toMatchObject({ linked: [], version: removed.version });
    const audit = await t.db.query(
      `SELECT action, after FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'key_point.upper_links' ORDER BY id`,
      [city.id, first.id],
    );
    expect(audit.rows.map((r) => r.after.upperPointIds.length)).toEqual([1, 2, 0]);
  });

  it("refuses leadership, unit users, ids that are not the tenant's and an upper key point the tenant does not hold", async () => {
    const first = cityKeyPoints[0]!;
    const point = (await points(cityStaff))[0]!;
    const leadership = await f.client(city, 'LEADERSHIP');
    expect(errorCode(await leadership.gql(SET, { keyPointId: first.id, upperPointIds: [point.id], version: 0 }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await leadership.gql(START))).toBe('FORBIDDEN');
    const unit = await f.unit(city, '长兴岛测试局');
    const liaison = await f.client(city, 'UNIT_LIAISON', unit);
    expect(errorCode(await liaison.gql(LINKS, { planId: cityPlanId }))).toBe('FORBIDDEN');
    // The upper's own key point id (the source of the copy) is not a row of the city.
    const source = (
      await t.db.query(`SELECT source_key_point_id FROM upper_plan_point WHERE tenant_id = $1 AND id = $2`, [
        city.id,
        point.id,
      ])
    ).rows[0].source_key_point_id;
    expect(errorCode(await cityStaff.gql(SET, { keyPointId: first.id, upperPointIds: [source], version: 0 }))).toBe(
      'NOT_FOUND',
    );
    // The province cannot link the city's key point, nor read the city's plan links.
    const provincePoint = (await t.db.query(`SELECT id FROM key_point WHERE tenant_id = $1 LIMIT 1`, [province.id]))
      .rows[0].id;
    expect(errorCode(await provinceAdmin.gql(SET, { keyPointId: first.id, upperPointIds: [], version: 0 }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await provinceAdmin.gql(LINKS, { planId: cityPlanId }))).toBe('NOT_FOUND');
    expect(errorCode(await cityStaff.gql(SET, { keyPointId: provincePoint, upperPointIds: [], version: 0 }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await cityStaff.gql(SET, { keyPointId: 'not-an-id', upperPointIds: [], version: 0 }))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(
        await cityStaff.gql(SET, { keyPointId: first.id, upperPointIds: ['1; DROP TABLE key_point'], version: 0 }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(errorCode(await cityStaff.gql(LINKS, { planId: 'x' }))).toBe('NOT_FOUND');
    const tooMany = await cityStaff.gql(SET, {
      keyPointId: first.id,
      upperPointIds: (await points(cityStaff)).slice(0, 11).map((p) => p.id),
      version: 0,
    });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
  });

  it('starts a draft from the upper plan: every upper key point copied and linked, ready for the city to assign its units', async () => {
    const started = (await cityStaff.ok(START)).startPlanFromUpper;
    expect(started).toMatchObject({ year: 2018, status: 'DRAFT' });
    expect(started.title).toContain('据上级');
    const links = (await cityStaff.ok(LINKS, { planId: started.id })).keyPointUpperLinks as any[];
    expect(links).toHaveLength(16);
    const plan = (await cityStaff.ok(PLAN, { id: started.id })).plan;
    for (const [i, kp] of plan.keyPoints.entries()) {
      const l = links.find((x) => x.keyPointId === kp.id);
      expect(l.linked).toHaveLength(1);
      expect(l.linked[0].title).toBe(kp.title);
      expect(plan.keyPoints[i].title).toBeTruthy();
    }
    const noSuchYear = await cityStaff.gql(START, { year: 2017 });
    expect(errorCode(noSuchYear)).toBe('BAD_USER_INPUT');
    expect(noSuchYear.errors![0].message).toContain('2017');
    // An office without an upper has nothing to start from.
    const alone = await f.client(await f.tenant('未关联县政府办公室'), 'OFFICE_STAFF');
    const refused = await alone.gql(START);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toContain('上级');
  });

  it('follows when the upper publishes another plan, keeping confirmed links to key points still published; ending the link empties the copy', async () => {
    const first = cityKeyPoints[0]!;
    const kept = await pointByLabel(cityStaff, '(一)');
    const held = (await cityStaff.ok(LINKS, { planId: cityPlanId })).keyPointUpperLinks.find(
      (l: any) => l.keyPointId === first.id,
    );
    await cityStaff.ok(SET, { keyPointId: first.id, upperPointIds: [kept.id], version: held.version });

    // The province publishes its 2019 plan through the real publish (one key point, one unit).
    const unit = await f.unit(province, '省政务公开办');
    const plan = (
      await t.db.query(
        `INSERT INTO plan (tenant_id, year, title) VALUES ($1, 2019, '2019年政务公开工作要点') RETURNING id, version`,
        [province.id],
      )
    ).rows[0];
    const kp = (
      await t.db.query(
        `INSERT INTO key_point (tenant_id, plan_id, seq, label, title, due_date) VALUES ($1, $2, 1, '(一)', '推进决策公开', '2019-12-31') RETURNING id`,
        [province.id, plan.id],
      )
    ).rows[0];
    await t.db.query(
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort) VALUES ($1, $2, 'LEAD', $3, $4, 1)`,
      [province.id, kp.id, unit.name, unit.id],
    );
    expect((await provinceAdmin.ok(PUBLISH, { id: plan.id, version: plan.version })).publishPlan.status).toBe(
      'PUBLISHED',
    );

    const after = await points(cityStaff);
    expect(after).toHaveLength(17);
    expect(after[0]).toMatchObject({ planYear: 2019, title: '推进决策公开' });
    // The same upper key point keeps its row: the confirmed link survives the refresh.
    expect(after.find((p) => p.id === kept.id)).toBeTruthy();
    const links = (await cityStaff.ok(LINKS, { planId: cityPlanId })).keyPointUpperLinks.find(
      (l: any) => l.keyPointId === first.id,
    );
    expect(links.linked.map((p: any) => p.id)).toEqual([kept.id]);
    // The city's 2018 plan is proposed the upper's 2018 key points, not its 2019 ones.
    const proposedYears = (await cityStaff.ok(LINKS, { planId: cityPlanId })).keyPointUpperLinks.flatMap((l: any) =>
      l.proposed.map((p: any) => p.point.id),
    );
    expect(proposedYears.length).toBeGreaterThan(0);
    expect(proposedYears).not.toContain(after[0]!.id);

    await cityAdmin.ok(END_UPPER, { upperTenantId: province.id });
    expect(await points(cityStaff)).toEqual([]);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM key_point_upper_link WHERE tenant_id = $1`, [city.id])).rows[0]
        .n,
    ).toBe(0);
  });
});
