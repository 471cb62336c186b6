import type { IsoDate } from '@duban/domain';
import { rows } from '../common/sql.js';
import { KeyPointDraftService } from '../modules/plan/key-point-draft.service.js';
import { PlanImportService } from '../modules/plan/plan-import.service.js';
import { PlanPublishService } from '../modules/task/plan-publish.service.js';
import type { DemoContext } from './demo-context.js';

/**
 * Imports a demo document and publishes it as the office would: names the demo directory lacks are
 * dropped, a key point left without units goes to the general office, and a key point whose text also
 * states a later limit (`年底前`) is held to the date the story gives it.
 */
export async function importAndPublish(
  ctx: DemoContext,
  text: string,
  year: number,
  dueDates: IsoDate[],
): Promise<string> {
  const plan = await ctx
    .service(PlanImportService)
    .importPlan(ctx.office, { text, year, filename: `辽宁省${year}年政务公开工作要点.txt` });
  const drafts = ctx.service(KeyPointDraftService);
  const [generalOffice] = await rows<{ id: string }>(
    ctx.ds,
    `SELECT id FROM unit WHERE tenant_id = $1 AND name = '省政府办公厅'`,
    [ctx.tenantId],
  );
  const keyPoints = await rows<{ id: string; due_date: string | null }>(
    ctx.ds,
    `SELECT id, due_date FROM key_point WHERE tenant_id = $1 AND plan_id = $2 ORDER BY seq`,
    [ctx.tenantId, plan.id],
  );
  for (const [i, kp] of keyPoints.entries()) {
    const unresolved = await rows<{ id: string }>(
      ctx.ds,
      `SELECT id FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2 AND unit_id IS NULL ORDER BY id`,
      [ctx.tenantId, kp.id],
    );
    for (const u of unresolved)
      await drafts.removeKeyPointUnit(ctx.office, u.id, await ctx.versionOf('key_point', kp.id));
    const [{ n, children }] = await rows<{ n: number; children: number }>(
      ctx.ds,
      `SELECT (SELECT count(*)::int FROM key_point_unit WHERE tenant_id = $1 AND key_point_id = $2) AS n,
              (SELECT count(*)::int FROM key_point WHERE tenant_id = $1 AND parent_id = $2) AS children`,
      [ctx.tenantId, kp.id],
    );
    if (n === 0 && children === 0)
      await drafts.addKeyPointUnit(
        ctx.office,
        kp.id,
        await ctx.versionOf('key_point', kp.id),
        generalOffice.id,
        'LEAD',
      );
    const due = dueDates[i];
    if (due && kp.due_date !== due)
      await drafts.updateKeyPoint(ctx.office, kp.id, await ctx.versionOf('key_point', kp.id), { dueDate: due });
  }
  await ctx.service(PlanPublishService).publishPlan(ctx.office, plan.id, await ctx.versionOf('plan', plan.id));
  return plan.id;
}
