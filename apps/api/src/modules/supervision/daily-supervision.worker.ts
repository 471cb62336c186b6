import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { addDays, dailyRunAt, daysToRun, lastDueDay, shanghaiDate, SHANGHAI_ZONE, type IsoDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { deleteOldIdempotencyKeys } from '../../common/idempotency.js';
import { rows } from '../../common/sql.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { runInTenant } from '../../database/tenant-context.js';
import { logger } from '../../logging/logger.js';
import { SessionService } from '../auth/index.js';
import { oncePerDay, QueueService } from '../queue/index.js';
import { SupervisionDayService } from './supervision-day.service.js';
import { SupervisionRunService } from './supervision-run.service.js';
import { TaskSignService } from './task-sign.service.js';

/** 07:30 in Shanghai: before the offices open, so the day's digest is waiting for them. */
export const DAILY_CRON = '30 7 * * *';
/** Every hour at a quarter past: a tenant-day missed at 07:30 (a failover, a stopped server) is caught up. */
export const CATCH_UP_CRON = '15 * * * *';

/** Another process holds the tenant-day: this run did not happen and must not count as done. */
export class TenantDayBusyError extends Error {}

/**
 * The daily supervision: the cron fans out one job per tenant, a singleton per tenant and Shanghai
 * day, so enqueuing twice (two processes, an operator) runs once. Each tenant-day is leased and
 * recorded as completed (SupervisionDayService): a job first runs the days it missed, oldest first, and
 * the hourly catch-up (also queued when a process starts) runs what no job did. The supervision
 * ledger makes even a repeated day harmless. After the ladder it tells the office of units late to
 * sign (签收) and deletes the sessions nobody can use any more (expired or idle) and idempotency keys
 * past their retry window; then it queues the
 * evidence re-check and the digest, each worked by its own feature, so a slow evidence site never
 * holds back the digest.
 */
@Injectable()
export class DailySupervisionWorker implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly dataSource: DataSource,
    private readonly runs: SupervisionRunService,
    private readonly days: SupervisionDayService,
    private readonly signs: TaskSignService,
    private readonly clock: Clock,
    private readonly sessions: SessionService,
  ) {}

  onModuleInit(): void {
    this.queue.register({
      name: 'daily-supervision',
      schedule: { cron: DAILY_CRON, tz: SHANGHAI_ZONE },
      work: ({ at }) => this.fanOut(at ? new Date(at) : this.clock.now()),
    });
    this.queue.register({
      name: 'tenant-supervision',
      options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 30 * 60 },
      work: ({ tenantId, at }) => this.runTenant(tenantId, new Date(at)).then(() => undefined),
    });
    if (this.config.supervisionCatchUpDays > 0) {
      this.queue.register({
        name: 'supervision-catch-up',
        schedule: { cron: CATCH_UP_CRON, tz: SHANGHAI_ZONE },
        atStart: true,
        options: { expireInSeconds: 60 * 60 },
        work: async () => void (await this.catchUpAll(this.clock.now())),
      });
    }
  }

  /** Queues the daily run for `at` (what the cron does; also for operators and tests). */
  async enqueueDaily(at: Date = this.clock.now()): Promise<string | null> {
    if (!this.queue.running) throw new Error('scheduled jobs are not enabled in this process');
    return this.queue.send('daily-supervision', { at: at.toISOString() }, oncePerDay(shanghaiDate(at)));
  }

  /**
   * Runs every tenant's days still due at `now` (today from 07:30, and the missed ones before it).
   * Returns the days run per tenant; a tenant another process is running is left to that process.
   */
  async catchUpAll(now: Date): Promise<Map<string, IsoDate[]>> {
    const ran = new Map<string, IsoDate[]>();
    for (const { id } of await this.tenants()) {
      try {
        const days = await runInTenant(id, () => this.runTenant(id, now, lastDueDay(now)));
        if (days.length) ran.set(id, days);
      } catch (error) {
        const busy = error instanceof TenantDayBusyError;
        logger()[busy ? 'info' : 'error']({ err: error, tenantId: id }, 'daily supervision catch-up: tenant not run');
      }
    }
    if (ran.size) logger().info({ tenants: Object.fromEntries(ran) }, 'daily supervision caught up missed days');
    return ran;
  }

  private tenants() {
    return rows<{ id: string }>(this.dataSource, `SELECT id FROM tenant ORDER BY id`);
  }

  private async fanOut(at: Date): Promise<void> {
    const day = shanghaiDate(at);
    for (const { id } of await this.tenants()) {
      await this.queue.send('tenant-supervision', { tenantId: id, at: at.toISOString() }, oncePerDay(`${id}:${day}`));
    }
  }

  /**
   * The tenant's days through `through` not yet completed, in order, each once; returns those this
   * call ran. Throws TenantDayBusyError when another process holds one of them, so the job is retried
   * rather than counted done, and no later day runs before it.
   */
  async runTenant(tenantId: string, at: Date, through: IsoDate = shanghaiDate(at)): Promise<IsoDate[]> {
    const lookback = this.config.supervisionCatchUpDays;
    const { firstDay, completed } = await this.days.history(tenantId, addDays(through, -lookback));
    const ran: IsoDate[] = [];
    for (const day of daysToRun(through, lookback, firstDay, completed)) {
      // The day asked for runs at its own instant; a missed one as at its 07:30.
      const outcome = await this.runDay(tenantId, day, day === shanghaiDate(at) ? at : dailyRunAt(day));
      if (outcome === 'busy') {
        logger().warn({ tenantId, day }, 'daily supervision: tenant-day held by another process, not run here');
        throw new TenantDayBusyError(`tenant ${tenantId}, day ${day}: running in another process`);
      }
      if (outcome === 'ran') ran.push(day);
    }
    return ran;
  }

  private async runDay(tenantId: string, day: IsoDate, at: Date): Promise<'ran' | 'done' | 'busy'> {
    const lease = await this.days.lease(tenantId, day);
    if (!lease) return 'busy';
    if (lease.completed) {
      await this.days.release(tenantId, day, lease, true);
      return 'done';
    }
    let completed = false;
    try {
      await this.runs.runLeased(tenantId, at);
      await this.signs
        .notifyLateSigning(tenantId, at)
        .catch((error) => logger().warn({ err: error, tenantId }, 'late-signing notice failed'));
      await this.sessions
        .deleteExpired(tenantId)
        .catch((error) => logger().warn({ err: error, tenantId }, 'deleting expired sessions failed'));
      await deleteOldIdempotencyKeys(this.dataSource, tenantId).catch((error) =>
        logger().warn({ err: error, tenantId }, 'deleting old idempotency keys failed'),
      );
      const data = { tenantId, at: at.toISOString() };
      await this.queue.send('evidence-recheck', data, oncePerDay(`${tenantId}:${day}`));
      await this.queue.send('tenant-digest', data, oncePerDay(`${tenantId}:${day}`));
      completed = true;
      return 'ran';
    } finally {
      await this.days.release(tenantId, day, lease, completed);
    }
  }
}
