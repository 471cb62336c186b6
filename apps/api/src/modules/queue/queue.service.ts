import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { clientTimeouts } from '../../database/database.js';
import { runInTenant } from '../../database/tenant-context.js';
import { TENANT_ROLE } from '../../database/tenant-row-security.js';
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
  /** Also queued when a process's queue starts, for work a stopped process may have missed (once a minute at most). */
  atStart?: boolean;
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
  /** pg-boss with no connection of its own: it queues jobs through the caller's transaction. */
  private readonly sender = new PgBoss({
    schema: 'pgboss',
    db: { executeSql: () => Promise.reject(new Error('jobs are queued through a transaction (sendWithin)')) },
  });

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
    // A request queues jobs inside its own transaction (sendWithin), which runs as the tenant role.
    // One process at a time (the lock lasts the statements' one transaction): two GRANTs on one
    // object at once fail with "tuple concurrently updated".
    await this.dataSource.query(
      `SELECT pg_advisory_xact_lock(${QUEUE_SETUP_LOCK}); ` +
        `GRANT USAGE ON SCHEMA pgboss TO ${TENANT_ROLE}; GRANT SELECT ON pgboss.queue TO ${TENANT_ROLE}; ` +
        `GRANT INSERT, SELECT (id) ON pgboss.job TO ${TENANT_ROLE}`,
    );
    for (const worker of this.workers.values()) {
      await createQueue(boss, worker.name, { name: worker.name, ...worker.options });
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
    for (const worker of this.workers.values()) {
      if (worker.atStart) await boss.send(worker.name, {}, { singletonKey: 'start', singletonSeconds: 60 });
    }
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

  /**
   * Queues a job inside the caller's transaction, from any process, JOBS_ENABLED or not: the job
   * exists exactly when the transaction commits, so neither a crash after the commit nor a rollback
   * leaves the two apart. It runs under a savepoint: when the queue cannot take it (no process with
   * jobs has created the queue yet) the caller's work goes on without it, and null is returned.
   */
  async sendWithin<N extends JobName>(
    m: EntityManager,
    name: N,
    data: JobData[N],
    options: SendOptions = {},
  ): Promise<string | null> {
    try {
      return await m.transaction((inner) =>
        this.sender.send(name, data as object, {
          ...options,
          db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await inner.query(text, values) }) },
        }),
      );
    } catch (error) {
      logger().warn({ err: error, job: name }, 'could not queue a job with its transaction');
      return null;
    }
  }
}

/** Serialises the processes that set up the queue's grants at the same moment. */
const QUEUE_SETUP_LOCK = 723004;

/**
 * pg-boss 10 creates a queue by inserting its row, then its partition with a foreign key to the queue
 * table: two processes starting at once on a new database both insert the row, the second waits for
 * the first, the first waits for the second's lock on the queue table, and PostgreSQL ends one of them
 * (40P01) — which failed that process's start. The loser's transaction is rolled back whole, so it
 * tries again and finds the queue made.
 */
async function createQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await boss.createQueue(name, options);
    } catch (error) {
      if ((error as { code?: string }).code !== '40P01' || attempt >= 5) throw error;
      logger().info({ queue: name, attempt }, 'job queue created by another process at the same moment: trying again');
    }
  }
}

/** Options making a job a singleton per key and day (what the daily work uses). */
export const oncePerDay = (key: string): SendOptions => ({ singletonKey: key, singletonSeconds: DAY_SECONDS });
