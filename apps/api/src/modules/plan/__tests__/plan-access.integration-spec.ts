import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { PLAN_TREE } from './plan-test-data.js';
import { uploadPlan, uploadPlanOk } from '../../../../test/plan-import.js';

const PLAN_TEXT = `测试市2026年政务公开工作要点
一、公开
1.公开规划信息。6月底前完成。(牵头单位:市发展改革委;责任单位:市财政局)
2.公开预算信息。(牵头单位:市财政局)`;

type Ids = Record<string, string>;
type Op = { name: string; query: string; vars: (ids: Ids) => Record<string, unknown> };

// Every write of the plan module, each with real ids of tenant A.
const OFFICE_OPS: Op[] = [
  {
    name: 'createPlan',
    query: `mutation { createPlan(input: { title: "空白计划", year: 2026 }) { id } }`,
    vars: () => ({}),
  },
  {
    name: 'resolveUnitName',
    query: `mutation($id: ID!, $v: Int!) { resolveUnitName(planId: $id, version: $v, input: { name: "市财政局", action: DROP }) { id } }`,
    vars: (i) => ({ id: i.draft, v: +i.draftVersion }),
  },
  {
    name: 'markSource',
    query: `mutation($id: ID!, $v: Int!) { markSource(planId: $id, version: $v, input: { start: 0, text: "公开预算信息。", as: KEY_POINT }) { id } }`,
    vars: (i) => ({ id: i.draft, v: +i.draftVersion }),
  },
  {
    name: 'deletePlanSection',
    query: `mutation($id: ID!, $v: Int!) { deletePlanSection(id: $id, version: $v) { id } }`,
    vars: (i) => ({ id: i.section, v: +i.draftVersion }),
  },
  {
    name: 'updatePlan',
    query: `mutation($id: ID!, $v: Int!) { updatePlan(id: $id, version: $v, input: { title: "改" }) { id } }`,
    vars: (i) => ({ id: i.draft, v: +i.draftVersion }),
  },
  {
    name: 'deletePlan',
    query: `mutation($id: ID!, $v: Int!) { deletePlan(id: $id, version: $v) }`,
    vars: (i) => ({ id: i.draft, v: +i.draftVersion }),
  },
  {
    name: 'publishPlan',
    query: `mutation($id: ID!, $v: Int!) { publishPlan(id: $id, version: $v) { id } }`,
    vars: (i) => ({ id: i.draft, v: +i.draftVersion }),
  },
  {
    name: 'addPlanMilestone',
    query: `mutation($id: ID!, $v: Int!) { addPlanMilestone(planId: $id, version: $v, input: { text: "9月底前完成", date: "2026-09-30" }) { id } }`,
    vars: (i) => ({ id: i.draft, v: +i.draftVersion }),
  },
  {
    name: 'removePlanMilestone',
    query: `mutation($id: ID!, $v: Int!) { removePlanMilestone(id: $id, version: $v) { id } }`,
    vars: (i) => ({ id: i.milestone, v: +i.draftVersion }),
  },
  {
    name: 'addKeyPoint',
    query: `mutation($id: ID!) { addKeyPoint(input: { planId: $id, title: "新增要点" }) { id } }`,
    vars: (i) => ({ id: i.draft }),
  },
  {
    name: 'updateKeyPoint',
    query: `mutation($id: ID!, $v: Int!) { updateKeyPoint(id: $id, version: $v, input: { title: "改" }) { id } }`,
    vars: (i) => ({ id: i.kp, v: +i.kpVersion }),
  },
  {
    name: 'deleteKeyPoint',
    query: `mutation($id: ID!, $v: Int!) { deleteKeyPoint(id: $id, version: $v) }`,
    vars: (i) => ({ id: i.kp, v: +i.kpVersion }),
  },
  {
    name: 'setKeyPointUnit',
    query: `mutation($id: ID!, $v: Int!, $u: ID) { setKeyPointUnit(id: $id, version: $v, unitId: $u) { id } }`,
    vars: (i) => ({ id: i.kpu, v: +i.kpVersion, u: i.unit }),
  },
  {
    name: 'addKeyPointUnit',
    query: `mutation($id: ID!, $v: Int!, $u: ID!) { addKeyPointUnit(keyPointId: $id, version: $v, unitId: $u, role: RESPONSIBLE) { id } }`,
    vars: (i) => ({ id: i.kp, v: +i.kpVersion, u: i.extraUnit }),
  },
  {
    name: 'removeKeyPointUnit',
    query: `mutation($id: ID!, $v: Int!) { removeKeyPointUnit(id: $id, version: $v) { id } }`,
    vars: (i) => ({ id: i.kpu, v: +i.kpVersion }),
  },
  {
    name: 'addKeyPointDeadline',
    query: `mutation($id: ID!, $v: Int!) { addKeyPointDeadline(keyPointId: $id, version: $v, input: { text: "9月底前", date: "2026-09-30" }) { id } }`,
    vars: (i) => ({ id: i.kp, v: +i.kpVersion }),
  },
  {
    name: 'updateKeyPointDeadline',
    query: `mutation($id: ID!, $v: Int!) { updateKeyPointDeadline(id: $id, version: $v, input: { text: "7月底前", date: "2026-07-31" }) { id } }`,
    vars: (i) => ({ id: i.deadline, v: +i.kpVersion }),
  },
  {
    name: 'removeKeyPointDeadline',
    query: `mutation($id: ID!, $v: Int!) { removeKeyPointDeadline(id: $id, version: $v) { id } }`,
    vars: (i) => ({ id: i.deadline, v: +i.kpVersion }),
  },
  {
    name: 'amendKeyPoint',
    query: `mutation($id: ID!, $v: Int!) { amendKeyPoint(id: $id, version: $v, input: { dueDate: "2026-10-31", reason: "调整" }) { id } }`,
    vars: (i) => ({ id: i.publishedKp, v: +i.publishedKpVersion }),
  },
];
const INSTRUCTION: Op = {
  name: 'addInstruction',
  query: `mutation($id: ID!) { addInstruction(keyPointId: $id, text: "请抓紧落实") { id } }`,
  vars: (i) => ({ id: i.kp }),
};

