import { Prng } from '@duban/domain';
import { rows } from '../common/sql.js';
import { ReviewVerdictService } from '../modules/review/review-verdict.service.js';
import { ReviewService } from '../modules/review/review.service.js';
import { TaskCloseOutService } from '../modules/review/task-close-out.service.js';
import type { DemoContext } from './demo-context.js';
import { DEMO_UNITS } from './demo-data.js';
import { demoDocument } from './demo-document.js';
import { importAndPublish } from './demo-plan.js';
import { playReport, playReports } from './demo-reports.js';
import { DEMO_SEED, drawLastYearFate, lastYearDueDates, type LastYearFate } from './demo-story.js';

const KEY_POINTS = 8;
const DEPARTMENTS = DEMO_UNITS.filter((u) => u.kind === 'DEPARTMENT').map((u) => u.name);
const CITIES = DEMO_UNITS.filter((u) => u.kind === 'CITY_GOV').map((u) => u.name);

/** Last year's shorter plan: one department leads each item, two cities carry it out. */
function annotation(i: number): string {
  return `(牵头单位:${DEPARTMENTS[i % DEPARTMENTS.length]};责任单位:${CITIES[i % CITIES.length]}、${CITIES[(i + 1) % CITIES.length]})`;
}

const VERDICT_NOTES: Record<LastYearFate, string> = {
  DONE: '经核查，相关信息已按要求公开，栏目规范、更新及时。',
  PARTIAL: '已开设专栏，但部分事项未公开或更新不及时。',
  NOT_DONE: '单位报送已完成，但经核查相关信息未公开，佐证链接无法访问。',
};

/**
 * Last year's plan as the office leaves it after the 回头看: every task reported done and closed
 * (办结销号), every task checked, what is not fully in place turned into 整改 tasks with new time
 * limits, one of which the unit has already started on.
 */
export async function seedLastYear(ctx: DemoContext, source: string, year: number): Promise<string> {
  const dueDates = lastYearDueDates(year, KEY_POINTS);
  const planId = await importAndPublish(
    ctx,
    demoDocument(source, { year, dueDates, items: KEY_POINTS, annotation }),
    year,
    dueDates,
  );
  const random = Prng.derive(DEMO_SEED, year);
  const tasks = await ctx.tasksOf(planId);
  // The last item's second city has nothing to publish on it: the review finds it 不适用.
  const notApplicable = tasks.filter((t) => t.keyPointId === tasks[tasks.length - 1].keyPointId).at(-1)?.id;
  const fates = new Map(
    tasks.map((t) => [t.id, t.id === notApplicable ? 'NOT_DONE' : drawLastYearFate(random, t.unit.diligence)] as const),
  );
  // Every unit reported its task done and the office closed it (办结销号); the 回头看 then checks
  // whether the work really is in place, and finds where it is not.
  await playReports(
    ctx,
    tasks.map((task) => ({ task, fate: 'DONE' as const, progress: 100 })),
  );
  const close = ctx.service(TaskCloseOutService);
  for (const task of tasks) await close.closeTask(ctx.office, task.id, await ctx.versionOf('task', task.id));

  const reviewService = ctx.service(ReviewService);
  const verdicts = ctx.service(ReviewVerdictService);
  const review = await reviewService.openReview(ctx.office, { planId });
  const items = await rows<{ id: string; task_id: string; version: number }>(
    ctx.ds,
    `SELECT id, task_id, version FROM review_item WHERE tenant_id = $1 AND review_id = $2`,
    [ctx.tenantId, review.id],
  );
  for (const task of tasks) {
    const item = items.find((i) => i.task_id === task.id);
    if (!item) continue;
    const fate = fates.get(task.id)!;
    const rectify = (workingDays: number, requirement: string) => ({
      dueDate: ctx.calendar.addWorkingDays(ctx.today, workingDays),
      requirement,
    });
    await verdicts.recordVerdict(ctx.office, {
      itemId: item.id,
      version: item.version,
      ...(task.id === notApplicable
        ? { verdict: 'NOT_APPLICABLE', notes: '该市未承担此项试点任务，本项不适用。', rectification: null }
        : fate === 'DONE'
          ? { verdict: 'IMPLEMENTED', notes: VERDICT_NOTES.DONE, evidenceUrls: [task.unit.portal], rectification: null }
          : fate === 'PARTIAL'
            ? {
                verdict: 'PARTIAL',
                notes: VERDICT_NOTES.PARTIAL,
                rectification: rectify(20, '补齐未公开事项，规范专栏设置，按月更新。'),
              }
            : {
                verdict: 'NOT_IMPLEMENTED',
                notes: VERDICT_NOTES.NOT_DONE,
                rectification: rectify(30, '制定整改方案，明确责任处室和完成时限，逐项落实并报送佐证材料。'),
              }),
    });
  }
  await reviewService.completeReview(ctx.office, review.id, await ctx.versionOf('review', review.id));

  // 整改 is tracked like any task: the first unit has already reported progress on its own.
  const [started] = await ctx.tasksOf(planId, 'RECTIFICATION');
  if (started) await playReport(ctx, started, 'PROGRESS', 50);
  return planId;
}
