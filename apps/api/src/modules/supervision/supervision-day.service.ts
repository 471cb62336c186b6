import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { one, rows } from '../../common/sql.js';

/** A run of one tenant-day may hold its lease this long; a process that died frees it when it passes. */
const LEASE_SECONDS = 30 * 60;

/** A process's claim on a tenant-day of the daily supervision. */
export interface DayLease {
  holder: string;
  /** The day was already completed when the lease was taken. */
  completed: boolean;
}

/**
 * The ledger of the daily supervision per tenant and day (table supervision_day): a lease row keeps
 * two processes from running the same tenant-day at once, and its completion is what the catch-up
 * looks for. Each statement stands alone, so it holds behind PgBouncer's transaction pooling, where a
 * session advisory lock would not; leases are timed by the database's clock, not the app's.
 */
@Injectable()
export class SupervisionDayService {
  constructor(private readonly dataSource: DataSource) {}

  /** Leases the tenant-day; null when another process holds it. */
  async lease(tenantId: string, day: IsoDate): Promise<DayLease | null> {
    const holder = `${process.pid}:${randomUUID()}`;
    const row = await one<{ completed: boolean }>(
      this.dataSource,
      `INSERT INTO supervision_day (tenant_id, day, lease_holder, leased_until, attempts)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), 1)
       ON CONFLICT (tenant_id, day) DO UPDATE
         SET lease_holder = EXCLUDED.lease_holder, leased_until = EXCLUDED.leased_until, attempts = supervision_day.attempts + 1
         WHERE supervision_day.leased_until IS NULL OR supervision_day.leased_until < now()
       RETURNING completed_at IS NOT NULL AS completed`,
      [tenantId, day, holder, LEASE_SECONDS],
    );
    return row ? { holder, completed: row.completed } : null;
  }

  /** Ends the lease; `completed` records the day as done (the catch-up then leaves it alone). */
  async release(tenantId: string, day: IsoDate, lease: DayLease, completed: boolean): Promise<void> {
    await this.dataSource.query(
      `UPDATE supervision_day SET lease_holder = NULL, leased_until = NULL,
              completed_at = CASE WHEN $4 THEN coalesce(completed_at, now()) ELSE completed_at END
        WHERE tenant_id = $1 AND day = $2 AND lease_holder = $3`,
      [tenantId, day, lease.holder, completed],
    );
  }

  /** The first day ever recorded for the tenant, and the days completed since `from`. */
  async history(tenantId: string, from: IsoDate): Promise<{ firstDay: IsoDate | null; completed: Set<IsoDate> }> {
    const [row] = await rows<{ first_day: IsoDate | null; completed: IsoDate[] | null }>(
      this.dataSource,
      `SELECT min(day) AS first_day,
              array_agg(day::text) FILTER (WHERE completed_at IS NOT NULL AND day >= $2) AS completed
         FROM supervision_day WHERE tenant_id = $1`,
      [tenantId, from],
    );
    return { firstDay: row?.first_day ?? null, completed: new Set(row?.completed ?? []) };
  }
}
