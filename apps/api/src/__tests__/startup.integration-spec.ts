import { spawn } from 'node:child_process';
import net from 'node:net';
import { freePort } from '../database/embedded-postgres.js';
import { createTestDatabase } from '../../test/test-database.js';

const root = process.cwd();

/** Starts the API from its sources the way npm start does (minus the build) and collects its output. */
function startApi(
  env: Record<string, string>,
  timeoutMs = 30000,
): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', './tools/register-ts.mjs', 'apps/api/src/main.ts'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        WEB_DIST: 'off',
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'fatal',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The one line meant for the person: the ✖ line on stderr. */
const userLine = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('✖'));

describe('start-up refuses bad conditions with one clear line', () => {
  it('names a bad config variable', async () => {
    const { code, stderr } = await startApi({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(userLine(stderr)).toEqual(['✖ Invalid configuration: PORT must be a whole number, got "eighty"']);
  });

  it('names a DATABASE_URL that is not a PostgreSQL URL', async () => {
    const { code, stderr } = await startApi({ DATABASE_URL: 'mysql://localhost/x' });
    expect(code).toBe(1);
    expect(userLine(stderr)[0]).toMatch(/DATABASE_URL must start with postgres:\/\/ or postgresql:\/\//);
  });

  it('says when DATABASE_URL is unreachable', async () => {
    const port = await freePort();
    const { code, stderr } = await startApi({ DATABASE_URL: `postgres://duban:x@127.0.0.1:${port}/duban` });
    expect(code).toBe(1);
    expect(userLine(stderr)).toHaveLength(1);
    expect(userLine(stderr)[0]).toMatch(new RegExp(`DATABASE_URL 127\\.0\\.0\\.1:${port}/duban is not reachable`));
  });

  it('says when DATA_DIR is not writable', async () => {
    const { code, stderr } = await startApi({ DATA_DIR: '/proc/duban-data' });
    expect(code).toBe(1);
    expect(userLine(stderr)[0]).toMatch(/DATA_DIR \/proc\/duban-data is not writable/);
  });

  /** Starts the API on a database of its own and a port another server already holds. */
  async function startOnTakenPort(env: Record<string, string> = {}) {
    const database = await createTestDatabase();
    const blocker = net.createServer();
    const port = await freePort();
    await new Promise<void>((r) => blocker.listen(port, '0.0.0.0', r));
    try {
      const started = await startApi({ DATABASE_URL: database.url, PORT: String(port), ...env }, 90_000);
      return {
        ...started,
        lines: userLine(started.stderr),
        inUse: `✖ PORT ${port} is already in use: stop the other program or set PORT to a free port`,
      };
    } finally {
      blocker.close();
      await database.drop();
    }
  }

  it('says when the port is in use', async () => {
    const { code, lines, inUse } = await startOnTakenPort();
    expect(code).toBe(1);
    expect(lines).toEqual([inUse]);
  }, 120_000);

  it('says so, and stops, when its worker processes cannot listen', async () => {
    const { code, lines, inUse } = await startOnTakenPort({ WEB_CONCURRENCY: '2' });
    expect(code).toBe(1);
    expect(lines[0]).toBe(inUse);
    expect(lines.at(-1)).toMatch(/^✖ an API worker process exited while starting \(code 1, signal null\): see above$/);
  }, 120_000);
});
