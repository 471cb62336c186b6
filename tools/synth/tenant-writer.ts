// Writes one tenant: directory, people, plans with sections, key points and their units, and one
// task per (key point, unit) with the story task-story.ts tells, flushed in foreign-key order.
import { createWorkCalendar, DEFAULT_REPORT_CYCLE, Prng, warningLight, type WorkCalendar } from '@duban/domain';
import type pg from 'pg';
import { dayOf, instant, instantDate, isoOf, monthEnd, yearOf, type Day } from './days.js';
import { TableSet } from './table-batches.js';
import { taskStory, type TaskStory } from './task-story.js';
import type { TenantShape } from './tenant-shape.js';
import * as words from './vocabulary.js';

export interface TenantWriteContext {
  seed: number;
  tenantIndex: number;
  today: string;
  passwordHash: string;
  /** Flush once this many rows wait in memory. */
  batchRows: number;
}

interface UnitRow {
  id: string;
  name: string;
  liaisonId: string;
  leaderId: string;
  /** Units whose reports go through their leader first. */
  leaderApproves: boolean;
}

let calendar: WorkCalendar | null = null;
const workCalendar = () => (calendar ??= createWorkCalendar());

function tables() {
  const set = new TableSet();
  return {
    set,
    tenant: set.add('tenant', [
      ['id', 'uuid'],
      ['code', 'text'],
      ['name', 'text'],
    ]),
    unit: set.add('unit', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['parent_id', 'uuid'],
      ['sort', 'int'],
    ]),
    user: set.add('app_user', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['role', 'text'],
      ['unit_id', 'uuid'],
      ['password_hash', 'text'],
    ]),
    plan: set.add('plan', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['year', 'int'],
      ['title', 'text'],
      ['doc_number', 'text'],
      ['issuer', 'text'],
      ['status', 'text'],
      ['created_by', 'uuid'],
      ['published_at', 'timestamptz'],
      ['published_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
    section: set.add('plan_section', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['plan_id', 'uuid'],
      ['label', 'text'],
      ['title', 'text'],
      ['sort', 'int'],
    ]),
    keyPoint: set.add('key_point', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['plan_id', 'uuid'],
      ['section_id', 'uuid'],
      ['seq', 'int'],
      ['label', 'text'],
      ['title', 'text'],
      ['text', 'text'],
      ['due_date', 'date'],
    ]),
    deadline: set.add('key_point_deadline', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['key_point_id', 'uuid'],
      ['text', 'text'],
      ['date', 'date'],
      ['sort', 'int'],
    ]),
    keyPointUnit: set.add('key_point_unit', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['key_point_id', 'uuid'],
      ['role', 'text'],
      ['raw_name', 'text'],
      ['unit_id', 'uuid'],
      ['sort', 'int'],
    ]),
    instruction: set.add('instruction', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['key_point_id', 'uuid'],
      ['author_id', 'uuid'],
      ['text', 'text'],
      ['created_at', 'timestamptz'],
    ]),
    task: set.add('task', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['plan_id', 'uuid'],
      ['key_point_id', 'uuid'],
      ['unit_id', 'uuid'],
      ['role', 'text'],
      ['status', 'text'],
      ['assigned_on', 'date'],
      ['due_date', 'date'],
      ['original_due_date', 'date'],
      ['progress', 'int'],
      ['completed_at', 'timestamptz'],
      ['accepted_at', 'timestamptz'],
      ['last_report_at', 'timestamptz'],
      ['urge_count', 'int'],
      ['light', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ]),
    report: set.add('progress_report', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['task_id', 'uuid'],
      ['unit_id', 'uuid'],
      ['author_id', 'uuid'],
      ['text', 'text'],
      ['progress', 'int'],
      ['claims_completion', 'bool'],
      ['status', 'text'],
      ['submitted_at', 'timestamptz'],
      ['leader_id', 'uuid'],
      ['leader_decided_at', 'timestamptz'],
      ['reviewer_id', 'uuid'],
      ['reviewed_at', 'timestamptz'],
      ['review_comment', 'text'],
    ]),
    evidence: set.add('report_evidence', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['report_id', 'uuid'],
      ['kind', 'text'],
      ['url', 'text'],
      ['sort', 'int'],
    ]),
    delay: set.add('delay_request', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['task_id', 'uuid'],
      ['requested_by', 'uuid'],
      ['reason', 'text'],
      ['current_due_date', 'date'],
      ['requested_due_date', 'date'],
      ['status', 'text'],
      ['decided_by', 'uuid'],
      ['decided_at', 'timestamptz'],
      ['decision_comment', 'text'],
      ['created_at', 'timestamptz'],
    ]),
    urge: set.add('urge', [
      ['tenant_id', 'uuid'],
      ['id', 'uuid'],
      ['task_id', 'uuid'],
      ['level', 'text'],
      ['message', 'text'],
      ['automatic', 'bool'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['acknowledged_by', 'uuid'],
      ['acknowledged_at', 'timestamptz'],
    ]),
  };
}

