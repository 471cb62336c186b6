import type { TestApp } from '../../../../test/test-app.js';
import type { Factory, TestTenant, TestUnit } from '../../../../test/factory.js';

/** "Today" for these tests: 2026-11-23 10:00 in Shanghai. */
export const TODAY = '2026-11-23T02:00:00Z';

export interface Scenario {
  tenant: TestTenant;
  units: Record<'A' | 'B' | 'C' | 'D' | 'E', TestUnit>;
  planId: string;
  prevPlanId: string;
  sections: string[];
  tasks: Record<string, string>;
}

/** A Shanghai calendar day at 10:00 local time, as an instant. */
const at = (day: string) => `${day}T10:00:00+08:00`;

/**
 * A 2026 plan with known outcomes (see the expectations in scorecard.integration-spec.ts):
 * A leads KP1 and finishes on time, and is co-unit on KP2, on time;
 * B leads KP2 and finishes late (report late too), and is co-unit on KP3 with a due date moved
 *   without an approved delay (its delay was refused), finishing after the original date → late;
 * C leads KP3 with an approved delay and finishes before the new date → on time;
 * D is co-unit on KP1: two reports returned, one pending, two urges (and a REMIND that does not count);
 * E leads KP4 and is co-unit on KP5, both overdue now; one SUPERVISE urge; one open 整改 task.
 * 2025 plan: A leads an overdue task (never done), B finished on time.
 */
