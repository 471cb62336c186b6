import { Injectable, type OnModuleInit } from '@nestjs/common';
import { shanghaiDate, SHANGHAI_ZONE } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { rows } from '../../common/sql.js';
import { logger } from '../../logging/logger.js';
import { SessionService } from '../auth/index.js';
import { oncePerDay, QueueService } from '../queue/index.js';
import { SupervisionRunService } from './supervision-run.service.js';
import { TaskSignService } from './task-sign.service.js';

/** 07:30 in Shanghai: before the offices open, so the day's digest is waiting for them. */
export const DAILY_CRON = '30 7 * * *';

/**
 * The daily supervision: the cron fans out one job per tenant, a singleton per tenant and Shanghai
 * day, so enqueuing twice (two processes, an operator) runs once; the supervision ledger makes even a
 * duplicate run harmless. After the ladder it tells the office of units late to sign (签收) and deletes the sessions nobody
 * can use any more (expired or idle); then it queues the evidence re-check and the digest, each
 * worked by its own feature, so a slow evidence site never holds back the digest.
 */
@Injectable()
export class DailySupervisionWorker implements OnModuleInit {
  constructor(
    private readonly queue: QueueService,
    private readonly dataSource: DataSource,
    private readonly runs: SupervisionRunService,
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
      work: ({ tenantId, at }) => this.runTenant(tenantId, new Date(at)),
    });
  }

  /** Queues the daily run for `at` (what the cron does; also for operators and tests). */
  async enqueueDaily(at: Date = this.clock.now()): Promise<string | null> {
    if (!this.queue.running) throw new Error('scheduled jobs are not enabled in this process');
    return this.queue.send('daily-supervision', { at: at.toISOString() }, oncePerDay(shanghaiDate(at)));
  }

  private async fanOut(at: Date): Promise<void> {
    const tenants = await rows<{ id: string }>(this.dataSource, `SELECT id FROM tenant ORDER BY id`);
    const day = shanghaiDate(at);
    for (const { id } of tenants) {
      await this.queue.send('tenant-supervision', { tenantId: id, at: at.toISOString() }, oncePerDay(`${id}:${day}`));
    }
  }

  private async runTenant(tenantId: string, at: Date): Promise<void> {
    await this.runs.runForTenant(tenantId, at);
    await this.signs
      .notifyLateSigning(tenantId, at)
      .catch((error) => logger().warn({ err: error, tenantId }, 'late-signing notice failed'));
    await this.sessions
      .deleteExpired(tenantId)
      .catch((error) => logger().warn({ err: error, tenantId }, 'deleting expired sessions failed'));
    const day = { tenantId, at: at.toISOString() };
    await this.queue.send('evidence-recheck', day, oncePerDay(`${tenantId}:${shanghaiDate(at)}`));
    await this.queue.send('tenant-digest', day, oncePerDay(`${tenantId}:${shanghaiDate(at)}`));
  }
}
