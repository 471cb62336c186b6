import { Prng, type IsoDate } from '@duban/domain';
import { rows } from '../common/sql.js';
import type { Viewer } from '../common/viewer.js';
import { LevelUrgeService } from '../modules/levels/level-urge.service.js';
import { UpperPlanPointService } from '../modules/levels/upper-plan-point.service.js';
import { TaskLightService } from '../modules/task/index.js';
import type { DemoContext } from './demo-context.js';
import { DEMO_LOWER_TENANTS } from './demo-data.js';
import { DEMO_SEED } from './demo-story.js';

interface CityOffice {
  tenantId: string;
  city: (typeof DEMO_LOWER_TENANTS)[number];
  office: Viewer;
}

/**
 * 上下联动 in the demo: each city under the province takes up a share of the province's key points of
 * this year in its own published plan (linked, as its office would confirm them), its units' tasks at
 * the stage its diligence brings them to; then the province urges the city lagging most about a key
 * point it has not taken up and one with overdue tasks, and one of the urges is acknowledged.
 * The cities' plans are written directly (the province's year already shows every workflow);
 * the links' copies, the lights and the urges go through the services.
 */
export async function seedDemoLevels(ctx: DemoContext, year: number): Promise<void> {
  const cities = await cityOffices(ctx);
  for (const c of cities) {
    await ctx.service(UpperPlanPointService).refresh(c.tenantId);
    await seedCityPlan(ctx, c, year);
    await ctx.service(TaskLightService).recomputeForTenant(c.tenantId, ctx.now);
  }
  const urges = ctx.service(LevelUrgeService);
  const upper = await rows<{ id: string; seq: number }>(
    ctx.ds,
    `SELECT k.id, k.seq FROM key_point k JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id
      WHERE k.tenant_id = $1 AND p.year = $2 AND p.status <> 'DRAFT' ORDER BY k.seq`,
    [ctx.tenantId, year],
  );
  const laggard = cities[cities.length - 1]!;
  const leader = cities[0]!;
  // The last key point is one the lagging city left out (a gap); the first is one where it runs late.
  await urges.urge(
    ctx.office,
    laggard.tenantId,
    upper[upper.length - 1]!.id,
    '请对照省工作要点补充落实措施，并于本月底前报送。',
  );
  await urges.urge(ctx.office, laggard.tenantId, upper[0]!.id, '请督促承办单位抓紧办理，并按时报送进展。');
  const acknowledged = await urges.urge(ctx.office, leader.tenantId, upper[0]!.id, '请保持进度，按期完成。');
  const [inbox] = await rows<{ id: string }>(
    ctx.ds,
    `SELECT id FROM level_urge_inbox WHERE tenant_id = $1 AND sent_id = $2`,
    [leader.tenantId, acknowledged.id],
  );
  await urges.acknowledge(leader.office, inbox!.id);
}

async function cityOffices(ctx: DemoContext): Promise<CityOffice[]> {
  const found = await rows<{ tenant_id: string; code: string; id: string; display_name: string }>(
    ctx.ds,
    `SELECT t.id AS tenant_id, t.code, u.id, u.display_name FROM tenant t
       JOIN app_user u ON u.tenant_id = t.id AND u.username = 'ban-staff'
      WHERE t.upper_tenant_id = $1 AND t.demo AND t.code = ANY($2)`,
    [ctx.tenantId, DEMO_LOWER_TENANTS.map((c) => c.code)],
  );
  return DEMO_LOWER_TENANTS.flatMap((city) => {
    const r = found.find((x) => x.code === city.code);
    if (!r) return [];
    const office: Viewer = {
      tenantId: r.tenant_id,
      userId: r.id,
      sessionId: 'demo-seed',
      role: 'OFFICE_STAFF',
      unitId: null,
      username: 'ban-staff',
      displayName: r.display_name,
      csrfToken: '',
    };
    return [{ tenantId: r.tenant_id, city, office }];
  });
}

