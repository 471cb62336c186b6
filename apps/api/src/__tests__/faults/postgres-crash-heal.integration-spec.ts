import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import request from 'supertest';
import { processAlive } from '../../database/embedded-postgres.js';
import { Factory } from '../../../test/factory.js';
import type { TestApp } from '../../../test/test-app.js';
import { until } from '../../../test/until.js';
import { appOn, OwnPostgres } from './own-postgres.js';

/**
 * The embedded PostgreSQL's postmaster killed outright (kill -9, as the kernel's OOM killer would):
 * nobody restarts anything by hand, yet the server comes back with crash recovery, /readyz turns
 * ready again by itself, and writes succeed.
 */
describe('embedded PostgreSQL killed with SIGKILL', () => {
  let own: OwnPostgres;
  let app: NestExpressApplication;
  let db: pg.Pool;

  beforeAll(async () => {
    own = await OwnPostgres.start();
    ({ app, db } = await appOn(own));
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.end().catch(() => undefined);
    await own?.destroy();
  });

  it('restarts the server, becomes ready by itself and accepts writes', async () => {
    const http = request(app.getHttpServer());
    const f = new Factory({ app, db } as unknown as TestApp, db);
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_STAFF');
    await http.get('/readyz').expect(200);

    const pid = (await own.postmasterPid())!;
    process.kill(pid, 'SIGKILL');
    await until('the postmaster to die', async () => (processAlive(pid) ? null : true));
    await until('a new postmaster', async () => {
      const next = await own.postmasterPid();
      return next && next !== pid && processAlive(next) ? next : null;
    });
    await until('readiness', async () => ((await http.get('/readyz')).status === 200 ? true : null));

    // A write through the app: signing in inserts the session row.
    const client = await until('a successful sign-in', async () => {
      try {
        return await f.signIn(tenant, user);
      } catch {
        return null;
      }
    });
    expect((await client.ok('{ me { id } }')).me.id).toBe(user.id);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [user.id]);
    expect(rows[0].n).toBe(1);
  }, 180_000);
});
