import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { shanghaiDate, SHANGHAI_ZONE } from '@duban/domain';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { rows } from '../../common/sql.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../logging/logger.js';
import { EvidenceCheckService } from '../evidence/evidence-check.service.js';
import { DigestService } from '../messaging/index.js';
import { TaskSignService } from '../supervision/task-sign.service.js';
import { SupervisionRunService } from './supervision-run.service.js';

export const DAILY_QUEUE = 'daily-supervision';
export const TENANT_QUEUE = 'tenant-supervision';
/** A report's evidence pages, checked soon after it is submitted (outside the request). */
export const EVIDENCE_QUEUE = 'evidence-check';
/** 07:30 in Shanghai: before the offices open, so the day's digest is waiting for them. */
export const DAILY_CRON = '30 7 * * *';
const DAY_SECONDS = 24 * 60 * 60;

interface DailyJob {
  /** ISO instant the run is for; absent on cron-fired jobs, which use the clock. */
  at?: string;
}
interface EvidenceJob {
  tenantId: string;
  reportId: string;
}
interface TenantJob {
  tenantId: string;
  at: string;
}

/**
 * Runs the scheduled work inside the API processes through pg-boss (its own schema `pgboss` in our
 * database). With several processes the cron fires once, and the per-tenant jobs are singletons per
 * tenant and day; the supervision ledger makes even a duplicate run harmless.
 */
@Injectable()
export class JobSchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly runs: SupervisionRunService,
    private readonly digests: DigestService,
    private readonly evidence: EvidenceCheckService,
    private readonly clock: Clock,
    private readonly signs: TaskSignService,
  ) {}

  get running(): boolean {
    return this.boss !== null;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    const boss = new PgBoss({
      connectionString: (this.dataSource.options as { url?: string }).url,
      schema: 'pgboss',
      max: 3,
      application_name: 'duban-jobs',
      // Completed jobs stay in the job table (not the archive) past the day, which is where the
      // per-day singletons are checked.
      archiveCompletedAfterSeconds: 2 * DAY_SECONDS,
    });
    boss.on('error', (err) => logger().error({ err }, 'job queue error'));
    await boss.start();
    await boss.createQueue(DAILY_QUEUE);
    await boss.createQueue(TENANT_QUEUE, { name: TENANT_QUEUE, retryLimit: 3, retryDelay: 300, expireInSeconds: 30 * 60 });
    await boss.schedule(DAILY_QUEUE, DAILY_CRON, {}, { tz: SHANGHAI_ZONE });
    await boss.work<DailyJob>(DAILY_QUEUE, async ([job]) => this.fanOut(job.data.at ? new Date(job.data.at) : this.clock.now()));
    await boss.work<TenantJob>(TENANT_QUEUE, async ([job]) => this.runTenant(job.data.tenantId, new Date(job.data.at)));
    await boss.createQueue(EVIDENCE_QUEUE, { name: EVIDENCE_QUEUE, retryLimit: 2, retryDelay: 600, expireInSeconds: 5 * 60 });
    await boss.work<EvidenceJob>(EVIDENCE_QUEUE, async ([job]) => {
      await this.evidence.checkReport(job.data.tenantId, job.data.reportId);
    });
    this.boss = boss;
    logger().info({ cron: DAILY_CRON, zone: SHANGHAI_ZONE }, 'scheduled jobs started');
  }

  /** Stops taking jobs and lets running ones finish before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /**
   * Queues the evidence check of a newly submitted report. Without jobs in this process the daily
   * re-check and the office's own check button still cover it.
   */
  async enqueueEvidenceCheck(tenantId: string, reportId: string): Promise<void> {
    await this.boss?.send(EVIDENCE_QUEUE, { tenantId, reportId }, { singletonKey: reportId });
  }

  /** Queues the daily run for `at` (what the cron does; also for operators and tests). */
  async enqueueDaily(at: Date = this.clock.now()): Promise<string | null> {
    if (!this.boss) throw new Error('scheduled jobs are not enabled in this process');
    return this.boss.send(DAILY_QUEUE, { at: at.toISOString() }, { singletonKey: shanghaiDate(at), singletonSeconds: DAY_SECONDS });
  }

  /** One job per tenant, a singleton per tenant and Shanghai day, so enqueuing twice runs once. */
  private async fanOut(at: Date): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    const tenants = await rows<{ id: string }>(this.dataSource, `SELECT id FROM tenant ORDER BY id`);
    const day = shanghaiDate(at);
    for (const { id } of tenants) {
      await boss.send(TENANT_QUEUE, { tenantId: id, at: at.toISOString() }, { singletonKey: `${id}:${day}`, singletonSeconds: DAY_SECONDS });
    }
  }

  private async runTenant(tenantId: string, at: Date): Promise<void> {
    await this.runs.runForTenant(tenantId, at);
    // Evidence pages are re-checked on the due date, so the office sees a page that went away in time.
    // A slow or failing site must not hold back the digest.
    await this.evidence.recheckDue(tenantId, at).catch((error) => logger().warn({ err: error, tenantId }, 'evidence re-check failed'));
    await this.signs.notifyLateSigning(tenantId, at).catch((error) => logger().warn({ err: error, tenantId }, 'late-signing notice failed'));
    await this.digests.sendForTenant(tenantId, at);
  }
}