describe('plan writes: who may do what, stale versions, bad input', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let admin: Client;
  let ndrc: TestUnit;
  let finance: TestUnit;
  const ids: Ids = {};

  const auditCount = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [tenant.id])).rows[0].n;
  const tree = async (id: string) => (await admin.ok(PLAN_TREE, { id })).plan;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('测试市人民政府办公室');
    ndrc = await f.unit(tenant, '市发展改革委', 'DEPARTMENT');
    finance = await f.unit(tenant, '市财政局', 'DEPARTMENT');
    ids.extraUnit = (await f.unit(tenant, '市教育局', 'DEPARTMENT')).id;
    ids.unit = ids.extraUnit;
    admin = await f.client(tenant, 'OFFICE_ADMIN');

    const published = (await uploadPlanOk(admin, { text: PLAN_TEXT })).importPlan;
    await admin.ok(`mutation($id: ID!, $v: Int!) { publishPlan(id: $id, version: $v) { id } }`, {
      id: published.id,
      v: published.version,
    });
    ids.published = published.id;
    const publishedKp = (await tree(published.id)).keyPoints[0];
    ids.publishedKp = publishedKp.id;
    ids.publishedKpVersion = publishedKp.version;

    // The same document again, on purpose (a second import is refused unless the office insists).
    const draft = (await uploadPlanOk(admin, { text: PLAN_TEXT, allowDuplicate: true })).importPlan;
    const withMilestone = (
      await admin.ok(
        `mutation($id: ID!, $v: Int!) { addPlanMilestone(planId: $id, version: $v, input: { text: "11月底前总结" }) { version milestones { id } } }`,
        {
          id: draft.id,
          v: draft.version,
        },
      )
    ).addPlanMilestone;
    ids.draft = draft.id;
    ids.draftVersion = withMilestone.version;
    ids.milestone = withMilestone.milestones[0].id;
    const draftTree = await tree(draft.id);
    const kp = draftTree.keyPoints[0];
    Object.assign(ids, {
      kp: kp.id,
      kpVersion: kp.version,
      kpu: kp.units[0].id,
      deadline: kp.deadlines[0].id,
      section: draftTree.sections[0].id,
    });
  });
  afterAll(() => t.close());

  describe.each(['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const)('as %s', (role) => {
    it.each(OFFICE_OPS.map((op) => [op.name, op] as const))(
      '%s is FORBIDDEN and changes nothing',
      async (_name, op) => {
        const client = await f.client(tenant, role, role === 'LEADERSHIP' ? undefined : ndrc);
        const before = await auditCount();
        const out = await client.gql(op.query, op.vars(ids));
        expect(errorCode(out)).toBe('FORBIDDEN');
        expect(await auditCount()).toBe(before);
      },
    );
  });

  it.each(OFFICE_OPS.filter((op) => op.name !== 'createPlan').map((op) => [op.name, op] as const))(
    "%s with another tenant's real ids is NOT_FOUND",
    async (_name, op) => {
      const other = await f.tenant();
      const outsider = await f.client(other, 'OFFICE_ADMIN');
      const before = await auditCount();
      const out = await outsider.gql(op.query, op.vars(ids));
      expect(errorCode(out)).toBe('NOT_FOUND');
      expect(await auditCount()).toBe(before);
    },
  );

  it('lets only leadership add a 批示, and only in its own tenant', async () => {
    for (const role of ['OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER'] as const) {
      const client = await f.client(tenant, role, role.startsWith('UNIT') ? finance : undefined);
      expect(errorCode(await client.gql(INSTRUCTION.query, INSTRUCTION.vars(ids)))).toBe('FORBIDDEN');
    }
    const other = await f.tenant();
    const outsider = await f.client(other, 'LEADERSHIP');
    expect(errorCode(await outsider.gql(INSTRUCTION.query, INSTRUCTION.vars(ids)))).toBe('NOT_FOUND');
    const leader = await f.client(tenant, 'LEADERSHIP');
    const blank = await leader.gql(`mutation($id: ID!) { addInstruction(keyPointId: $id, text: "  ") { id } }`, {
      id: ids.kp,
    });
    expect(errorCode(blank)).toBe('BAD_USER_INPUT');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM instruction WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].n).toBe(0);
  });

  it('reads: other tenants get NOT_FOUND, unit users do not see drafts', async () => {
    const other = await f.tenant();
    const outsider = await f.client(other, 'OFFICE_ADMIN');
    expect(errorCode(await outsider.gql(`query($id: ID!) { plan(id: $id) { id } }`, { id: ids.published }))).toBe(
      'NOT_FOUND',
    );
    expect(
      errorCode(
        await outsider.gql(`query($id: ID!) { planProgress(planId: $id) { plan { id } } }`, { id: ids.published }),
      ),
    ).toBe('NOT_FOUND');
    expect((await outsider.ok(`{ plans { totalCount } }`)).plans.totalCount).toBe(0);

    const liaison = await f.client(tenant, 'UNIT_LIAISON', ndrc);
    expect(errorCode(await liaison.gql(`query($id: ID!) { plan(id: $id) { id } }`, { id: ids.draft }))).toBe(
      'NOT_FOUND',
    );
    expect((await liaison.ok(`query($id: ID!) { plan(id: $id) { id } }`, { id: ids.published })).plan.id).toBe(
      ids.published,
    );
    const seen = (await liaison.ok(`{ plans { nodes { id status } } }`)).plans.nodes;
    expect(seen.map((p: any) => p.id)).toEqual([ids.published]);
  });

  it('paginates plans with a cursor', async () => {
    const all = (await admin.ok(`{ plans(year: 2026) { totalCount nodes { id } } }`)).plans;
    expect(all.totalCount).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (
        await admin.ok(
          `query($after: String) { plans(year: 2026, first: 1, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
          { after },
        )
      ).plans;
      seen.push(...page.nodes.map((n: any) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n: any) => n.id));
    const drafts = (await admin.ok(`{ plans(status: DRAFT) { nodes { status } } }`)).plans.nodes;
    expect(drafts.every((p: any) => p.status === 'DRAFT')).toBe(true);
  });

  it('refuses every versioned write with a stale version (CONFLICT)', async () => {
    // One real change first, so the versions the ops carry are stale.
    const planNow = await admin.ok(
      `mutation($id: ID!, $v: Int!) { updatePlan(id: $id, version: $v, input: { issuer: "测试市政务公开办" }) { version } }`,
      {
        id: ids.draft,
        v: +ids.draftVersion,
      },
    );
    expect(planNow.updatePlan.version).toBe(+ids.draftVersion + 1);
    const kpNow = await admin.ok(
      `mutation($id: ID!, $v: Int!) { updateKeyPoint(id: $id, version: $v, input: { label: "1." }) { version } }`,
      {
        id: ids.kp,
        v: +ids.kpVersion,
      },
    );
    expect(kpNow.updateKeyPoint.version).toBe(+ids.kpVersion + 1);
    await t.db.query(`UPDATE key_point SET version = version + 1 WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      ids.publishedKp,
    ]);
    for (const op of OFFICE_OPS.filter((o) => !['createPlan', 'addKeyPoint'].includes(o.name))) {
      const out = await admin.gql(op.query, op.vars(ids));
      expect([op.name, errorCode(out)]).toEqual([op.name, 'CONFLICT']);
    }
  });

  it('edits a draft: key points, units, time limits, the upper-level plan', async () => {
    const { addKeyPoint } = await admin.ok(
      `mutation($id: ID!) { addKeyPoint(input: { planId: $id, title: "新增要点", dueDate: "2026-08-31" }) { id seq version dueDate } }`,
      {
        id: ids.draft,
      },
    );
    expect(addKeyPoint).toMatchObject({ seq: 3, dueDate: '2026-08-31' });
    const added = await admin.ok(
      `mutation($id: ID!, $v: Int!, $u: ID!) { addKeyPointUnit(keyPointId: $id, version: $v, unitId: $u, role: LEAD) { version units { id role rawName resolution } } }`,
      { id: addKeyPoint.id, v: addKeyPoint.version, u: finance.id },
    );
    expect(added.addKeyPointUnit.units).toEqual([
      expect.objectContaining({ role: 'LEAD', rawName: '市财政局', resolution: 'RESOLVED' }),
    ]);
    const dup = await admin.gql(
      `mutation($id: ID!, $v: Int!, $u: ID!) { addKeyPointUnit(keyPointId: $id, version: $v, unitId: $u, role: RESPONSIBLE) { id } }`,
      {
        id: addKeyPoint.id,
        v: added.addKeyPointUnit.version,
        u: finance.id,
      },
    );
    expect(errorCode(dup)).toBe('BAD_USER_INPUT');
    const deadline = await admin.ok(
      `mutation($id: ID!, $v: Int!) { addKeyPointDeadline(keyPointId: $id, version: $v, input: { text: "7月底前", date: "2026-07-31" }) { version deadlines { text date } } }`,
      { id: addKeyPoint.id, v: added.addKeyPointUnit.version },
    );
    expect(deadline.addKeyPointDeadline.deadlines).toEqual([{ text: '7月底前', date: '2026-07-31' }]);
    const early = await admin.gql(
      `mutation($id: ID!, $v: Int!) { addKeyPointDeadline(keyPointId: $id, version: $v, input: { text: "去年", date: "2025-12-31" }) { id } }`,
      {
        id: addKeyPoint.id,
        v: deadline.addKeyPointDeadline.version,
      },
    );
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect((early.errors![0].extensions as any).field).toBe('date');

    const current = await tree(ids.draft);
    const long = await admin.gql(
      `mutation($id: ID!, $v: Int!, $t: String!) { updatePlan(id: $id, version: $v, input: { title: $t }) { id } }`,
      {
        id: ids.draft,
        v: current.version,
        t: '长'.repeat(301),
      },
    );
    expect((long.errors![0].extensions as any).field).toBe('title');
    const self = await admin.gql(
      `mutation($id: ID!, $v: Int!) { updatePlan(id: $id, version: $v, input: { parentPlanId: $id }) { id } }`,
      { id: ids.draft, v: current.version },
    );
    expect(errorCode(self)).toBe('BAD_USER_INPUT');

    // The upper key point must belong to the parent plan.
    const upper = (await tree(ids.published)).keyPoints[1];
    const noParent = await admin.gql(
      `mutation($id: ID!, $v: Int!, $u: ID!) { updateKeyPoint(id: $id, version: $v, input: { upperKeyPointId: $u }) { id } }`,
      {
        id: addKeyPoint.id,
        v: deadline.addKeyPointDeadline.version,
        u: upper.id,
      },
    );
    expect((noParent.errors![0].extensions as any).field).toBe('upperKeyPointId');
    await admin.ok(
      `mutation($id: ID!, $v: Int!, $p: ID!) { updatePlan(id: $id, version: $v, input: { parentPlanId: $p }) { parentPlanId } }`,
      {
        id: ids.draft,
        v: current.version,
        p: ids.published,
      },
    );
    const linked = await admin.ok(
      `mutation($id: ID!, $v: Int!, $u: ID!) { updateKeyPoint(id: $id, version: $v, input: { upperKeyPointId: $u }) { upperKeyPoint { id title } } }`,
      { id: addKeyPoint.id, v: deadline.addKeyPointDeadline.version, u: upper.id },
    );
    expect(linked.updateKeyPoint.upperKeyPoint).toEqual({ id: upper.id, title: upper.title });
    const wrongPlan = current.keyPoints[0].id;
    const notUpper = await admin.gql(
      `mutation($id: ID!, $v: Int!, $u: ID!) { updateKeyPoint(id: $id, version: $v, input: { upperKeyPointId: $u }) { id } }`,
      {
        id: addKeyPoint.id,
        v: deadline.addKeyPointDeadline.version + 1,
        u: wrongPlan,
      },
    );
    expect(errorCode(notUpper)).toBe('BAD_USER_INPUT');

    const { rows } = await t.db.query(
      `SELECT action FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 ORDER BY id`,
      [tenant.id, addKeyPoint.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'key_point.add',
      'key_point.unit.add',
      'key_point.deadline.add',
      'key_point.update',
    ]);
  });

  it('keeps published plans from draft-only edits and deletes drafts with a record', async () => {
    const published = await tree(ids.published);
    const del = await admin.gql(`mutation($id: ID!, $v: Int!) { deletePlan(id: $id, version: $v) }`, {
      id: ids.published,
      v: published.version,
    });
    expect(errorCode(del)).toBe('BAD_USER_INPUT');
    const kp = published.keyPoints[1];
    const delKp = await admin.gql(`mutation($id: ID!, $v: Int!) { deleteKeyPoint(id: $id, version: $v) }`, {
      id: kp.id,
      v: kp.version,
    });
    expect(errorCode(delKp)).toBe('BAD_USER_INPUT');
    const redate = await admin.gql(
      `mutation($id: ID!, $v: Int!) { updateKeyPoint(id: $id, version: $v, input: { dueDate: "2026-05-31" }) { id } }`,
      { id: kp.id, v: kp.version },
    );
    expect((redate.errors![0].extensions as any).field).toBe('dueDate');

    const draftKp = (await tree(ids.draft)).keyPoints[0];
    const amendDraft = await admin.gql(
      `mutation($id: ID!, $v: Int!) { amendKeyPoint(id: $id, version: $v, input: { dueDate: "2026-10-31", reason: "调整" }) { id } }`,
      {
        id: draftKp.id,
        v: draftKp.version,
      },
    );
    expect(errorCode(amendDraft)).toBe('BAD_USER_INPUT');

    const scratch = (await uploadPlanOk(admin, { text: PLAN_TEXT, allowDuplicate: true })).importPlan;
    expect(
      await admin.ok(`mutation($id: ID!, $v: Int!) { deletePlan(id: $id, version: $v) }`, {
        id: scratch.id,
        v: scratch.version,
      }),
    ).toEqual({ deletePlan: true });
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM key_point WHERE tenant_id = $1 AND plan_id = $2) AS left, (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'plan.delete') AS audited`,
      [tenant.id, scratch.id],
    );
    expect(rows[0]).toEqual({ left: 0, audited: 1 });
  });

  it('takes plan documents only from the office, signed in with the CSRF header, and checks the size after that', async () => {
    const doc = {
      name: '要点.txt',
      bytes: Buffer.from('2026年工作要点\n一、公开\n(一)公开规划信息。(牵头单位:市财政局)'),
    };
    for (const role of ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const res = await (await f.client(tenant, role)).upload('/imports/plan', doc);
      expect([role, res.status, res.body.code]).toEqual([role, 403, 'FORBIDDEN']);
    }
    const anonymous = await t.http.post('/imports/plan').attach('file', doc.bytes, doc.name);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const noCsrf = await admin.agent.post('/imports/plan').attach('file', doc.bytes, doc.name);
    expect([noCsrf.status, noCsrf.body.code]).toEqual([403, 'FORBIDDEN']);
    const big = await admin.upload('/imports/plan', {
      name: '要点.txt',
      bytes: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61),
    });
    expect([big.status, big.body.message]).toEqual([413, '文件过大，不能超过 10 MB']);
    const pasted = await admin.upload('/imports/plan', null, { text: doc.bytes.toString('utf8'), year: '2026' });
    expect(pasted.status).toBe(201);
    const { rows } = await t.db.query(`SELECT tenant_id, source_filename FROM plan WHERE id = $1`, [pasted.body.id]);
    expect(rows[0]).toEqual({ tenant_id: tenant.id, source_filename: null });
  });

  it('explains what it cannot import', async () => {
    // Nothing numbered and no year: the form asks for the year; with it, an empty draft to mark up.
    const empty = await uploadPlan(admin, { text: '这是一段普通的说明文字，没有编号条目。' });
    expect(empty.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
    const emptyDraft = (await uploadPlanOk(admin, { text: '这是一段普通的说明文字，没有编号条目。', year: 2026 }))
      .importPlan;
    expect([emptyDraft.status, (await tree(emptyDraft.id)).keyPoints]).toEqual(['DRAFT', []]);
    const broken = await admin.upload('/imports/plan', { name: '要点.docx', bytes: Buffer.from('not really a docx') });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    const oldWord = await admin.upload('/imports/plan', {
      name: '要点.doc',
      bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]),
    });
    expect(oldWord.body.message).toContain('.docx');
    const nothing = await uploadPlan(admin, {});
    expect((nothing.errors![0].extensions as any).field).toBe('text');
    const noYear = await uploadPlan(admin, { text: '一、公开\n1.公开规划信息。(牵头单位:市财政局)' });
    expect((noYear.errors![0].extensions as any).field).toBe('year');
    const withYear = await uploadPlanOk(admin, { text: '一、公开\n1.公开规划信息。(牵头单位:市财政局)', year: 2027 });
    expect(withYear.importPlan.year).toBe(2027);
  });
});
