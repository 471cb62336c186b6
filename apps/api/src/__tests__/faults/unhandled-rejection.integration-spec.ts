import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { FAULT_UNREADY_MS } from '../../common/process-guard.js';
import { freePort } from '../../database/embedded-postgres.js';
import { createTestDatabase } from '../../../test/test-database.js';
import { killApi, startApi } from './api-process.js';

/**
 * A rejection nobody awaits (pg-boss 10 completing a job whose database went away) must not end the API
 * process and every request on it: the process logs it, says it is not ready for a while, keeps
 * serving and becomes ready again by itself.
 */
describe('an unhandled promise rejection in the API process', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let api: ChildProcess | null = null;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    port = await freePort();
    api = await startApi(database.url, port, {}, ['./apps/api/test/reject-on-signal.ts']);
  }, 120_000);
  afterAll(async () => {
    await killApi(api);
    await database?.drop();
  });

  const status = (path: string) =>
    request(`http://127.0.0.1:${port}`)
      .get(path)
      .timeout(5000)
      .then((r) => r.status);

  it('keeps the process running, unready for a while, then ready again', async () => {
    expect(await status('/readyz')).toBe(200);
    api!.kill('SIGUSR2');
    await new Promise((r) => setTimeout(r, 500));
    expect(api!.exitCode).toBeNull();
    expect(api!.signalCode).toBeNull();
    expect(await status('/healthz')).toBe(200);
    expect(await status('/readyz')).toBe(503);
    const served = await request(`http://127.0.0.1:${port}`)
      .post('/graphql')
      .send({ query: '{ serverInfo { timeZone } }' });
    expect(served.body.data.serverInfo.timeZone).toBe('Asia/Shanghai');
    await new Promise((r) => setTimeout(r, FAULT_UNREADY_MS));
    expect(await status('/readyz')).toBe(200);
  }, 60_000);
});
