import { Clock } from '../../../common/clock.js';
import type { Factory, TestTenant, TestUnit } from '../../../../test/factory.js';
import type { TestApp } from '../../../../test/test-app.js';

/** Thursday 2026-01-15, noon in Shanghai: early the year after the 2025 plan under review. */
export const NOW = '2026-01-15T04:00:00Z';
export const TODAY = '2026-01-15';
export const PLAN_YEAR = 2025;

export function fixClock(t: TestApp, iso = NOW): void {
  const at = new Date(iso);
  t.app.get(Clock).now = () => at;
}

/** No periodic report cycle, so a new 整改 task's light depends on its dates alone. */
export async function withoutReportCycle(t: TestApp, tenant: TestTenant): Promise<void> {
  await t.db.query(`UPDATE tenant SET settings = settings || '{"reportCycle":{"kind":"NONE"}}'::jsonb WHERE id = $1`, [
    tenant.id,
  ]);
}

/**
 * A published 2025 plan whose six tasks cover the time-limit rule, over units [a, b, c]:
 *  0 a due 06-30 (explicit date)            → reviewed
 *  1 b due 12-31 with deadline 年底前 dated  → reviewed
 *  2 c due 12-31, no deadline               → 无明确时限
 *  3 a due 12-31, undated deadline 持续推进   → 无明确时限
 *  4 b due 09-30, DONE                      → reviewed
 *  5 c due 03-31                            → reviewed
 */
export async function reviewPlan(t: TestApp, f: Factory, tenant: TestTenant, units: TestUnit[]) {
  const dues = ['2025-06-30', '2025-12-31', '2025-12-31', '2025-12-31', '2025-09-30', '2025-03-31'];
  const plan = await f.tasks(tenant, units, 6, {
    year: PLAN_YEAR,
    dueDate: (i) => dues[i],
    status: (i) => (i === 4 ? 'DONE' : 'IN_PROGRESS'),
    role: (i) => (i % 2 === 0 ? 'LEAD' : 'RESPONSIBLE'),
  });
  const kp = (i: number) => plan.tasks[i].keyPointId;
  await t.db.query(
    `INSERT INTO key_point_deadline (tenant_id, key_point_id, text, date, sort) VALUES ($1, $2, '年底前', '2025-12-31', 1), ($1, $3, '持续推进', NULL, 1)`,
    [tenant.id, kp(1), kp(3)],
  );
  return { ...plan, reviewed: [0, 1, 4, 5].map((i) => plan.tasks[i]), untimed: [2, 3].map((i) => plan.tasks[i]) };
}
