import { Prng } from '@duban/domain';
import { rows } from '../common/sql.js';
import { InstructionService } from '../modules/plan/instruction.service.js';
import { PublicPageService } from '../modules/public-page/public-page.service.js';
import { DelayService } from '../modules/supervision/delay.service.js';
import { UrgeService } from '../modules/supervision/urge.service.js';
import type { DemoContext, DemoTask } from './demo-context.js';
import { demoDocument } from './demo-document.js';
import { importAndPublish } from './demo-plan.js';
import { playReports, recordAcceptedChecks } from './demo-reports.js';
import { currentDueDates, DEMO_SEED, drawFate } from './demo-story.js';

const KEY_POINTS = 22;

/**
 * The plan in progress: key points falling due across the year around today, every unit's tasks at
 * the stage its diligence brings it to, then the office's supervision (delays decided, urges, a 批示),
 * and its public page turned on.
 */
export async function seedThisYear(ctx: DemoContext, source: string, year: number): Promise<string> {
  const dueDates = currentDueDates(ctx.today, ctx.calendar, year, KEY_POINTS);
  const planId = await importAndPublish(ctx, demoDocument(source, { year, dueDates }), year, dueDates);
  const random = Prng.derive(DEMO_SEED, year);
  const plays = (await ctx.tasksOf(planId)).map((task) => ({
    task,
    ...drawFate(random, {
      diligence: task.unit.diligence,
      dueIn: ctx.dueIn(task.dueDate),
      hasLeader: task.unit.leader !== null,
    }),
  }));
  await playReports(ctx, plays);
  const open = await openTasks(ctx, planId);
  const delayed = await seedDelays(ctx, open);
  await seedUrges(
    ctx,
    open.filter((t) => !delayed.includes(t.id)),
  );
  await seedInstructions(ctx, planId);
  await recordAcceptedChecks(ctx, planId);
  // 政务公开: the demo's plan is public, so `npm start` shows /gk/demo/<this year>.
  await ctx.service(PublicPageService).setPublicPage(ctx.office, planId, true, await ctx.versionOf('plan', planId));
  return planId;
}

interface OpenTask extends DemoTask {
  light: string;
}

/** Tasks not yet finished, by light, earliest due first. */
async function openTasks(ctx: DemoContext, planId: string): Promise<OpenTask[]> {
  const lights = new Map(
    (
      await rows<{ id: string; light: string }>(
        ctx.ds,
        `SELECT id, light FROM task WHERE tenant_id = $1 AND plan_id = $2 AND status NOT IN ('DONE', 'CLOSED', 'SUBMITTED')`,
        [ctx.tenantId, planId],
      )
    ).map((t) => [t.id, t.light]),
  );
  const tasks = (await ctx.tasksOf(planId))
    .filter((t) => lights.has(t.id))
    .map((t) => ({ ...t, light: lights.get(t.id)! }));
  return tasks.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

/** One overdue unit gets more time, another is refused, and a unit due soon is still waiting for an answer. */
async function seedDelays(ctx: DemoContext, open: OpenTask[]): Promise<string[]> {
  const delays = ctx.service(DelayService);
  const red = open.filter((t) => t.light === 'RED');
  const granted = red.find((t) => t.unit.diligence >= 0.7);
  const refused = red.find((t) => t.unit.diligence < 0.5 && t.unit !== granted?.unit);
  const pending = open.find((t) => t.light === 'YELLOW');
  const ask = (task: OpenTask, workingDays: number, reason: string) =>
    delays.requestDelay(task.unit.liaison, task.id, {
      requestedDueDate: ctx.calendar.addWorkingDays(ctx.today, workingDays),
      reason,
    });
  if (granted) {
    const request = await ask(
      granted,
      15,
      '涉及多个处室联合公开，需等待上级主管部门统一口径后发布，申请延期 15 个工作日。',
    );
    await delays.decideDelay(ctx.office, request.id, request.version, {
      approve: true,
      comment: '同意延期，请按新时限完成并及时报送进展。',
    });
  }
  if (refused) {
    const request = await ask(refused, 20, '近期专项工作较多，人手紧张，申请延期。');
    await delays.decideDelay(ctx.office, request.id, request.version, {
      approve: false,
      comment: '延期理由不充分，该项工作时限明确，请抓紧办理。',
    });
  }
  if (pending) await ask(pending, 12, '相关数据需与省统计局核对后公开，申请延期 12 个工作日。');
  return [granted, refused, pending].flatMap((t) => (t ? [t.id] : []));
}

/** The office urges the longest-overdue tasks of different units; half the units have acknowledged. */
async function seedUrges(ctx: DemoContext, open: OpenTask[]): Promise<void> {
  const urges = ctx.service(UrgeService);
  const seen = new Set<string>();
  const targets = open.filter((t) => t.light === 'RED' && !seen.has(t.unit.id) && seen.add(t.unit.id)).slice(0, 6);
  for (const [i, task] of targets.entries()) {
    const urge = await urges.urgeTask(
      ctx.office,
      task.id,
      `“${task.keyPointTitle}”已超过完成时限，请于 3 个工作日内报送进展情况。`,
    );
    if (i % 2 === 0) await urges.acknowledgeUrge(task.unit.liaison, urge.id);
  }
}

/** The secretary-general's 批示 on the key point with the most overdue tasks. */
async function seedInstructions(ctx: DemoContext, planId: string): Promise<void> {
  const [worst] = await rows<{ key_point_id: string }>(
    ctx.ds,
    `SELECT t.key_point_id FROM task t JOIN key_point k ON k.tenant_id = t.tenant_id AND k.id = t.key_point_id
      WHERE t.tenant_id = $1 AND t.plan_id = $2 AND t.light = 'RED'
      GROUP BY t.key_point_id, k.seq ORDER BY count(*) DESC, k.seq LIMIT 1`,
    [ctx.tenantId, planId],
  );
  if (!worst) return;
  await ctx
    .service(InstructionService)
    .addInstruction(
      ctx.leadership,
      worst.key_point_id,
      '此项工作逾期单位较多，请政务公开办公室逐一督办，逾期单位说明原因并限期整改，月底前报整改情况。',
    );
}
