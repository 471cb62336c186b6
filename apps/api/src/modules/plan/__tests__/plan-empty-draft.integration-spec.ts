import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { uploadPlan, uploadPlanOk } from '../../../../test/plan-import.js';

const CREATE = `mutation($input: CreatePlanInput!) { createPlan(input: $input) { id version year title docNumber status sourceText } }`;
const TREE = `query($id: ID!) { plan(id: $id) {
  id version year title status sourceText parseWarnings
  sections { id label title sort }
  milestones { id text date }
  keyPoints { id version seq label title text dueDate sectionId deadlines { id text date } units { rawName role unit { name } } }
} }`;
const MARK = `mutation($planId: ID!, $version: Int!, $input: MarkSourceInput!) { markSource(planId: $planId, version: $version, input: $input) { id version } }`;
const DELETE_SECTION = `mutation($id: ID!, $version: Int!) { deletePlanSection(id: $id, version: $version) { id version } }`;
const ADD_KP = `mutation($input: AddKeyPointInput!) { addKeyPoint(input: $input) { id version title dueDate } }`;
const DELETE_KP = `mutation($id: ID!, $version: Int!) { deleteKeyPoint(id: $id, version: $version) }`;
const ADD_DEADLINE = `mutation($keyPointId: ID!, $version: Int!, $input: DeadlineInput!) { addKeyPointDeadline(keyPointId: $keyPointId, version: $version, input: $input) { id version deadlines { id text date } } }`;
const REMOVE_DEADLINE = `mutation($id: ID!, $version: Int!) { removeKeyPointDeadline(id: $id, version: $version) { id version deadlines { id } } }`;
const ADD_MILESTONE = `mutation($planId: ID!, $version: Int!, $input: DeadlineInput!) { addPlanMilestone(planId: $planId, version: $version, input: $input) { id version } }`;
const REMOVE_MILESTONE = `mutation($id: ID!, $version: Int!) { removePlanMilestone(id: $id, version: $version) { id version } }`;
const UPDATE_PLAN = `mutation($id: ID!, $version: Int!, $input: UpdatePlanInput!) { updatePlan(id: $id, version: $version, input: $input) { id version year title docNumber issuer } }`;

// A ministry's arrangement as pasted from its website: headings lost their numbers, no year.
const ARRANGEMENT = [
  '国家某局政务公开工作安排',
  '加强政策解读',
  '围绕重点工作做好政策解读，及时回应社会关切。做好政策文件解读工作，6月底前完成。（牵头单位：办公室；责任单位：各有关司局）',
  '推进平台建设',
  '加强门户网站建设，年底前完成栏目优化。（牵头单位：信息中心）',
  '做好政务新媒体管理工作。',
].join('\n');

