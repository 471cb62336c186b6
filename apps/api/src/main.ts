import 'reflect-metadata';
import cluster from 'node:cluster';
import {
  startWebCluster,
  WORKER_DATABASE_URL,
  WORKER_SEEDS_DEMO_PLAN,
  WorkerStartError,
  type WebCluster,
} from './cluster/web-cluster.js';
import { guardUnhandledRejections } from './common/process-guard.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { openDatabase, runMigrations, TenantRoleError, type DatabaseHandle } from './database/database.js';
import { configureLogger, logger, resolveLogFormat } from './logging/logger.js';
import { DEMO_PASSWORD, DEMO_TENANT } from './demo/demo-data.js';
import { disableDemoTenant, seedDemo, type DemoLogin } from './demo/seed-demo.js';

/** One line on stderr for the person starting the server, the same line in the JSON log, exit 1. */
function fail(message: string): never {
  logger().fatal(message);
  process.stderr.write(`\n✖ ${message}\n\n`);
  process.exit(1);
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  configureLogger(config.logLevel, resolveLogFormat(config.logFormat, process.stdout.isTTY === true));
  guardUnhandledRejections();

  let database: DatabaseHandle | null = null;
  let stopping = false;
  // Ctrl-C in a terminal reaches this process only (PostgreSQL runs in a process group of its own), so
  // the order is ours: stop taking jobs and close the pool (app.close), then stop PostgreSQL. The other
  // way round, every open connection would log "terminating connection due to administrator command".
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger().error('shutdown took longer than 15 s: exiting without waiting further');
      process.exit(1);
    }, 15000);
    forced.unref();
    try {
      await app?.close();
      await workers?.stop();
    } catch (error) {
      logger().error({ err: error }, 'error while closing the app');
    }
    await database?.stop().catch((error) => logger().error({ err: error }, 'error while stopping PostgreSQL'));
    logger().info('stopped');
    process.exit(0);
  };
  let app: Awaited<ReturnType<typeof import('./app.factory.js').createApp>> | null = null;
  let workers: WebCluster | null = null;
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  // A worker serves on the database its primary opened and prepared; the primary owns the embedded server.
  const workerDatabase = cluster.isWorker ? process.env[WORKER_DATABASE_URL] : undefined;
  try {
    database = workerDatabase
      ? { url: workerDatabase, embedded: null, stop: async () => undefined }
      : await openDatabase(config);
  } catch (error) {
    if (stopping) return;
    fail((error as Error).message);
  }
  let demo: DemoLogin[] = [];
  try {
    if (!workerDatabase) {
      const applied = await runMigrations(config.databaseDirectUrl ?? database.url);
      if (applied.length) logger().info({ applied }, 'migrations applied');
      if (config.nodeEnv === 'production') await disableDemoTenant(database.url);
      demo = config.seedDemo ? await seedDemo(database.url) : [];
    }
    if (!workerDatabase && config.webConcurrency > 1) {
      logger().info({ workers: config.webConcurrency }, 'starting API worker processes');
      workers = startWebCluster(config.webConcurrency, database.url, config.seedDemo);
      await workers.ready;
    } else {
      // Loaded here, not at the top: a primary that only supervises workers never holds the app in memory.
      const { createApp } = await import('./app.factory.js');
      const { seedDemoPlan } = await import('./demo/seed-demo-plan.js');
      app = await createApp(config, database.url);
      await app.init();
      if (config.seedDemo && (!workerDatabase || process.env[WORKER_SEEDS_DEMO_PLAN])) await seedDemoPlan(app);
      await app.listen(config.port, config.host);
      // A worker's readiness is its primary's to announce.
      if (workerDatabase) return;
    }
  } catch (error) {
    // Interrupted while starting: the shutdown under way stops what was started; this is no failure.
    if (stopping) return;
    const code = (error as NodeJS.ErrnoException).code;
    await workers?.stop();
    await database.stop().catch(() => undefined);
    if (code === 'EADDRINUSE')
      fail(`PORT ${config.port} is already in use: stop the other program or set PORT to a free port`);
    if (code === 'EACCES') fail(`PORT ${config.port} needs privileges: choose a port above 1024`);
    if (error instanceof TenantRoleError) fail(error.message);
    // The worker has said why on stderr (it shares this terminal and log).
    if (error instanceof WorkerStartError) fail(error.message);
    logger().fatal({ err: error }, 'start-up failed');
    fail(`start-up failed: ${(error as Error).message}`);
  }
  const address = `http://localhost:${config.port}`;
  logger().info({ url: address }, 'Duban is ready');
  // A supervisor that started us with an IPC channel (pm2's wait_ready, the bench) learns that every
  // worker listens, which /readyz cannot tell it.
  process.send?.('ready');
  if (process.stdout.isTTY || process.env.DUBAN_BANNER === '1') {
    process.stdout.write(`\n督办 Duban is running at ${address}\n  GraphQL: ${address}/graphql\n`);
    if (demo.length) process.stdout.write(demoBanner(demo));
  }
}

const ROLE_NAMES: Record<string, string> = {
  OFFICE_ADMIN: '政务公开办管理员',
  OFFICE_STAFF: '政务公开办工作人员',
  UNIT_LIAISON: '单位联络员',
  UNIT_LEADER: '单位分管领导',
  LEADERSHIP: '领导',
  SECURITY_ADMIN: '安全管理员',
  SECURITY_AUDITOR: '安全审计员',
};

function demoBanner(logins: DemoLogin[]): string {
  const lines = logins.map((l) => `    ${l.username.padEnd(12)} ${ROLE_NAMES[l.role]}${l.unit ? `（${l.unit}）` : ''}`);
  const others = '    (every other unit: its code + -lly, e.g. czt-lly 省财政厅, dl-lly 大连市政府; see the README)';
  return ['', `  Demo logins — 机构代码 ${DEMO_TENANT.code}, 密码 ${DEMO_PASSWORD}:`, ...lines, others, ''].join('\n');
}

void main();
