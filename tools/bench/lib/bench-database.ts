// The database the benchmark runs on: BENCH_DATABASE_URL, or an embedded PostgreSQL in a temporary
// directory (or BENCH_DATA_DIR, kept between runs), migrated like a fresh install.
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { runMigrations, withDatabase } from '../../../apps/api/src/database/database.js';
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres.js';

export interface BenchDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    await runMigrations(external);
    return { url: external, embedded: false, stop: async () => undefined };
  }
  // BENCH_DATA_DIR keeps the cluster (and its generated province) for the next run.
  const keep = process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : null;
  if (keep) await mkdir(keep, { recursive: true });
  const dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), 'duban-bench-')));
  // When run as root, the embedded server runs initdb as the postgres user, who must reach the directory.
  await chmod(dir, 0o755);
  let server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'duban_bench'`)).rowCount;
  if (!exists) await admin.query('CREATE DATABASE duban_bench');
  const preloaded = (await admin.query('SHOW shared_preload_libraries')).rows[0].shared_preload_libraries as string;
  // Bulk loading and a benchmark, not durability: these settings only affect this throw-away cluster.
  // pg_stat_statements counts the statements each request sends (loaded at start-up, hence a restart).
  for (const setting of [
    "synchronous_commit = 'off'",
    "max_wal_size = '4GB'",
    "shared_buffers = '256MB'",
    "work_mem = '16MB'",
    "shared_preload_libraries = 'pg_stat_statements'",
  ]) {
    await admin.query(`ALTER SYSTEM SET ${setting}`);
  }
  await admin.end();
  await server.stop();
  server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  if (!preloaded.includes('pg_stat_statements')) log('pg_stat_statements preloaded');
  const url = withDatabase(server.url, 'duban_bench');
  await runMigrations(url);
  log(`embedded PostgreSQL on port ${server.port}, data in ${dir}${keep ? ' (kept)' : ''}`);
  return {
    url,
    embedded: true,
    async stop() {
      await server.stop();
      if (!keep) await rm(dir, { recursive: true, force: true });
    },
  };
}
