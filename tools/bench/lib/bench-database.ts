// The database the benchmark runs on: BENCH_DATABASE_URL, or a throw-away embedded PostgreSQL in a
// temporary directory, migrated like a fresh install.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
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
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-bench-'));
  // When run as root, the embedded server runs initdb as the postgres user, who must reach the directory.
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE duban_bench');
  // Bulk loading and a benchmark, not durability: these settings only affect this throw-away cluster.
  for (const setting of [
    "synchronous_commit = 'off'",
    "max_wal_size = '4GB'",
    "shared_buffers = '256MB'",
    "work_mem = '16MB'",
  ]) {
    await admin.query(`ALTER SYSTEM SET ${setting}`);
  }
  await admin.query('SELECT pg_reload_conf()');
  await admin.end();
  const url = withDatabase(server.url, 'duban_bench');
  await runMigrations(url);
  log(`embedded PostgreSQL on port ${server.port}, data in ${dir}`);
  return {
    url,
    embedded: true,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