/** When the parser finds nothing there is still a way on: a draft, marking lines in its source, adding by hand, an empty plan. */
describe('drafts the parser could not fill', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('国家某局办公室');
    await f.unit(tenant, '办公室', 'OFFICE');
    await f.unit(tenant, '信息中心', 'AGENCY');
    await f.unit(tenant, '政策法规司');
    office = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(() => t.close());

  const tree = async (id = planId) => (await office.ok(TREE, { id })).plan;
  const mark = async (text: string, as: 'KEY_POINT' | 'SECTION', id = planId) => {
    const p = await tree(id);
    return office.gql(MARK, { planId: id, version: p.version, input: { start: p.sourceText.indexOf(text), text, as } });
  };

  it('asks for the year in the form when the document has none, without command-line hints', async () => {
    const out = await uploadPlan(office, { text: ARRANGEMENT });
    expect(out.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'year' } });
    expect(out.errors![0].message).toContain('年度');
    expect(out.errors![0].message).not.toContain('--');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM plan WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].n).toBe(0);
  });

  it('makes a draft of what was found, even no key point, keeping the source to mark in', async () => {
    const { importPlan } = await uploadPlanOk(office, { text: ARRANGEMENT, year: 2026 });
    planId = importPlan.id;
    const p = await tree();
    expect(p).toMatchObject({ year: 2026, status: 'DRAFT', sourceText: ARRANGEMENT, keyPoints: [], sections: [] });
    expect(p.parseWarnings).toContainEqual(expect.stringContaining('没有找到编号的工作事项'));
    expect(p.parseWarnings.join()).not.toContain('--year');
  });

  it('marks headings as sections, and a sentence as a key point: units, time limits and section read from it', async () => {
    expect((await mark('推进平台建设', 'SECTION')).errors).toBeUndefined();
    expect((await mark('加强政策解读', 'SECTION')).errors).toBeUndefined();
    expect((await tree()).sections.map((s: any) => [s.title, s.sort])).toEqual([
      ['加强政策解读', 1],
      ['推进平台建设', 2],
    ]);
    const out = await mark(
      '做好政策文件解读工作，6月底前完成。（牵头单位：办公室；责任单位：各有关司局）',
      'KEY_POINT',
    );
    expect(out.errors).toBeUndefined();
    const [kp] = (await tree()).keyPoints;
    const p = await tree();
    expect(kp).toMatchObject({
      label: '',
      title: '做好政策文件解读工作，6月底前完成',
      dueDate: '2026-06-30',
      sectionId: p.sections[0].id,
    });
    expect(kp.deadlines).toEqual([expect.objectContaining({ text: '6月底前', date: '2026-06-30' })]);
    // 各有关司局 is a name the directory does not hold: it waits, like any parsed name, for a decision.
    expect(kp.units).toEqual([
      { rawName: '办公室', role: 'LEAD', unit: { name: '办公室' } },
      { rawName: '各有关司局', role: 'RESPONSIBLE', unit: null },
    ]);
  });

  it('places a marked line where it stands in the document, before key points written after it', async () => {
    expect((await mark('做好政务新媒体管理工作。', 'KEY_POINT')).errors).toBeUndefined();
    expect(
      (await mark('加强门户网站建设，年底前完成栏目优化。（牵头单位：信息中心）', 'KEY_POINT')).errors,
    ).toBeUndefined();
    const p = await tree();
    expect(p.keyPoints.map((k: any) => k.title)).toEqual([
      '做好政策文件解读工作，6月底前完成',
      '加强门户网站建设，年底前完成栏目优化',
      '做好政务新媒体管理工作',
    ]);
    expect(p.keyPoints.map((k: any) => k.seq)).toEqual([1, 2, 3]);
    expect(p.keyPoints.slice(1).map((k: any) => k.sectionId)).toEqual([p.sections[1].id, p.sections[1].id]);
    expect(p.keyPoints[1]).toMatchObject({
      dueDate: '2026-12-31',
      units: [{ rawName: '信息中心', role: 'LEAD', unit: { name: '信息中心' } }],
    });
  });

  it('marks a line as a section: the key points written under it join it; deleting it gives them back', async () => {
    expect((await mark('围绕重点工作做好政策解读，及时回应社会关切。', 'SECTION')).errors).toBeUndefined();
    let p = await tree();
    expect(p.sections.map((s: any) => [s.label, s.title, s.sort])).toEqual([
      ['', '加强政策解读', 1],
      ['', '围绕重点工作做好政策解读，及时回应社会关切', 2],
      ['', '推进平台建设', 3],
    ]);
    const marked = p.sections[1];
    expect(p.keyPoints[0].sectionId).toBe(marked.id);
    expect(p.keyPoints.slice(1).map((k: any) => k.sectionId)).toEqual([p.sections[2].id, p.sections[2].id]);
    expect(errorCode(await office.gql(DELETE_SECTION, { id: marked.id, version: p.version - 1 }))).toBe('CONFLICT');
    expect((await office.gql(DELETE_SECTION, { id: marked.id, version: p.version })).errors).toBeUndefined();
    p = await tree();
    expect(p.sections.map((s: any) => s.title)).toEqual(['加强政策解读', '推进平台建设']);
    expect(p.keyPoints[0].sectionId).toBe(p.sections[0].id);
  });

  it('refuses a selection that is not in the source, and a stale version', async () => {
    const p = await tree();
    const missing = await office.gql(MARK, {
      planId,
      version: p.version,
      input: { start: 0, text: '原文中没有这句话', as: 'KEY_POINT' },
    });
    expect(missing.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'text' } });
    const stale = await office.gql(MARK, {
      planId,
      version: p.version - 1,
      input: { start: 0, text: '加强政策解读', as: 'SECTION' },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await tree()).keyPoints).toHaveLength(3);
  });

  it('starts an empty plan, and mends it by hand: key points, time limits, milestones, the plan itself', async () => {
    const { createPlan } = await office.ok(CREATE, {
      input: {
        title: '2026年政务公开工作安排',
        year: 2026,
        docNumber: '某局办发〔2026〕5号',
        issuer: '国家某局办公室',
      },
    });
    expect(createPlan).toMatchObject({
      status: 'DRAFT',
      year: 2026,
      docNumber: '某局办发〔2026〕5号',
      sourceText: null,
    });
    const id = createPlan.id;
    const noSource = await office.gql(MARK, {
      planId: id,
      version: createPlan.version,
      input: { start: 0, text: '任何文字', as: 'KEY_POINT' },
    });
    expect(noSource.errors![0]).toMatchObject({
      message: expect.stringContaining('添加要点'),
      extensions: { code: 'BAD_USER_INPUT' },
    });

    const { addKeyPoint } = await office.ok(ADD_KP, {
      input: { planId: id, title: '做好政策解读', dueDate: '2026-06-30' },
    });
    const { addKeyPointDeadline } = await office.ok(ADD_DEADLINE, {
      keyPointId: addKeyPoint.id,
      version: addKeyPoint.version,
      input: { text: '6月底前', date: '2026-06-30' },
    });
    expect(addKeyPointDeadline.deadlines).toEqual([expect.objectContaining({ text: '6月底前', date: '2026-06-30' })]);
    const removed = await office.ok(REMOVE_DEADLINE, {
      id: addKeyPointDeadline.deadlines[0].id,
      version: addKeyPointDeadline.version,
    });
    expect(removed.removeKeyPointDeadline.deadlines).toEqual([]);
    await office.ok(ADD_DEADLINE, {
      keyPointId: addKeyPoint.id,
      version: removed.removeKeyPointDeadline.version,
      input: { text: '9月底前', date: '2026-09-30' },
    });

    let p = await tree(id);
    const { addPlanMilestone } = await office.ok(ADD_MILESTONE, {
      planId: id,
      version: p.version,
      input: { text: '11月底前总结', date: '2026-11-30' },
    });
    p = await tree(id);
    expect(p.milestones).toEqual([expect.objectContaining({ text: '11月底前总结', date: '2026-11-30' })]);

    // The year was wrong: moving it moves every dated time limit with it.
    const { updatePlan } = await office.ok(UPDATE_PLAN, {
      id,
      version: addPlanMilestone.version,
      input: { year: 2027, title: '2027年政务公开工作安排', issuer: null },
    });
    expect(updatePlan).toMatchObject({
      year: 2027,
      title: '2027年政务公开工作安排',
      issuer: null,
      docNumber: '某局办发〔2026〕5号',
    });
    p = await tree(id);
    expect(p.keyPoints[0]).toMatchObject({
      dueDate: '2027-06-30',
      deadlines: [expect.objectContaining({ date: '2027-09-30' })],
    });
    expect(p.milestones[0].date).toBe('2027-11-30');

    expect((await office.gql(REMOVE_MILESTONE, { id: p.milestones[0].id, version: p.version })).errors).toBeUndefined();
    expect(await office.ok(DELETE_KP, { id: p.keyPoints[0].id, version: p.keyPoints[0].version })).toEqual({
      deleteKeyPoint: true,
    });
    p = await tree(id);
    expect([p.keyPoints, p.milestones]).toEqual([[], []]);
  });
});