export async function buildScenario(t: TestApp, f: Factory): Promise<Scenario> {
  const tenant = await f.tenant();
  const units = {
    A: await f.unit(tenant, '甲局', 'DEPARTMENT'),
    B: await f.unit(tenant, '乙局', 'DEPARTMENT'),
    C: await f.unit(tenant, '丙局', 'DEPARTMENT'),
    D: await f.unit(tenant, '丁镇', 'TOWN'),
    E: await f.unit(tenant, '戊镇', 'TOWN'),
  };
  const q = (sql: string, params: unknown[]) => t.db.query(sql, params).then((r) => r.rows);
  const plan = async (year: number) =>
    (
      await q(`INSERT INTO plan (tenant_id, year, title, status) VALUES ($1, $2, $3, 'PUBLISHED') RETURNING id`, [
        tenant.id,
        year,
        `${year}年政务公开工作要点`,
      ])
    )[0].id as string;
  const planId = await plan(2026);
  const prevPlanId = await plan(2025);
  const section = async (p: string, sort: number, label: string, title: string) =>
    (
      await q(
        `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [tenant.id, p, label, title, sort],
      )
    )[0].id as string;
  const s1 = await section(planId, 1, '一', '加强政策解读回应');
  const s2 = await section(planId, 2, '二', '推进决策公开[试点]');
  const prevSection = await section(prevPlanId, 1, '一', '上年要点');
  const kp = async (p: string, s: string, seq: number, title: string) =>
    (
      await q(
        `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [tenant.id, p, s, seq, `(${seq})`, title],
      )
    )[0].id as string;
  const kps = {
    KP1: await kp(planId, s1, 1, '做好重要政策解读'),
    KP2: await kp(planId, s1, 2, '加强政务舆情回应'),
    KP3: await kp(planId, s1, 3, '完善新闻发布制度'),
    KP4: await kp(planId, s2, 4, '推进重大决策预公开'),
    KP5: await kp(planId, s2, 5, '开展政府开放日活动'),
    P1: await kp(prevPlanId, prevSection, 1, '上年要点一'),
    P2: await kp(prevPlanId, prevSection, 2, '上年要点二'),
  };
  const task = async (
    p: string,
    k: string,
    unit: TestUnit,
    role: 'LEAD' | 'RESPONSIBLE',
    status: string,
    due: string,
    original: string,
    completedOn: string | null,
    extra: { kind?: string; origin?: string; progress?: number; urgeCount?: number } = {},
  ) =>
    (
      await q(
        `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, kind, origin_task_id, status, assigned_on, due_date, original_due_date,
                           completed_at, accepted_at, progress, urge_count, light)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15) RETURNING id`,
        [
          tenant.id,
          p,
          k,
          unit.id,
          role,
          extra.kind ?? 'NORMAL',
          extra.origin ?? null,
          status,
          `${due.slice(0, 4)}-01-10`,
          due,
          original,
          completedOn ? at(completedOn) : null,
          extra.progress ?? (completedOn ? 100 : 30),
          extra.urgeCount ?? 0,
          completedOn ? (completedOn > due ? 'DONE_LATE' : 'DONE') : due < '2026-11-23' ? 'RED' : 'GREEN',
        ],
      )
    )[0].id as string;
  const tasks = {
    A1: await task(planId, kps.KP1, units.A, 'LEAD', 'DONE', '2026-06-30', '2026-06-30', '2026-06-20'),
    A2: await task(planId, kps.KP2, units.A, 'RESPONSIBLE', 'DONE', '2026-09-30', '2026-09-30', '2026-09-01'),
    B2: await task(planId, kps.KP2, units.B, 'LEAD', 'DONE', '2026-09-30', '2026-09-30', '2026-10-15'),
    B3: await task(planId, kps.KP3, units.B, 'RESPONSIBLE', 'DONE', '2026-08-31', '2026-06-30', '2026-07-15'),
    C3: await task(planId, kps.KP3, units.C, 'LEAD', 'DONE', '2026-08-31', '2026-06-30', '2026-08-20'),
    D1: await task(planId, kps.KP1, units.D, 'RESPONSIBLE', 'IN_PROGRESS', '2026-12-31', '2026-12-31', null, {
      urgeCount: 3,
    }),
    E4: await task(planId, kps.KP4, units.E, 'LEAD', 'NOT_STARTED', '2026-10-31', '2026-10-31', null, {
      progress: 0,
      urgeCount: 1,
    }),
    E5: await task(planId, kps.KP5, units.E, 'RESPONSIBLE', 'IN_PROGRESS', '2026-09-30', '2026-09-30', null),
    PA: await task(prevPlanId, kps.P1, units.A, 'LEAD', 'NOT_STARTED', '2025-12-31', '2025-12-31', null, {
      progress: 0,
    }),
    PB: await task(prevPlanId, kps.P2, units.B, 'LEAD', 'DONE', '2025-10-31', '2025-10-31', '2025-10-01'),
  };
  const ER = await task(planId, kps.KP4, units.E, 'LEAD', 'IN_PROGRESS', '2026-12-31', '2026-12-31', null, {
    kind: 'RECTIFICATION',
    origin: tasks.E4,
  });

  const author = await f.user(tenant, 'OFFICE_STAFF');
  const report = async (
    taskId: string,
    unit: TestUnit,
    status: string,
    day: string,
    extra: { returned?: [string, string]; url?: string } = {},
  ) => {
    const [made] = await q(
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status, submitted_at, review_comment, reviewed_at)
       VALUES ($1, $2, $3, $4, $5, 50, $6, $7, $8, $9) RETURNING id`,
      [
        tenant.id,
        taskId,
        unit.id,
        author.id,
        `进展情况${day.slice(5)}`,
        status,
        at(day),
        extra.returned?.[1] ?? null,
        extra.returned ? at(extra.returned[0]) : null,
      ],
    );
    if (extra.url)
      await q(`INSERT INTO report_evidence (tenant_id, report_id, kind, url, sort) VALUES ($1, $2, 'URL', $3, 1)`, [
        tenant.id,
        made.id,
        extra.url,
      ]);
  };
  await report(tasks.A1, units.A, 'ACCEPTED', '2026-06-20');
  await report(tasks.B2, units.B, 'ACCEPTED', '2026-10-15');
  await report(tasks.C3, units.C, 'ACCEPTED', '2026-08-20');
  await report(tasks.D1, units.D, 'RETURNED', '2026-05-10', { returned: ['2026-05-12', '佐证材料不全'] });
  await report(tasks.D1, units.D, 'RETURNED', '2026-06-10', { returned: ['2026-06-12', '请补充发布截图'] });
  await report(tasks.D1, units.D, 'PENDING_OFFICE', '2026-07-10', { url: 'https://www.example.gov.cn/zwgk/d1.html' });
  await report(tasks.D1, units.D, 'LEADER_REJECTED', '2026-07-01'); // never reached the office: not counted

  const delay = (taskId: string, status: string, current: string, requested: string) =>
    q(
      `INSERT INTO delay_request (tenant_id, task_id, requested_by, reason, current_due_date, requested_due_date, status) VALUES ($1, $2, $3, '工作量大', $4, $5, $6)`,
      [tenant.id, taskId, author.id, current, requested, status],
    );
  await delay(tasks.C3, 'APPROVED', '2026-06-30', '2026-08-31');
  await delay(tasks.B3, 'REFUSED', '2026-06-30', '2026-08-31');

  const urge = (taskId: string, level: string) =>
    q(`INSERT INTO urge (tenant_id, task_id, level, message) VALUES ($1, $2, $3, '请抓紧推进')`, [
      tenant.id,
      taskId,
      level,
    ]);
  await urge(tasks.D1, 'URGE');
  await urge(tasks.D1, 'URGE');
  await urge(tasks.D1, 'REMIND');
  await urge(tasks.E4, 'SUPERVISE');

  return { tenant, units, planId, prevPlanId, sections: [s1, s2], tasks: { ...tasks, ER } };
}