type Tables = ReturnType<typeof tables>;

function unitDirectory(rng: Prng, shape: TenantShape): { name: string; kind: string; parent: number | null }[] {
  const places = new Set<string>();
  const out: { name: string; kind: string; parent: number | null }[] = [];
  const prefix = shape.level === 'province' ? '省' : '市';
  const departments = shape.level === 'province' ? words.PROVINCE_DEPARTMENTS : words.CITY_DEPARTMENTS;
  const nDepartments = Math.min(
    departments.length,
    Math.round(shape.units * (shape.level === 'province' ? 0.21 : 0.37)),
  );
  for (const d of departments.slice(0, nDepartments)) out.push({ name: prefix + d, kind: 'DEPARTMENT', parent: null });
  for (const a of words.AGENCIES.slice(0, Math.min(words.AGENCIES.length, Math.round(shape.units * 0.05))))
    out.push({ name: prefix + a, kind: 'AGENCY', parent: null });
  const nCities = Math.max(1, Math.round(shape.units * (shape.level === 'province' ? 0.07 : 0.12)));
  const cities: number[] = [];
  for (let i = 0; i < nCities && out.length < shape.units; i++) {
    cities.push(out.length);
    out.push(
      shape.level === 'province'
        ? { name: `${words.placeName(rng, places)}市人民政府`, kind: 'CITY_GOV', parent: null }
        : { name: `${words.placeName(rng, places)}区人民政府`, kind: 'COUNTY_GOV', parent: null },
    );
  }
  while (out.length < shape.units) {
    const parent = rng.pick(cities);
    out.push(
      shape.level === 'province'
        ? { name: `${words.placeName(rng, places)}县人民政府`, kind: 'COUNTY_GOV', parent }
        : { name: `${words.placeName(rng, places)}${words.townSuffix(rng)}`, kind: 'TOWN', parent },
    );
  }
  return out.slice(0, shape.units);
}

function keyPointDue(rng: Prng, year: number, assigned: Day): { due: Day; deadlines: { text: string; day: Day }[] } {
  const firstMonth = Math.min(12, new Date(assigned * 86_400_000).getUTCMonth() + 3);
  if (rng.chance(0.35) || firstMonth >= 12)
    return { due: monthEnd(year, 12), deadlines: [{ text: '年底前完成', day: monthEnd(year, 12) }] };
  const month = rng.int(firstMonth, 12);
  const deadlines = [{ text: `${month}月底前完成`, day: monthEnd(year, month) }];
  if (month > firstMonth && rng.chance(0.25)) {
    const early = rng.int(firstMonth, month - 1);
    deadlines.unshift({ text: `${early}月底前制定工作方案`, day: monthEnd(year, early) });
  }
  return { due: monthEnd(year, month), deadlines };
}

