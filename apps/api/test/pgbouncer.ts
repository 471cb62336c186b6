import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../src/database/embedded-postgres.js';
import { testRunDir } from './test-database.js';

const BINARIES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'];

/** A real PgBouncer in transaction pooling in front of a PostgreSQL server, for as long as a test file runs. */
export interface PgBouncer {
  /** The URL of `database` through PgBouncer. */
  url(database: string): string;
  stop(): Promise<void>;
}

function binary(): string {
  const found =
    BINARIES.find((file) => existsSync(file)) ??
    (spawnSync('pgbouncer', ['--version']).status === 0 ? 'pgbouncer' : null);
  if (!found)
    throw new Error('pgbouncer is not installed: apt-get install pgbouncer (Debian), then run the test again');
  return found;
}

async function listening(port: number, child: ChildProcess, log: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${readLog(log)}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(socket.end() && true));
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    if (Date.now() > deadline) throw new Error(`pgbouncer did not listen on ${port} in 10 s: ${readLog(log)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const readLog = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').slice(-2000) : '(no log)');

/**
 * Starts PgBouncer on a free loopback port with `pool_mode = transaction` and a small pool, so clients
 * share server connections as in production. It runs as `postgres` when we are root (PgBouncer refuses
 * root). The caller stops it in afterAll; a jest process that dies takes it along (exit hook).
 */
export async function startPgBouncer(serverUrl: string, poolSize = 3): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const dir = path.join(testRunDir(), `pgbouncer-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o777);
  const port = await freePort();
  const log = path.join(dir, 'pgbouncer.log');
  const ini = path.join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port} user=${decodeURIComponent(server.username)} password=${decodeURIComponent(server.password)}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 200',
      `logfile = ${log}`,
      'ignore_startup_parameters = extra_float_digits',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const args = process.getuid?.() === 0 ? ['-u', 'postgres', ini] : [ini];
  const child = spawn(binary(), args, { stdio: 'ignore' });
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', kill);
  try {
    await listening(port, child, log);
  } catch (error) {
    kill();
    throw error;
  }
  return {
    url(database) {
      const u = new URL(serverUrl);
      u.port = String(port);
      // PgBouncer listens on TCP only; the test server's URL may name its Unix socket (global-setup.ts).
      u.searchParams.delete('host');
      u.pathname = `/${database}`;
      return u.toString();
    },
    async stop() {
      process.removeListener('exit', kill);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 3000)))]);
        clearTimeout(timer);
        kill();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