/** The city's plan: its key points each implementing one of the province's (the ones it took up), a task per unit. */
async function seedCityPlan(ctx: DemoContext, c: CityOffice, year: number): Promise<void> {
  const random = Prng.derive(DEMO_SEED, year, DEMO_LOWER_TENANTS.indexOf(c.city));
  const points = await rows<{ id: string; title: string; section_title: string | null }>(
    ctx.ds,
    `SELECT id, title, section_title FROM upper_plan_point WHERE tenant_id = $1 AND plan_year = $2 ORDER BY seq`,
    [c.tenantId, year],
  );
  // Taken up: a share of the province's key points, always leaving out the last (the demo's gap).
  const taken = points.slice(0, -1).filter((_, i) => i === 0 || random.next() < c.city.covers);
  const units = await rows<{ id: string }>(ctx.ds, `SELECT id FROM unit WHERE tenant_id = $1 ORDER BY sort`, [
    c.tenantId,
  ]);
  const [plan] = await rows<{ id: string }>(
    ctx.ds,
    `INSERT INTO plan (tenant_id, year, title, status, published_at) VALUES ($1, $2, $3, 'PUBLISHED', now()) RETURNING id`,
    [c.tenantId, year, `${year}年${c.city.short}政务公开工作要点（演示）`],
  );
  const [section] = await rows<{ id: string }>(
    ctx.ds,
    `INSERT INTO plan_section (tenant_id, plan_id, label, title, sort) VALUES ($1, $2, '一', '落实省政务公开工作要点', 1) RETURNING id`,
    [c.tenantId, plan!.id],
  );
  for (const [i, point] of taken.entries()) {
    const [kp] = await rows<{ id: string }>(
      ctx.ds,
      `INSERT INTO key_point (tenant_id, plan_id, section_id, seq, label, title) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [c.tenantId, plan!.id, section!.id, i + 1, `(${i + 1})`, `结合${c.city.short}实际，${point.title}`],
    );
    await ctx.ds.query(
      `INSERT INTO key_point_upper_link (tenant_id, key_point_id, upper_point_id, created_by) VALUES ($1, $2, $3, $4)`,
      [c.tenantId, kp!.id, point.id, c.office.userId],
    );
    // Due dates spread around today; a diligent city finishes more of what is due.
    const due: IsoDate = ctx.calendar.addWorkingDays(ctx.today, -40 + Math.floor(random.next() * 150));
    const done = random.next() < c.city.diligence * (due <= ctx.today ? 1 : 0.4);
    const unit = units[i % units.length]!;
    const [task] = await rows<{ id: string }>(
      ctx.ds,
      `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, progress, assigned_on, due_date, original_due_date, completed_at, last_report_at)
       VALUES ($1, $2, $3, $4, 'LEAD', $5, $6, $7, $8, $8, $9, $9) RETURNING id`,
      [
        c.tenantId,
        plan!.id,
        kp!.id,
        unit.id,
        done ? 'DONE' : random.next() < 0.5 ? 'IN_PROGRESS' : 'NOT_STARTED',
        done ? 100 : 30,
        `${year}-01-15`,
        due,
        done ? ctx.now : null,
      ],
    );
    if (i === 0) await seedAcceptedReport(ctx, c, task!.id, unit.id);
  }
}

/**
 * An accepted report with an evidence file on the city's first task: what the province sees (and may
 * download) once the city turns 向上级共享 on; off, as every office starts.
 */
async function seedAcceptedReport(ctx: DemoContext, c: CityOffice, taskId: string, unitId: string): Promise<void> {
  const content = Buffer.from(`${c.city.short}政策解读专栏更新情况：已在门户网站发布解读材料 3 篇。\n`, 'utf8');
  const [file] = await rows<{ id: string }>(
    ctx.ds,
    `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, content, created_by)
     VALUES ($1, $2, 'text/plain; charset=utf-8', $3, encode(sha256($4), 'hex'), $4, $5) RETURNING id`,
    [c.tenantId, `${c.city.short}政策解读落实情况.txt`, content.length, content, c.office.userId],
  );
  const [report] = await rows<{ id: string }>(
    ctx.ds,
    `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, status, submitted_at, reviewer_id, reviewed_at)
     VALUES ($1, $2, $3, $4, $5, 60, 'ACCEPTED', $6, $4, $6) RETURNING id`,
    [c.tenantId, taskId, unitId, c.office.userId, `已在门户网站政策解读专栏发布解读材料 3 篇，后续按月更新。`, ctx.now],
  );
  await ctx.ds.query(
    `INSERT INTO report_evidence (tenant_id, report_id, kind, file_id, sort) VALUES ($1, $2, 'FILE', $3, 1)`,
    [c.tenantId, report!.id, file!.id],
  );
  await ctx.ds.query(`UPDATE task SET last_report_at = coalesce(last_report_at, $3) WHERE tenant_id = $1 AND id = $2`, [
    c.tenantId,
    taskId,
    ctx.now,
  ]);
}