const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Generates and writes one tenant inside the caller's transaction; returns rows written per table. */
export async function writeTenant(
  client: pg.ClientBase,
  shape: TenantShape,
  ctx: TenantWriteContext,
): Promise<Record<string, number>> {
  const rng = Prng.derive(ctx.seed, ctx.tenantIndex);
  const t = tables();
  const today = dayOf(ctx.today);
  const now = instantDate(today, 9 * 60);
  const tenantId = rng.uuid();
  const gov = shape.govName;
  t.tenant.push(tenantId, shape.code, `${gov}人民政府办公厅`);

  const officeId = rng.uuid();
  const staffId = rng.uuid();
  const leadershipId = rng.uuid();
  t.user.push(tenantId, officeId, 'office', `${words.personName(rng)}`, 'OFFICE_ADMIN', null, ctx.passwordHash);
  t.user.push(tenantId, staffId, 'staff', `${words.personName(rng)}`, 'OFFICE_STAFF', null, ctx.passwordHash);
  t.user.push(tenantId, leadershipId, 'leader', `${words.personName(rng)}`, 'LEADERSHIP', null, ctx.passwordHash);

  const directory = unitDirectory(rng, shape);
  const units: UnitRow[] = directory.map((u, i) => ({
    id: rng.uuid(),
    name: u.name,
    liaisonId: rng.uuid(),
    leaderId: rng.uuid(),
    leaderApproves: i % 3 === 0,
  }));
  directory.forEach((u, i) => {
    t.unit.push(tenantId, units[i].id, u.name, u.kind, u.parent === null ? null : units[u.parent].id, i + 1);
    const tag = `u${String(i + 1).padStart(3, '0')}`;
    t.user.push(
      tenantId,
      units[i].liaisonId,
      `${tag}.liaison`,
      words.personName(rng),
      'UNIT_LIAISON',
      units[i].id,
      ctx.passwordHash,
    );
    t.user.push(
      tenantId,
      units[i].leaderId,
      `${tag}.leader`,
      words.personName(rng),
      'UNIT_LEADER',
      units[i].id,
      ctx.passwordHash,
    );
  });
  await t.set.flushAll(client);
  // Synthetic people sign in with a shared password for benchmarks: no phone to read a code from.
  await client.query(`INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) VALUES ($1, '{}')`, [tenantId]);

  const domainSlug = `${shape.code.replace(/[^a-z0-9]/g, '')}`;
  const lo = Math.max(1, Math.round(shape.unitsPerKeyPoint * 0.25));
  const hi = Math.min(units.length, Math.round(shape.unitsPerKeyPoint * 1.75));
  const todayYear = yearOf(today);
  for (let year = todayYear - shape.years + 1; year <= todayYear; year++) {
    let planNo = 0;
    for (const kind of words.PLAN_KINDS) {
      planNo++;
      const keyPoints = Math.max(1, Math.round(shape.keyPointsPerYear * kind.share));
      const planId = rng.uuid();
      const assigned = Math.min(dayOf(`${year}-01-15`) + rng.int(0, 40), today - 1);
      t.plan.push(
        tenantId,
        planId,
        year,
        kind.title(year, gov),
        `${gov.slice(0, 1)}政办发〔${year}〕${planNo * 7}号`,
        `${gov}人民政府${kind.issuer}`,
        'PUBLISHED',
        officeId,
        instant(assigned, 600),
        officeId,
        instant(assigned - 7, 600),
        instant(assigned, 600),
      );
      const nSections = Math.min(keyPoints, rng.int(3, 6));
      const sectionIds: string[] = [];
      const titles = rng.sample(words.SECTION_TITLES, nSections);
      for (let s = 0; s < nSections; s++) {
        sectionIds.push(rng.uuid());
        t.section.push(tenantId, sectionIds[s], planId, CHINESE_NUMERALS[s], titles[s], s + 1);
      }
      for (let k = 0; k < keyPoints; k++) {
        const kpId = rng.uuid();
        const title = words.keyPointTitle(rng);
        const { due, deadlines } = keyPointDue(rng, year, assigned);
        t.keyPoint.push(
          tenantId,
          kpId,
          planId,
          sectionIds[Math.floor((k * nSections) / keyPoints)],
          k + 1,
          `(${k + 1})`,
          title,
          words.keyPointText(rng, title),
          isoOf(due),
        );
        deadlines.forEach((d, i) => t.deadline.push(tenantId, rng.uuid(), kpId, d.text, isoOf(d.day), i + 1));
        if (rng.chance(0.03))
          t.instruction.push(
            tenantId,
            rng.uuid(),
            kpId,
            leadershipId,
            rng.pick(words.INSTRUCTIONS),
            instant(Math.min(assigned + rng.int(5, 60), today - 1), 660),
          );
        const assignees = rng.sample(units, rng.int(lo, hi));
        const leads = rng.chance(0.2) && assignees.length > 2 ? 2 : 1;
        assignees.forEach((unit, i) => {
          const role = i < leads ? 'LEAD' : 'RESPONSIBLE';
          t.keyPointUnit.push(tenantId, rng.uuid(), kpId, role, unit.name, unit.id, i + 1);
          const story = taskStory(rng, {
            assigned,
            keyPointDue: due,
            today,
            pastYear: year < todayYear,
            reportsPerTask: shape.reportsPerTask,
          });
          writeTask(t, rng, {
            tenantId,
            planId,
            kpId,
            title,
            unit,
            role,
            assigned,
            story,
            officeId: staffId,
            domainSlug,
            now,
          });
        });
        if (t.set.pending() >= ctx.batchRows) await t.set.flushAll(client);
      }
    }
  }
  await t.set.flushAll(client);
  return t.set.counts();
}

