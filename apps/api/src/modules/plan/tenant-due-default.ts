import { DEFAULT_DUE_MONTH_DAY, defaultDueDate, validateDueMonthDay } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { one } from '../../common/sql.js';

/**
 * The due date of a key point without a time limit: the tenant's configured 'MM-DD' of the plan
 * year (year end unless configured). Reads tenant.settings directly until the tenant module exports
 * its settings service; an invalid stored value falls back to year end rather than blocking publishing.
 */
export async function tenantDefaultDueDate(
  m: Pick<EntityManager, 'query'>,
  tenantId: string,
  year: number,
): Promise<string> {
  const row = await one<{ md: string | null }>(
    m,
    `SELECT settings->>'defaultDueMonthDay' AS md FROM tenant WHERE id = $1`,
    [tenantId],
  );
  let monthDay = DEFAULT_DUE_MONTH_DAY;
  try {
    if (row?.md) monthDay = validateDueMonthDay(row.md);
  } catch {
    monthDay = DEFAULT_DUE_MONTH_DAY;
  }
  return defaultDueDate(year, monthDay);
}
