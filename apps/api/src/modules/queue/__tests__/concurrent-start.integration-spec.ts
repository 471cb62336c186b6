import pg from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../config/app-config.js';
import { dataSourceOptions } from '../../../database/database.js';
import { configureLogger } from '../../../logging/logger.js';
import { createTestDatabase } from '../../../../test/test-database.js';
import type { JobName } from '../job-names.js';
import { QueueService } from '../queue.service.js';

// API processes starting at once on a database whose job queue does not exist yet (a new deployment,
// the cluster harness's concurrent-start): each creates pg-boss's schema, grants the tenant role its
// part, and creates every queue. pg-boss 10 deadlocks two creations of one new queue, and two GRANTs on
// one object at once fail; either ended a process's start.
const QUEUES: JobName[] = [
  'daily-supervision',
  'tenant-supervision',
  'supervision-catch-up',
  'evidence-check',
  'evidence-recheck',
  'tenant-digest',
  'upper-plan-points',
];
const PROCESSES = 4;

describe('job queues of processes starting at once', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  const sources: DataSource[] = [];
  const queues: QueueService[] = [];

  beforeAll(async () => {
    configureLogger('warn');
    database = await createTestDatabase();
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    await admin.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
    await admin.end();
  });
  afterAll(async () => {
    for (const queue of queues) await queue.beforeApplicationShutdown();
    for (const source of sources) await source.destroy();
    await database?.drop();
  });

  it('all start, with every queue made', async () => {
    const config = loadConfig({ NODE_ENV: 'test', JOBS_ENABLED: 'true', LOG_LEVEL: 'silent' });
    for (let i = 0; i < PROCESSES; i++) {
      const source = await new DataSource(dataSourceOptions(database.url, 2)).initialize();
      sources.push(source);
      const queue = new QueueService(config, source);
      for (const name of QUEUES) queue.register({ name, work: async () => undefined });
      queues.push(queue);
    }
    const outcomes = await Promise.allSettled(queues.map((q) => q.onApplicationBootstrap()));
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect(queues.every((q) => q.running)).toBe(true);
    const rows = await sources[0].query(
      `SELECT name FROM pgboss.queue WHERE name NOT LIKE '\\_\\_pgboss%' ORDER BY name`,
    );
    expect(rows.map((r: { name: string }) => r.name)).toEqual([...QUEUES].sort());
  });
});