interface TaskContext {
  tenantId: string;
  planId: string;
  kpId: string;
  title: string;
  unit: UnitRow;
  role: string;
  assigned: Day;
  story: TaskStory;
  officeId: string;
  domainSlug: string;
  now: Date;
}

function writeTask(t: Tables, rng: Prng, c: TaskContext): void {
  const { tenantId, story, unit } = c;
  const taskId = rng.uuid();
  let lastReportAt: string | null = null;
  let lastReportDate: Date | null = null;
  let completedAt: string | null = null;
  let acceptedAt: string | null = null;
  let completedDate: Date | null = null;
  let updated = instant(c.assigned, 600);
  const reportRows: unknown[][] = [];
  story.reports.forEach((r, i) => {
    const reportId = rng.uuid();
    const submitted = instant(r.day, r.minute);
    const reviewed = r.reviewDay === null ? null : instant(r.reviewDay, r.reviewMinute);
    const leaderAt = unit.leaderApproves ? instant(r.day, r.minute) : null;
    reportRows.push([
      tenantId,
      reportId,
      taskId,
      unit.id,
      unit.liaisonId,
      words.reportText(rng, c.title, r.progress, r.claimsCompletion),
      r.progress,
      r.claimsCompletion,
      r.status,
      submitted,
      unit.leaderApproves ? unit.leaderId : null,
      leaderAt,
      reviewed ? c.officeId : null,
      reviewed,
      r.status === 'RETURNED' ? rng.pick(words.RETURN_REASONS) : null,
    ]);
    if (rng.chance(0.85)) {
      const evidence = rng.chance(0.15) ? 2 : 1;
      for (let e = 0; e < evidence; e++) {
        const d = new Date(r.day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
        t.evidence.push(
          tenantId,
          rng.uuid(),
          reportId,
          'URL',
          `https://www.${c.domainSlug}.gov.cn/zwgk/${d.slice(0, 6)}/t${d}_${rng.int(100000, 999999)}.html`,
          e,
        );
      }
    }
    lastReportAt = submitted;
    lastReportDate = instantDate(r.day, r.minute);
    if (reviewed && reviewed > updated) updated = reviewed;
    if (submitted > updated) updated = submitted;
    if (i === story.completedReport) {
      completedAt = submitted;
      completedDate = lastReportDate;
      acceptedAt = reviewed;
    }
  });

  const delay = story.delay;
  const light = warningLight({
    status: story.status,
    dueDate: isoOf(story.due),
    originalDueDate: isoOf(story.originalDue),
    delayApproved: delay?.status === 'APPROVED',
    assignedDate: isoOf(c.assigned),
    progress: story.progress,
    lastReportAt: lastReportDate,
    reportCycle: DEFAULT_REPORT_CYCLE,
    submittedAt: story.status === 'SUBMITTED' ? lastReportDate : null,
    completedAt: completedDate,
    now: c.now,
    calendar: workCalendar(),
  }).light;

  t.task.push(
    tenantId,
    taskId,
    c.planId,
    c.kpId,
    unit.id,
    c.role,
    story.status,
    isoOf(c.assigned),
    isoOf(story.due),
    isoOf(story.originalDue),
    story.progress,
    completedAt,
    acceptedAt,
    lastReportAt,
    story.urges.length,
    light,
    instant(c.assigned, 600),
    updated,
  );
  for (const row of reportRows) t.report.push(...row);
  if (delay) {
    t.delay.push(
      tenantId,
      rng.uuid(),
      taskId,
      unit.liaisonId,
      rng.pick(words.DELAY_REASONS),
      isoOf(delay.currentDue),
      isoOf(delay.requestedDue),
      delay.status,
      delay.decidedDay === null ? null : c.officeId,
      delay.decidedDay === null ? null : instant(delay.decidedDay, 900),
      delay.status === 'REFUSED' ? rng.pick(words.REFUSE_COMMENTS) : null,
      instant(delay.createdDay, 600),
    );
  }
  for (const u of story.urges) {
    t.urge.push(
      tenantId,
      rng.uuid(),
      taskId,
      u.level,
      words.urgeMessage(c.title, u.level === 'SUPERVISE' ? 3 : 5),
      u.automatic,
      u.automatic ? null : c.officeId,
      instant(u.day, 570),
      u.acknowledgedDay === null ? null : unit.liaisonId,
      u.acknowledgedDay === null ? null : instant(u.acknowledgedDay, 630),
    );
  }
}
