import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { clientTimeouts } from '../../database/database.js';
import { runInTenant } from '../../database/tenant-context.js';
import { logger } from '../../logging/logger.js';
import type { JobData, JobName } from './job-names.js';

const DAY_SECONDS = 24 * 60 * 60;

/** A queue and the one handler that works it, registered by the feature that owns the work. */
export interface Worker<N extends JobName> {
  name: N;
  /** Retry and expiry of the queue's jobs (pg-boss queue options). */
  options?: Omit<PgBoss.Queue, 'name'>;
  /** A cron (in `tz`) that sends the job with empty data. */
  schedule?: { cron: string; tz: string };
  work(data: JobData[N]): Promise<void>;
}

export type SendOptions = Pick<PgBoss.SendOptions, 'singletonKey' | 'singletonSeconds'>;

/**
 * The job queue, on pg-boss (its own schema `pgboss` in our database), for every API process with
 * JOBS_ENABLED. Features register their workers while the modules initialise (`onModuleInit`); the
 * queue starts once all have, so every process works every queue. A cron fires once however many
 * processes run, and singleton keys make a second send of the same job a no-op.
 */
@Injectable()
export class QueueService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers = new Map<JobName, Worker<JobName>>();
  private boss: PgBoss | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get running(): boolean {
    return this.boss !== null;
  }

  register<N extends JobName>(worker: Worker<N>): void {
    if (this.workers.has(worker.name)) throw new Error(`a worker for ${worker.name} is already registered`);
    if (this.boss) throw new Error(`register ${worker.name} while the modules initialise, before the queue starts`);
    this.workers.set(worker.name, worker as unknown as Worker<JobName>);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobsEnabled) return;
    // pg-boss hands everything but its own options to pg.Pool (its types list only some).
    const options: PgBoss.ConstructorOptions & pg.PoolConfig = {
      connectionString: (this.dataSource.options as { url?: string }).url,
      schema: 'pgboss',
      max: 3,
      application_name: 'duban-jobs',
      // A frozen or vanished database fails pg-boss's queries too, instead of hanging its pool.
      connectionTimeoutMillis: 10_000,
      ...clientTimeouts(this.config.databaseTimeouts),
      // Completed jobs stay in the job table (not the archive) past the day, which is where the
      // per-day singletons are checked.
      archiveCompletedAfterSeconds: 2 * DAY_SECONDS,
    };
    const boss = new PgBoss(options);
    boss.on('error', (err) => logger().error({ err }, 'job queue error'));
    await boss.start();
    for (const worker of this.workers.values()) {
      await boss.createQueue(worker.name, { name: worker.name, ...worker.options });
      if (worker.schedule) await boss.schedule(worker.name, worker.schedule.cron, {}, { tz: worker.schedule.tz });
      // A job that acts for one tenant runs in its scope (row-level security); jobs without one span tenants.
      await boss.work<object>(worker.name, async ([job]) => {
        const tenantId = (job.data as { tenantId?: unknown }).tenantId;
        return typeof tenantId === 'string'
          ? runInTenant(tenantId, () => worker.work(job.data as never))
          : worker.work(job.data as never);
      });
    }
    this.boss = boss;
    logger().info({ queues: [...this.workers.keys()] }, 'job queue started');
  }

  /** Stops taking jobs and lets running ones finish before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  /**
   * Queues a job; returns its id, or null when a singleton of it is already queued. Without jobs in
   * this process nothing is queued (null): callers decide whether that is an error.
   */
  async send<N extends JobName>(name: N, data: JobData[N], options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) return null;
    return this.boss.send(name, data as object, options);
  }
}

/** Options making a job a singleton per key and day (what the daily work uses). */
export const oncePerDay = (key: string): SendOptions => ({ singletonKey: key, singletonSeconds: DAY_SECONDS });
