import cluster, { type Worker } from 'node:cluster';
import { logger } from '../logging/logger.js';

/** The database a worker serves from, handed down by the primary that opened (or started) it. */
export const WORKER_DATABASE_URL = 'DUBAN_WORKER_DATABASE_URL';
/** Set for the first worker only: the demo plan needs a running app and is loaded once. */
export const WORKER_SEEDS_DEMO_PLAN = 'DUBAN_WORKER_SEEDS_DEMO_PLAN';

/** How long the primary waits for its workers to finish their requests and close their pools. */
const STOP_GRACE_MS = 12_000;
/** A replacement that fails to start (the database is down, say) is tried again after this long. */
const RETRY_MS = 5_000;

export class WorkerStartError extends Error {}

export interface WebCluster {
  /** Every worker listening; rejects when one exits before it listens (the same start-up fails in all). */
  ready: Promise<void>;
  /** SIGTERM to every worker (each closes its server, jobs and pool), then waits for them to exit. */
  stop(): Promise<void>;
}

/**
 * Runs `size` copies of this script as node:cluster workers sharing one listening port, so one
 * machine's cores all serve requests. A worker that dies after it listened is replaced; one that dies
 * while starting fails the whole start-up instead of being restarted in a loop.
 */
export function startWebCluster(size: number, databaseUrl: string, seedDemoPlan: boolean): WebCluster {
  let stopping = false;
  const listening = new Set<Worker>();
  let started = false;
  let settle!: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));

  const fork = (first: boolean) => {
    const worker = cluster.fork({
      [WORKER_DATABASE_URL]: databaseUrl,
      ...(first && seedDemoPlan ? { [WORKER_SEEDS_DEMO_PLAN]: '1' } : {}),
    });
    worker.once('listening', () => {
      listening.add(worker);
      logger().info({ pid: worker.process.pid }, 'web worker listening');
      if (listening.size === size && !started) {
        started = true;
        settle.resolve();
      }
    });
    worker.once('exit', (code, signal) => {
      const served = listening.delete(worker);
      if (stopping) return;
      if (!served && !started) {
        settle.reject(
          new WorkerStartError(
            `an API worker process exited while starting (code ${code}, signal ${signal}): see above`,
          ),
        );
        return;
      }
      if (served) {
        logger().error({ pid: worker.process.pid, code, signal }, 'web worker died: starting a replacement');
        fork(false);
      } else {
        logger().error({ pid: worker.process.pid, code, signal }, 'replacement web worker failed to start: retrying');
        setTimeout(() => stopping || fork(false), RETRY_MS);
      }
    });
  };
  for (let i = 0; i < size; i++) fork(i === 0);

  return {
    ready,
    async stop() {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      const exited = workers.map((w) => new Promise((resolve) => w.once('exit', resolve)));
      for (const worker of workers) worker.process.kill('SIGTERM');
      const late = setTimeout(() => {
        for (const worker of workers) if (!worker.isDead()) worker.process.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await Promise.all(exited);
      clearTimeout(late);
    },
  };
}
