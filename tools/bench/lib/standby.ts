// A real streaming standby of the bench's embedded PostgreSQL: pg_basebackup -R (PostgreSQL 15's
// client, on PATH: Debian's postgresql-client-15) into a temporary directory, then the embedded server
// binary started on it as a hot standby. What DATABASE_READ_URL points at in a deployment.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chown, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../apps/api/src/database/embedded-postgres.js';

const run = promisify(execFile);

export interface Standby {
  url: string;
  /** The standby's postmaster, for its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

/** Whether pg_basebackup is there to make a standby with; the command to install it otherwise. */
export async function standbyMissing(): Promise<string | null> {
  try {
    await run('pg_basebackup', ['--version']);
    return null;
  } catch {
    return 'pg_basebackup not found (apt-get install postgresql-client-15)';
  }
}

export async function startStandby(primaryUrl: string, log: (line: string) => void): Promise<Standby> {
  const user = await postgresIds();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-standby-'));
  const pgDir = path.join(dir, 'pg');
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid!);
  const primary = new URL(primaryUrl);
  const started = performance.now();
  // -R writes standby.signal and primary_conninfo; -X stream copies the WAL written meanwhile.
  await run(
    'pg_basebackup',
    [
      '-D',
      pgDir,
      '-R',
      '-X',
      'stream',
      '-c',
      'fast',
      '-d',
      primary.origin.replace(/^postgres:/, 'postgresql:') + '/postgres',
    ],
    {
      ...user,
      env: { ...process.env, PGPASSWORD: decodeURIComponent(primary.password) },
    },
  ).catch(async (error) => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  log(`standby copied in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const binaries = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { postgres: string };
  const port = await freePort();
  const child: ChildProcess = spawn(
    binaries.postgres,
    [
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
      '-c',
      'hot_standby=on',
      '-c',
      'hot_standby_feedback=on',
    ],
    { ...user, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGINT');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      child.once('exit', (code) => reject(new Error(`standby exited (${code}): ${output.slice(-1000)}`)));
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        if (output.includes('ready to accept read-only connections')) resolve();
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const url = new URL(primaryUrl);
  url.port = String(port);
  log(
    `streaming standby on port ${port} (${(await readdir(pgDir)).includes('standby.signal') ? 'standby.signal' : '?'})`,
  );
  return { url: url.toString(), pid: child.pid!, stop };
}
