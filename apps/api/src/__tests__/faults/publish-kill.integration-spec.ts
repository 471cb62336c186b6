import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import request from 'supertest';
import { freePort } from '../../database/embedded-postgres.js';
import { Factory, TEST_PASSWORD } from '../../../test/factory.js';
import type { TestApp } from '../../../test/test-app.js';
import { startApi } from './api-process.js';
import { OwnPostgres } from './own-postgres.js';

const KEY_POINTS = 60;
const UNITS = 200;
const PUBLISH = `mutation($id: ID!, $version: Int!) { publishPlan(id: $id, version: $version) { id status } }`;

/**
 * The API process killed outright while it publishes a big plan (60 key points × 200 units): the
 * publish is one transaction, so the plan is either published with every task or still a draft
 * with none, and a new process can publish it afterwards.
 */
describe('the API killed in the middle of publishing', () => {
  let own: OwnPostgres;
  let db: pg.Pool;
  let api: ChildProcess | null = null;

  beforeAll(async () => {
    own = await OwnPostgres.start();
    db = new pg.Pool({ connectionString: own.url, max: 2 });
    // Idle connections die with the server at teardown; that is expected, not a test failure.
    db.on('error', () => undefined);
  }, 120_000);
  afterAll(async () => {
    api?.kill('SIGKILL');
    await db?.end();
    await own?.destroy();
  });

  it('leaves the plan fully published or untouched, never half', async () => {
    const f = new Factory({} as TestApp, db);
    const tenant = await f.tenant();
    await Promise.all(Array.from({ length: UNITS }, (_, i) => f.unit(tenant, `单位${i + 1}`)));
    const admin = await f.user(tenant, 'OFFICE_ADMIN');
    const year = new Date().getFullYear();
    const plan = (
      await db.query(`INSERT INTO plan (tenant_id, year, title) VALUES ($1, $2, '大计划') RETURNING id`, [
        tenant.id,
        year,
      ])
    ).rows[0].id;
    await db.query(
      `INSERT INTO key_point (tenant_id, plan_id, seq, label, title) SELECT $1, $2, s, '(' || s || ')', '要点' || s FROM generate_series(1, $3) s`,
      [tenant.id, plan, KEY_POINTS],
    );
    await db.query(
      `INSERT INTO key_point_unit (tenant_id, key_point_id, role, raw_name, unit_id, sort)
       SELECT $1, k.id, CASE WHEN u.sort = 1 THEN 'LEAD' ELSE 'RESPONSIBLE' END, u.name, u.id, u.sort
         FROM key_point k CROSS JOIN (SELECT id, name, row_number() OVER (ORDER BY name)::int AS sort FROM unit WHERE tenant_id = $1) u
        WHERE k.tenant_id = $1 AND k.plan_id = $2`,
      [tenant.id, plan],
    );

    const port = await freePort();
    api = await startApi(own.url, port);
    const agent = request.agent(`http://127.0.0.1:${port}`);
    const signIn = await agent.post('/graphql').send({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
      variables: { input: { tenantCode: tenant.code, username: admin.username, password: TEST_PASSWORD } },
    });
    const csrf = signIn.body.data.signIn.csrfToken;

    // Kill the process as soon as the publish transaction has written something.
    const publishing = agent
      .post('/graphql')
      .set('x-csrf-token', csrf)
      .send({ query: PUBLISH, variables: { id: plan, version: 1 } })
      .then(
        (r) => r.status,
        () => 0,
      );
    let caughtMidway = false;
    for (let i = 0; i < 2000 && !caughtMidway; i++) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'duban-api' AND backend_xid IS NOT NULL`,
      );
      if (rows[0].n > 0) caughtMidway = true;
      else await new Promise((r) => setTimeout(r, 2));
    }
    api.kill('SIGKILL');
    await publishing;
    expect(caughtMidway).toBe(true);

    // The server rolls back the orphaned transaction once it sees the client gone.
    for (let i = 0; i < 200; i++) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'duban-api' AND state <> 'idle'`,
      );
      if (rows[0].n === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const state = async () => {
      const p = await db.query(`SELECT status, version FROM plan WHERE id = $1`, [plan]);
      const t = await db.query(`SELECT count(*)::int AS n FROM task WHERE plan_id = $1`, [plan]);
      return { status: p.rows[0].status as string, version: p.rows[0].version as number, tasks: t.rows[0].n as number };
    };
    const after = await state();
    if (after.status === 'PUBLISHED') expect(after.tasks).toBe(KEY_POINTS * UNITS);
    else expect(after).toEqual({ status: 'DRAFT', version: 1, tasks: 0 });

    // A fresh process finishes the job (or finds it done).
    api = await startApi(own.url, port);
    if (after.status === 'DRAFT') {
      const again = request.agent(`http://127.0.0.1:${port}`);
      const s = await again.post('/graphql').send({
        query: `mutation($input: SignInInput!) { signIn(input: $input) { csrfToken } }`,
        variables: { input: { tenantCode: tenant.code, username: admin.username, password: TEST_PASSWORD } },
      });
      const res = await again
        .post('/graphql')
        .set('x-csrf-token', s.body.data.signIn.csrfToken)
        .send({ query: PUBLISH, variables: { id: plan, version: 1 } });
      expect(res.body.data?.publishPlan.status).toBe('PUBLISHED');
    }
    expect(await state()).toMatchObject({ status: 'PUBLISHED', tasks: KEY_POINTS * UNITS });
  });
});
