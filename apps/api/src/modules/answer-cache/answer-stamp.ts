import type { DataSource } from 'typeorm';
import { one } from '../../common/sql.js';

/**
 * Everything a kept answer's data depends on for one tenant, read in one statement: the revision every
 * committed write to the scored and published tables moves (a deferred trigger, so it commits with the
 * write, in whichever API process made it), the working-day calendar's revision, and the tenant's
 * settings (light and score rules, report cycle), which change without either.
 */
export async function readAnswerStamp(db: DataSource, tenantId: string): Promise<string> {
  const row = await one<{ stamp: string }>(
    db,
    `SELECT concat_ws(':',
              (SELECT coalesce(max(r.revision), 0) FROM scorecard_revision r WHERE r.tenant_id = $1),
              coalesce((SELECT c.revision FROM calendar_revision c WHERE c.tenant_id = $1), 0),
              (SELECT md5(t.settings::text) FROM tenant t WHERE t.id = $1)) AS stamp`,
    [tenantId],
  );
  return row!.stamp;
}
