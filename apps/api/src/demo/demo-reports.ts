import { mapLimited } from '../modules/evidence/map-limited.js';
import { ReportService } from '../modules/report/report.service.js';
import type { DemoContext, DemoTask } from './demo-context.js';
import type { TaskFate } from './demo-story.js';

const LEADER_REJECTION = '请补充具体公开栏目、公开数量和链接后再报送。';
const OFFICE_RETURN = '佐证材料不足：未提供公开页面链接，请补充后重新报送。';

function reportText(task: DemoTask, progress: number): string {
  if (progress === 100) {
    return `已完成“${task.keyPointTitle}”相关工作，相关信息已在本单位门户网站政府信息公开专栏集中公开，并同步推送至省政府门户网站。`;
  }
  return `正在推进“${task.keyPointTitle}”：已梳理公开事项清单并明确责任处室，目前完成约 ${progress}%，剩余事项按计划推进。`;
}

/**
 * Plays one task's reporting up to its fate, through the same calls the web app makes: the liaison
 * submits, the unit leader approves or sends it back, the office accepts or returns it.
 */
export async function playReport(ctx: DemoContext, task: DemoTask, fate: TaskFate, progress: number): Promise<void> {
  if (fate === 'UNTOUCHED') return;
  const reports = ctx.service(ReportService);
  const claims = progress === 100;
  let report = await reports.submit(task.unit.liaison, task.id, {
    text: reportText(task, progress),
    progress,
    claimsCompletion: claims,
    evidenceUrls: claims && fate !== 'RETURNED' ? [task.unit.portal] : [],
    fileIds: [],
  });
  const leader = task.unit.leader;
  if (leader) {
    if (fate === 'PENDING_LEADER') return;
    if (fate === 'LEADER_REJECTED') {
      await reports.leaderDecide(leader, report.id, report.version, { approve: false, comment: LEADER_REJECTION });
      return;
    }
    report = await reports.leaderDecide(leader, report.id, report.version, { approve: true, comment: '同意报送' });
  }
  if (fate === 'PENDING_OFFICE' || fate === 'PENDING_LEADER') return;
  if (fate === 'RETURNED' || fate === 'LEADER_REJECTED') {
    await reports.review(ctx.office, report.id, report.version, { accept: false, reason: OFFICE_RETURN });
    return;
  }
  await reports.review(ctx.office, report.id, report.version, { accept: true, reason: null });
}

/**
 * Plays many tasks' reporting: each unit's tasks in order, a few units at a time (different units'
 * tasks share no rows, and start-up should not wait on one report at a time). The fates are drawn
 * before, so the outcome does not depend on which unit finishes first.
 */
export async function playReports(
  ctx: DemoContext,
  plays: { task: DemoTask; fate: TaskFate; progress: number }[],
): Promise<void> {
  const byUnit = new Map<string, typeof plays>();
  for (const play of plays) byUnit.set(play.task.unit.id, [...(byUnit.get(play.task.unit.id) ?? []), play]);
  await mapLimited([...byUnit.values()], UNITS_AT_ONCE, async (unitPlays) => {
    for (const { task, fate, progress } of unitPlays) await playReport(ctx, task, fate, progress);
  });
}

const UNITS_AT_ONCE = 4;

/**
 * The office checks a completion's links before accepting it; the demo's links are the units' real
 * portals, which a machine without internet cannot reach. So the demo records what that check found
 * for every accepted report of the plan: the page answered, under the unit's portal title. These are
 * the links the public page shows (a check a report queued may still run later and record what this
 * machine really reaches).
 */
export async function recordAcceptedChecks(ctx: DemoContext, planId: string): Promise<void> {
  await ctx.ds.query(
    `UPDATE report_evidence e
        SET check_status = 'REACHABLE', check_http_status = 200, check_title = u.name || '政务公开专栏',
            checked_at = r.reviewed_at, check_final_url = e.url
       FROM progress_report r
       JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
       JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
      WHERE e.tenant_id = $1 AND e.report_id = r.id AND e.kind = 'URL'
        AND r.tenant_id = $1 AND r.status = 'ACCEPTED' AND t.plan_id = $2`,
    [ctx.tenantId, planId],
  );
}
