import { readFileSync } from 'node:fs';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { liaoningDirectory, PLAN_TREE } from './plan-test-data.js';
import { uploadPlanOk } from '../../../../test/plan-import.js';

const FIXTURE = new URL('./fixtures/liaoning-2021-key-points.txt', import.meta.url);
const SET_UNIT = `mutation($id: ID!, $version: Int!, $unitId: ID, $role: TaskRole) {
  setKeyPointUnit(id: $id, version: $version, unitId: $unitId, role: $role) { id version units { rawName role unit { name } } } }`;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishPlan(id: $id, version: $version) { id status version publishedAt } }`;
const AMEND = `mutation($id: ID!, $version: Int!, $input: AmendKeyPointInput!) { amendKeyPoint(id: $id, version: $version, input: $input) { id version dueDate } }`;

describe('plans from documents: import, resolve, publish, amend', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  let units: Awaited<ReturnType<typeof liaoningDirectory>>;
  let planId: string;
  let draft: any;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('辽宁省人民政府办公厅');
    units = await liaoningDirectory(f, tenant);
    office = await f.client(tenant, 'OFFICE_STAFF');
    // Key points without a time limit are due on the tenant's configured day (not 12-31 here).
    await t.db.query(`UPDATE tenant SET settings = settings || '{"defaultDueMonthDay":"12-25"}' WHERE id = $1`, [
      tenant.id,
    ]);
  });
  afterAll(() => t.close());

  const tree = async (id = planId) => (await office.ok(PLAN_TREE, { id })).plan;
  const unitsOf = (kp: any, role?: string) => kp.units.filter((u: any) => !role || u.role === role);

  it('imports the Liaoning 2021 key points as a draft with sections, items, time limits and proposed units', async () => {
    const uploaded = await office.upload('/imports/plan', {
      name: 'liaoning-2021-key-points.txt',
      bytes: readFileSync(FIXTURE),
    });
    expect(uploaded.status).toBe(201);
    planId = uploaded.body.id;
    draft = await tree();
    expect(draft).toMatchObject({
      year: 2021,
      title: '辽宁省2021年政务公开工作要点',
      docNumber: '辽政公领发〔2021〕1号',
    });
    expect(draft.sections.map((s: any) => s.label)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(draft.keyPoints).toHaveLength(22);
    expect(draft.keyPoints.map((k: any) => k.seq)).toEqual([...Array(22)].map((_, i) => i + 1));
    expect(draft.keyPoints[0]).toMatchObject({
      label: '1.',
      title: '全面公开各类规划信息',
      dueDate: null,
      section: { label: '一' },
    });
    expect(draft.keyPoints[13]).toMatchObject({
      title: '深入推进政府网站IPv6改造',
      dueDate: '2021-12-31',
      section: { label: '三' },
    });
    expect(draft.keyPoints[13].deadlines).toEqual([expect.objectContaining({ text: '年底前', date: '2021-12-31' })]);

    const first = draft.keyPoints[0];
    expect(unitsOf(first, 'LEAD').map((u: any) => u.unit.name)).toEqual([
      '省发展改革委',
      '省自然资源厅',
      '省政府办公厅',
    ]);
    // 各市政府 expands to every city; 省政府有关部门 to the departments not already named as lead.
    const cities = unitsOf(first, 'RESPONSIBLE').filter((u: any) => u.rawName === '各市政府');
    expect(cities.map((u: any) => u.unit.name).sort()).toEqual(
      ['大连市人民政府', '沈阳市人民政府', '鞍山市人民政府'].sort(),
    );
    const departments = unitsOf(first, 'RESPONSIBLE').filter((u: any) => u.rawName === '省政府有关部门');
    expect(departments.map((u: any) => u.unit.name).sort()).toEqual(
      ['省司法厅', '省卫生健康委', '省营商环境建设局', '省市场监管局', '省财政厅'].sort(),
    );
    expect(unitsOf(draft.keyPoints[7], 'LEAD').map((u: any) => u.unit.name)).toEqual([
      '省政府办公厅',
      '省营商环境建设局',
    ]);

    // The spam string in item 5 stays as written, unresolved, and is flagged.
    const spam = draft.keyPoints[4].units.find((u: any) => u.rawName === '即时比分');
    expect(spam).toMatchObject({ role: 'LEAD', resolution: 'UNRESOLVED', unit: null });
    expect(draft.unresolvedCount).toBe(1);
    expect(draft.publishPreview).toMatchObject({
      keyPoints: 22,
      unresolvedNames: 1,
      keyPointsWithoutUnits: 0,
      unitsInvolved: 11,
    });
    expect(draft.parseWarnings.some((w: string) => w.includes('即时比分'))).toBe(true);
    expect(draft.parseWarnings.some((w: string) => w.includes('省政府有关部门') && w.includes('部分单位'))).toBe(true);

    const { rows } = await t.db.query(`SELECT action, note FROM audit_log WHERE tenant_id = $1 AND entity_id = $2`, [
      tenant.id,
      planId,
    ]);
    expect(rows).toEqual([{ action: 'plan.import', note: 'liaoning-2021-key-points.txt' }]);
  });

  it('offers the closest units for a misspelt name pasted as text', async () => {
    const text =
      '测试省2021年政务公开工作要点\n一、公开\n1.公开规划信息。(牵头单位:省自然资源局)\n2.公开预算。年底前完成。(牵头单位:省财政厅)';
    const { importPlan } = await uploadPlanOk(office, { text });
    const plan = await tree(importPlan.id);
    const row = plan.keyPoints[0].units[0];
    expect(row).toMatchObject({ rawName: '省自然资源局', resolution: 'UNRESOLVED' });
    expect(row.candidates[0].unit.name).toBe('省自然资源厅');
    expect(row.candidates[0].score).toBeGreaterThan(0.5);
    expect(plan.keyPoints[1].units[0].candidates).toEqual([]);
  });

  it('refuses to publish while a name is unresolved, with the count', async () => {
    const out = await office.gql(PUBLISH, { id: planId, version: draft.version });
    expect(errorCode(out)).toBe('BAD_USER_INPUT');
    expect(out.errors![0].message).toContain('1 个单位名称');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM task WHERE tenant_id = $1`, [tenant.id]);
    expect(rows[0].n).toBe(0);
  });

  it('resolves a name to a unit already listed by a group: the rows merge and the unit stays lead', async () => {
    const kp = draft.keyPoints[4];
    const spam = kp.units.find((u: any) => u.rawName === '即时比分');
    const { setKeyPointUnit } = await office.ok(SET_UNIT, {
      id: spam.id,
      version: kp.version,
      unitId: units.justice.id,
    });
    expect(setKeyPointUnit.version).toBe(kp.version + 1);
    const justice = setKeyPointUnit.units.filter((u: any) => u.unit?.name === '省司法厅');
    expect(justice).toEqual([{ rawName: '即时比分', role: 'LEAD', unit: { name: '省司法厅' } }]);
    const stale = await office.gql(SET_UNIT, { id: spam.id, version: kp.version, unitId: units.justice.id });
    expect(errorCode(stale)).toBe('CONFLICT');
    draft = await tree();
    expect(draft.unresolvedCount).toBe(0);
  });

  it('publishes: one task per key point and unit, lead wins, due dates, milestones, one transaction', async () => {
    const expected = new Map<string, Map<string, string>>();
    for (const kp of draft.keyPoints) {
      const byUnit = new Map<string, string>();
      for (const u of kp.units) if (byUnit.get(u.unit.id) !== 'LEAD') byUnit.set(u.unit.id, u.role);
      expected.set(kp.id, byUnit);
    }
    const total = [...expected.values()].reduce((n, m) => n + m.size, 0);
    expect(draft.publishPreview.tasksToCreate).toBe(total);

    const { publishPlan } = await office.ok(PUBLISH, { id: planId, version: draft.version });
    expect(publishPlan.status).toBe('PUBLISHED');
    const { rows: tasks } = await t.db.query(
      `SELECT t.*, to_char(due_date, 'YYYY-MM-DD') AS due, to_char(original_due_date, 'YYYY-MM-DD') AS original_due,
              to_char(assigned_on, 'YYYY-MM-DD') AS assigned, (now() AT TIME ZONE 'Asia/Shanghai')::date::text AS today,
              (SELECT array_agg(text || '@' || date ORDER BY sort) FROM task_milestone m WHERE m.tenant_id = t.tenant_id AND m.task_id = t.id) AS milestones
       FROM task t WHERE tenant_id = $1 AND plan_id = $2`,
      [tenant.id, planId],
    );
    expect(tasks).toHaveLength(total);
    for (const task of tasks) {
      expect(expected.get(task.key_point_id)!.get(task.unit_id)).toBe(task.role);
      expect(task).toMatchObject({ status: 'NOT_STARTED', progress: 0, kind: 'NORMAL' });
      // Lit at publishing, not at the next daily run: a 2021 plan published today is overdue.
      if (task.due < task.today) expect(task.light).toBe('RED');
      expect(task.assigned).toBe(task.today);
      expect(task.original_due).toBe(task.due);
    }
    const first = tasks.filter((x) => x.key_point_id === draft.keyPoints[0].id);
    expect(new Set(first.map((x) => x.due))).toEqual(new Set(['2021-12-25']));
    expect(first.every((x) => x.milestones === null)).toBe(true);
    const fifth = tasks.filter((x) => x.key_point_id === draft.keyPoints[4].id);
    expect(fifth.every((x) => x.due === '2021-12-31' && x.milestones?.join() === '2021年底前@2021-12-31')).toBe(true);
    expect(fifth.find((x) => x.unit_id === units.justice.id)!.role).toBe('LEAD');

    const published = await tree();
    expect(published.keyPoints[0].dueDate).toBe('2021-12-25');
    const { rows: audit } = await t.db.query(
      `SELECT after FROM audit_log WHERE tenant_id = $1 AND entity_id = $2 AND action = 'plan.publish'`,
      [tenant.id, planId],
    );
    expect(audit[0].after.tasksCreated).toBe(total);
  });

  it('refuses to publish twice: stale version CONFLICT, current version BAD_USER_INPUT', async () => {
    const stale = await office.gql(PUBLISH, { id: planId, version: draft.version });
    expect(errorCode(stale)).toBe('CONFLICT');
    const current = await tree();
    const again = await office.gql(PUBLISH, { id: planId, version: current.version });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND plan_id = $2`, [
      tenant.id,
      planId,
    ]);
    expect(rows[0].n).toBe(draft.publishPreview.tasksToCreate);
  });

  it('amends a published key point: adds and removes units, moves open due dates, records the reason', async () => {
    const education = await f.unit(tenant, '省教育厅', 'DEPARTMENT');
    const kp = (await tree()).keyPoints[0];
    const {
      rows: [done],
    } = await t.db.query(
      `UPDATE task SET status = 'DONE', progress = 100 WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = $3 RETURNING id`,
      [tenant.id, kp.id, units.finance.id],
    );
    const reason = '根据省领导意见调整';
    const { amendKeyPoint } = await office.ok(AMEND, {
      id: kp.id,
      version: kp.version,
      input: {
        addUnits: [{ unitId: education.id, role: 'RESPONSIBLE' }],
        removeUnitIds: [units.anshan.id],
        dueDate: '2021-11-30',
        reason,
      },
    });
    expect(amendKeyPoint).toMatchObject({ version: kp.version + 1, dueDate: '2021-11-30' });
    const { rows: tasks } = await t.db.query(
      `SELECT id, unit_id, role, status, to_char(due_date, 'YYYY-MM-DD') AS due, to_char(original_due_date, 'YYYY-MM-DD') AS original_due
       FROM task WHERE tenant_id = $1 AND key_point_id = $2`,
      [tenant.id, kp.id],
    );
    expect(tasks.find((x) => x.unit_id === units.anshan.id)).toBeUndefined();
    expect(tasks.find((x) => x.unit_id === education.id)).toMatchObject({
      role: 'RESPONSIBLE',
      due: '2021-11-30',
      original_due: '2021-11-30',
    });
    expect(tasks.find((x) => x.id === done.id)).toMatchObject({ due: '2021-12-25' });
    const open = tasks.filter((x) => x.id !== done.id && x.unit_id !== education.id);
    expect(open.length).toBeGreaterThan(5);
    expect(open.every((x) => x.due === '2021-11-30' && x.original_due === '2021-12-25')).toBe(true);

    const { rows: audit } = await t.db.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND note = $2 GROUP BY action ORDER BY action`,
      [tenant.id, reason],
    );
    expect(audit).toEqual([
      { action: 'key_point.amend', n: 1 },
      { action: 'task.add', n: 1 },
      { action: 'task.due_date.amend', n: open.length },
      { action: 'task.remove', n: 1 },
    ]);
  });

  it('will not remove a unit that has reported, and requires a reason', async () => {
    const kp = (await tree()).keyPoints[1];
    const {
      rows: [task],
    } = await t.db.query(`SELECT id FROM task WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = $3`, [
      tenant.id,
      kp.id,
      units.dalian.id,
    ]);
    const liaison = await f.user(tenant, 'UNIT_LIAISON', units.dalian);
    await t.db.query(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status) VALUES ($1, $2, $3, $4, '已完成栏目建设', 30, 'PENDING_OFFICE')`,
      [tenant.id, task.id, units.dalian.id, liaison.id],
    );
    const refused = await office.gql(AMEND, {
      id: kp.id,
      version: kp.version,
      input: { removeUnitIds: [units.dalian.id], reason: '调整' },
    });
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors![0].message).toContain('已报送进展，不能移除');
    const noReason = await office.gql(AMEND, {
      id: kp.id,
      version: kp.version,
      input: { dueDate: '2021-10-31', reason: '  ' },
    });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect((noReason.errors![0].extensions as any).field).toBe('reason');
    const tooEarly = await office.gql(AMEND, {
      id: kp.id,
      version: kp.version,
      input: { dueDate: '2020-10-31', reason: '调整' },
    });
    expect((tooEarly.errors![0].extensions as any).field).toBe('dueDate');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND key_point_id = $2 AND due_date = '2021-10-31'`,
      [tenant.id, kp.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('lets leadership add a 批示 that everyone reading the key point sees', async () => {
    const leader = await f.client(tenant, 'LEADERSHIP');
    const kp = draft.keyPoints[2];
    const { addInstruction } = await leader.ok(
      `mutation($id: ID!, $text: String!) { addInstruction(keyPointId: $id, text: $text) { id text authorName } }`,
      {
        id: kp.id,
        text: '请财政厅抓紧推进，月底前报送进展。',
      },
    );
    expect(addInstruction.authorName).toBe('LEADERSHIP用户');
    const read = await office.ok(
      `query($id: ID!) { plan(id: $id) { keyPoints { id instructions { text authorName } } } }`,
      { id: planId },
    );
    const withInstruction = read.plan.keyPoints.filter((k: any) => k.instructions.length);
    expect(withInstruction).toEqual([
      { id: kp.id, instructions: [{ text: '请财政厅抓紧推进，月底前报送进展。', authorName: 'LEADERSHIP用户' }] },
    ]);
  });

  describe('progress tree', () => {
    const PROGRESS = `query($id: ID!) { planProgress(planId: $id) {
      plan { id } sections { label keyPoints { keyPointId title taskCount averageProgress byStatus { status count } byLight { light count }
      tasks { taskId role status progress unit { name } } } } } }`;

    it('shows the office every section, key point and unit task with counts', async () => {
      await t.db.query(
        `UPDATE task SET status = 'IN_PROGRESS', progress = 50 WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id = $3`,
        [tenant.id, draft.keyPoints[2].id, units.finance.id],
      );
      const { planProgress } = await office.ok(PROGRESS, { id: planId });
      expect(planProgress.sections.map((s: any) => s.label)).toEqual(['一', '二', '三', '四', '五', '六']);
      const { rows } = await t.db.query(
        `SELECT key_point_id, count(*)::int AS n, avg(progress)::float AS avg, count(*) FILTER (WHERE status = 'IN_PROGRESS')::int AS in_progress
         FROM task WHERE tenant_id = $1 AND plan_id = $2 GROUP BY key_point_id`,
        [tenant.id, planId],
      );
      const keyPoints = planProgress.sections.flatMap((s: any) => s.keyPoints);
      expect(keyPoints).toHaveLength(22);
      for (const row of rows) {
        const kp = keyPoints.find((k: any) => k.keyPointId === row.key_point_id);
        expect(kp.taskCount).toBe(row.n);
        expect(kp.tasks).toHaveLength(row.n);
        expect(kp.averageProgress).toBeCloseTo(row.avg, 1);
        const inProgress = kp.byStatus.find((s: any) => s.status === 'IN_PROGRESS')?.count ?? 0;
        expect(inProgress).toBe(row.in_progress);
      }
      const third = keyPoints.find((k: any) => k.keyPointId === draft.keyPoints[2].id);
      expect(third.tasks.find((x: any) => x.unit.name === '省财政厅')).toMatchObject({
        role: 'LEAD',
        status: 'IN_PROGRESS',
        progress: 50,
      });
    });

    it('shows a co-unit only its own tasks, and a lead unit all tasks of the key points it leads', async () => {
      const city = await f.client(tenant, 'UNIT_LIAISON', units.shenyang);
      const cityView = (await city.ok(PROGRESS, { id: planId })).planProgress;
      const cityKeyPoints = cityView.sections.flatMap((s: any) => s.keyPoints);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND plan_id = $2 AND unit_id = $3`,
        [tenant.id, planId, units.shenyang.id],
      );
      expect(cityKeyPoints).toHaveLength(rows[0].n);
      expect(cityKeyPoints.every((k: any) => k.tasks.length === 1 && k.tasks[0].unit.name === '沈阳市人民政府')).toBe(
        true,
      );

      const finance = await f.client(tenant, 'UNIT_LEADER', units.finance);
      const financeView = (await finance.ok(PROGRESS, { id: planId })).planProgress;
      const led = financeView.sections
        .flatMap((s: any) => s.keyPoints)
        .find((k: any) => k.keyPointId === draft.keyPoints[2].id);
      const { rows: all } = await t.db.query(
        `SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND key_point_id = $2`,
        [tenant.id, draft.keyPoints[2].id],
      );
      expect(led.tasks).toHaveLength(all[0].n);
      expect(all[0].n).toBeGreaterThan(1);
      const coUnit = financeView.sections
        .flatMap((s: any) => s.keyPoints)
        .find((k: any) => k.keyPointId === draft.keyPoints[5].id);
      expect(coUnit.tasks.map((x: any) => x.unit.name)).toEqual(['省财政厅']);
    });
  });
});
