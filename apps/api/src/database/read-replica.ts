import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { one, type Queryable } from '../common/sql.js';
import { logger } from '../logging/logger.js';
import { databaseFailure, sqlState } from './database-errors.js';
import { dataSourceOptions, describeUrl, openTenantScopedDataSource } from './database.js';
import { runOutsideTenant } from './tenant-context.js';

/** Why a read meant for the replica went to the primary. */
export type ReplicaFallback = 'unavailable' | 'lagging' | 'behind' | 'conflict';

export interface ReplicaStatus {
  /** `off`: no DATABASE_READ_URL; `down`, `lagging`: reads go to the primary for now. */
  state: 'off' | 'in-use' | 'down' | 'lagging';
  /** At least this far behind the primary (seconds, from the last check); null when unknown. */
  lagSeconds: number | null;
  replicaReads: number;
  /** Reads meant for the replica that the primary answered, by reason. */
  fallbacks: Record<ReplicaFallback, number>;
}

/** What the primary's WAL position was at a moment (pg_current_wal_lsn). */
export interface WalSample {
  at: number;
  lsn: bigint;
}

/** 'X/Y' (two hex halves) as one number. */
export function parseLsn(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/**
 * How far behind the replica is at least, in ms: the age of the oldest primary position it has not
 * replayed yet (it lacks something the primary had then). Measured against the primary's positions
 * rather than the replica's own replay timestamp, which stands still, looking current, when the standby
 * has lost its connection to the primary. `replayed` null: not a standby (nothing to wait for).
 */
export function replicaLagMs(samples: readonly WalSample[], replayed: bigint | null, now: number): number {
  if (replayed === null) return 0;
  const oldest = samples.find((s) => s.lsn > replayed);
  return oldest ? now - oldest.at : 0;
}

/**
 * The samples still worth keeping: those the replica has not replayed yet, at most `limit` — the
 * oldest (which measures the lag) and the newest.
 */
export function pendingSamples(samples: readonly WalSample[], replayed: bigint | null, limit = 120): WalSample[] {
  if (replayed === null) return [];
  const pending = samples.filter((s) => s.lsn > replayed);
  return pending.length <= limit ? pending : [pending[0]!, ...pending.slice(-(limit - 1))];
}

/** A read that must see a committed revision of a tenant (the revision cache's) found the replica older. */
class ReplicaBehind extends Error {}

const CHECK_EVERY_MS = 1000;
/** How long a read that must see a revision waits for the replica to replay it before asking the primary. */
const FRESH_WAIT_MS = 300;
const FRESH_POLL_MS = 20;
/** A replica that failed is left alone this long before it is tried again. */
const RETRY_AFTER_MS = 5000;

/**
 * The one place that decides where a lag-tolerant read runs: the heavy reads (scorecard, exports, the
 * leadership's progress tree) pass their queries in as `work`, which runs on the read replica
 * (DATABASE_READ_URL) when there is one that is up and caught up, else on the primary, exactly as
 * without a replica. The work gets a Queryable and uses the same SQL either way; the replica's data
 * source is tenant-scoped like the primary's, so row-level security holds the same. Everything that
 * must read its own writes keeps using the primary's DataSource directly.
 *
 * A replica that refuses connections, or stays more than DATABASE_READ_MAX_LAG_SECONDS behind, is
 * passed over (a warning in the log, a count in `status()`, which /readyz shows) and tried again later;
 * /readyz itself stays about the primary.
 */
@Injectable()
export class ReplicaReads implements OnModuleDestroy {
  private replica: Promise<DataSource> | null = null;
  private downUntil = 0;
  private lagging = false;
  private lagMs: number | null = null;
  private samples: WalSample[] = [];
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private readonly counts = {
    replicaReads: 0,
    fallbacks: { unavailable: 0, lagging: 0, behind: 0, conflict: 0 } as Record<ReplicaFallback, number>,
  };

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Runs read-only `work` on the replica, or on the primary when there is none usable. `fresh`: the
   * work must see at least this revision of the tenant (scorecard_revision, read on the primary by the
   * caller's cache check), so a result computed on the replica is never older than what the cache
   * already knows; a replica behind it leaves the work to the primary.
   */
  async read<T>(work: (db: Queryable) => Promise<T>, fresh?: { tenantId: string; revision: string }): Promise<T> {
    const replica = await this.usable();
    if (!replica) return work(this.primary);
    try {
      // One transaction: one connection for the freshness check and the work (a replica URL behind a
      // balancer could otherwise answer them from two servers), read-only, under the same timeouts.
      const result = await replica.transaction(async (db) => {
        if (fresh && !(await this.caughtUp(db, fresh))) throw new ReplicaBehind();
        return work(db);
      });
      this.counts.replicaReads++;
      return result;
    } catch (error) {
      const reason = fallbackReason(error);
      if (!reason) throw error;
      this.fallBack(reason, error);
      return work(this.primary);
    }
  }

  status(): ReplicaStatus {
    const state = !this.config.databaseReadUrl
      ? 'off'
      : Date.now() < this.downUntil
        ? 'down'
        : this.lagging
          ? 'lagging'
          : 'in-use';
    return {
      state,
      lagSeconds: this.lagMs === null ? null : this.lagMs / 1000,
      replicaReads: this.counts.replicaReads,
      fallbacks: { ...this.counts.fallbacks },
    };
  }

  async onModuleDestroy(): Promise<void> {
    await this.checking;
    const replica = await this.replica?.catch(() => null);
    if (replica?.isInitialized) await replica.destroy();
  }

  /** The replica's data source when reads may go there now. */
  private async usable(): Promise<DataSource | null> {
    if (!this.config.databaseReadUrl || Date.now() < this.downUntil) return null;
    if (Date.now() - this.checkedAt > CHECK_EVERY_MS) {
      const check = (this.checking ??= this.check().finally(() => (this.checking = null)));
      // Until a first check has answered nothing is known about the replica: wait for it. Later checks
      // run beside the reads, which go by the last answer.
      if (this.lagMs === null) await check;
    }
    if (Date.now() < this.downUntil) return null;
    if (this.lagging) {
      this.counts.fallbacks.lagging++;
      return null;
    }
    // Opening it failed (the check that opened it has marked it down already): the primary answers.
    return (await this.replica?.catch(() => null)) ?? null;
  }

  /** Samples the primary's WAL position and asks the replica how far it has replayed. */
  private async check(): Promise<void> {
    try {
      const replica = await (this.replica ??= this.open());
      await runOutsideTenant(async () => {
        const primary = await one<{ lsn: string }>(this.primary, `SELECT pg_current_wal_lsn()::text AS lsn`);
        const now = Date.now();
        this.samples.push({ at: now, lsn: parseLsn(primary!.lsn) });
        const standby = await one<{ replayed: string | null }>(
          replica,
          `SELECT CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()::text END AS replayed`,
        );
        const replayed = standby?.replayed ? parseLsn(standby.replayed) : null;
        this.lagMs = replicaLagMs(this.samples, replayed, Date.now());
        this.samples = pendingSamples(this.samples, replayed);
      });
      const lagging = this.lagMs! >= this.config.databaseReadMaxLagMs;
      if (lagging !== this.lagging) {
        if (lagging)
          logger().warn({ lagSeconds: this.lagMs! / 1000 }, 'read replica is lagging: heavy reads go to the primary');
        else logger().info({ lagSeconds: this.lagMs! / 1000 }, 'read replica caught up: heavy reads go to it again');
      }
      this.lagging = lagging;
    } catch (error) {
      // Whichever half failed, nothing is known about the replica: leave it alone for a while.
      this.fallBack('unavailable', error);
    } finally {
      this.checkedAt = Date.now();
    }
  }

  private async open(): Promise<DataSource> {
    const url = this.config.databaseReadUrl!;
    const options = dataSourceOptions(url, this.config.databasePoolSize, this.config.databaseTimeouts);
    try {
      return await openTenantScopedDataSource(
        { ...options, extra: { ...options.extra, application_name: 'duban-api-replica' } },
        this.config.databaseTimeouts,
        { readOnly: true },
      );
    } catch (error) {
      // Opened again on the next check.
      this.replica = null;
      logger().warn({ replica: describeUrl(url) }, 'read replica could not be opened');
      throw error;
    }
  }

  /**
   * Whether the replica holds the revision, waiting a moment for it: right after a write the replica is
   * usually a few milliseconds behind, and recomputing on the primary would put back the load the replica
   * is there to take. Each statement of the (read committed) transaction sees what has been replayed by then.
   */
  private async caughtUp(db: Queryable, fresh: { tenantId: string; revision: string }): Promise<boolean> {
    const deadline = Date.now() + FRESH_WAIT_MS;
    for (;;) {
      const found = await one<{ revision: string }>(
        db,
        `SELECT coalesce(max(revision), 0)::text AS revision FROM scorecard_revision WHERE tenant_id = $1`,
        [fresh.tenantId],
      );
      if (BigInt(found!.revision) >= BigInt(fresh.revision)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, FRESH_POLL_MS));
    }
  }

  private fallBack(reason: ReplicaFallback, error: unknown): void {
    this.counts.fallbacks[reason]++;
    if (reason === 'unavailable') {
      const wasUp = Date.now() >= this.downUntil;
      this.downUntil = Date.now() + RETRY_AFTER_MS;
      // One line per outage, not one per read.
      if (wasUp)
        logger().warn(
          { sqlState: sqlState(error), retryInSeconds: RETRY_AFTER_MS / 1000 },
          'read replica unavailable: heavy reads go to the primary',
        );
    } else if (reason === 'conflict') {
      logger().warn({ sqlState: sqlState(error) }, 'read on the replica cancelled by recovery: retried on the primary');
    }
  }
}

/** Whether a failed replica read should be retried on the primary, and why. Errors of the work itself are not. */
function fallbackReason(error: unknown): ReplicaFallback | null {
  if (error instanceof ReplicaBehind) return 'behind';
  const failure = databaseFailure(error);
  if (failure === 'unavailable') return 'unavailable';
  // On a hot standby 40001 is a query cancelled by a conflict with WAL replay (a vacuum on the primary
  // removed rows it still needed): the primary answers it.
  if (failure === 'serialization') return 'conflict';
  return null;
}
