import { Clock } from '../../../common/clock.js';
import type { TestApp } from '../../../../test/test-app.js';

/** Fixes the app's clock at an instant (services read time only through Clock). */
export function fixClock(t: TestApp, iso: string): Date {
  const at = new Date(iso);
  t.app.get(Clock).now = () => at;
  return at;
}

/** Tenants in these tests ask for no periodic reports unless a test is about report lights. */
export async function withoutReportCycle(t: TestApp, tenantId: string): Promise<void> {
  await t.db.query(`UPDATE tenant SET settings = settings || '{"reportCycle":{"kind":"NONE"}}'::jsonb WHERE id = $1`, [
    tenantId,
  ]);
}
