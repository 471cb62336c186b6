import { execFile, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { promisify } from 'node:util';
import { freePort } from '../../database/embedded-postgres.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { until } from '../../../test/until.js';
import { killApi, startApi } from './api-process.js';

/** Which process answered a GET on a connection of its own (the cluster hands out connections, not requests). */
function answeredBy(port: number, path = '/healthz'): Promise<{ status: number; pid: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, pid: Number(res.headers['x-test-worker-pid']) }));
    });
    req.on('timeout', () => req.destroy(new Error('no answer in 5 s')));
    req.on('error', reject);
  });
}

async function answeringPids(port: number, requests = 20): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < requests; i++) {
    const { status, pid } = await answeredBy(port);
    expect(status).toBe(200);
    pids.add(pid);
  }
  return pids;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * WEB_CONCURRENCY=2 on the built API: two worker processes answer on one port, a worker that dies is
 * replaced while the other keeps serving, and SIGTERM stops the workers before the primary exits.
 */
describe('the API with WEB_CONCURRENCY=2', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let primary: ChildProcess | null = null;
  let port: number;

  beforeAll(async () => {
    // `npm test` has built it already; run alone, this brings dist/api up to date (tsc -b is incremental).
    await promisify(execFile)('node_modules/.bin/tsc', ['-b', 'apps/api/tsconfig.app.json']);
    database = await createTestDatabase();
    port = await freePort();
    primary = await startApi(database.url, port, { WEB_CONCURRENCY: '2' }, ['./apps/api/test/worker-pid-header.mjs'], {
      built: true,
    });
  }, 240_000);
  afterAll(async () => {
    await killApi(primary);
    await database?.drop();
  });

  it('answers from two worker processes and replaces one that is killed', async () => {
    // /healthz answered once the first worker listened; the second may still be starting.
    const workers = await until('two workers answering', async () => {
      const pids = await answeringPids(port, 6);
      return pids.size === 2 && pids;
    });
    expect(workers.has(primary!.pid!)).toBe(false);

    const [victim, survivor] = [...workers];
    process.kill(victim, 'SIGKILL');
    let now = new Set<number>();
    await until(
      'a replacement worker answering beside the survivor',
      async () => {
        now = await answeringPids(port, 6);
        return now.size === 2 && !now.has(victim);
      },
      { timeoutMs: 60_000, everyMs: 200 },
    );
    expect(now.has(survivor)).toBe(true);
    expect(primary!.exitCode).toBeNull();
    const graphql = await new Promise<string>((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(body));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query: '{ serverInfo { timeZone } }' }));
    });
    expect(JSON.parse(graphql).data.serverInfo.timeZone).toBe('Asia/Shanghai');
  }, 120_000);

  it('stops its workers, then itself, on SIGTERM', async () => {
    const workers = await answeringPids(port, 6);
    const exited = new Promise<number | null>((resolve) => primary!.once('exit', (code) => resolve(code)));
    primary!.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
  }, 60_000);
});
