// A real streaming standby of the bench's embedded PostgreSQL: pg_basebackup -R (PostgreSQL 15's
// client, on PATH: Debian's postgresql-client-15) into a temporary directory, then started like the
// embedded server, as a hot standby. What DATABASE_READ_URL points at in a deployment.
import { execFile } from 'node:child_process';
import { appendFile, chmod, chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedPostgres } from '../../../apps/api/src/database/embedded-postgres.js';

const run = promisify(execFile);

export interface Standby {
  /** The standby's server (database `postgres`). */
  url: string;
  /** Its postmaster, for its CPU time. */
  pid: number;
  stop(): Promise<void>;
}

/** Whether pg_basebackup is there to make a standby with; what to install otherwise. */
export async function standbyMissing(): Promise<string | null> {
  try {
    await run('pg_basebackup', ['--version']);
    return null;
  } catch {
    return 'pg_basebackup not found (apt-get install postgresql-client-15)';
  }
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  return { uid: await id('-u'), gid: await id('-g') };
}

export async function startStandby(primaryUrl: string, log: (line: string) => void): Promise<Standby> {
  const user = await postgresIds();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-standby-'));
  await chmod(dir, 0o755);
  if (user.uid !== undefined) await chown(dir, user.uid, user.gid!);
  const primary = new URL(primaryUrl);
  const password = decodeURIComponent(primary.password);
  const pgDir = path.join(dir, 'pg');
  try {
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
        '-h',
        primary.hostname,
        '-p',
        primary.port,
        '-U',
        decodeURIComponent(primary.username),
      ],
      {
        ...user,
        env: { ...process.env, PGPASSWORD: password },
      },
    );
    log(`standby copied in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The primary's vacuum leaves alone what the standby's queries still read (no recovery conflicts).
    await appendFile(path.join(pgDir, 'postgresql.auto.conf'), 'hot_standby_feedback = on\n');
    await writeFile(path.join(dir, 'pg-password'), password, { mode: 0o600 });
    const server = await startEmbeddedPostgres({ dataDir: dir, heal: false });
    return {
      url: server.url,
      pid: (await server.postmasterPid())!,
      async stop() {
        await server.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
