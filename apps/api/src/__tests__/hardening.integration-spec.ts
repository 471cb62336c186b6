import { createTestApp, type TestApp } from '../../test/test-app.js';
import { GRAPHQL_MAX_BODY_BYTES } from '../app.factory.js';
import { Factory, TEST_PASSWORD } from '../../test/factory.js';
import { loadConfig } from '../config/app-config.js';
import { DEMO_LOWER_TENANTS, DEMO_PASSWORD, DEMO_TENANT, DEMO_USERS } from '../demo/demo-data.js';
import { disableDemoTenant, seedDemo } from '../demo/seed-demo.js';
import { MAX_RESPONSE_BYTES, MAX_ROOT_FIELDS } from '../graphql/query-limits.js';

describe('GraphQL and HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('bounds aliased root fields, costs large text fields by size and caps the response size', async () => {
    const tooMany = Array.from({ length: MAX_ROOT_FIELDS + 1 }, (_, i) => `a${i}: serverInfo { now }`).join(' ');
    const refused = await t.http.post('/graphql').send({ query: `{ ${tooMany} }` });
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors[0]).toMatchObject({
      message: `一次请求的查询项过多（最多 ${MAX_ROOT_FIELDS} 项），请分开查询`,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const small = await t.http.post('/graphql').send({ query: `{ a: serverInfo { now } b: serverInfo { now } }` });
    expect(small.body.data.b.now).toBeDefined();

    const f = new Factory(t);
    const tenant = await f.tenant();
    const kp = await f.keyPointPlan(tenant);
    await t.db.query(`UPDATE plan SET source_text = $2 WHERE id = $1`, [kp.planId, '政'.repeat(1_000_000)]);
    const office = await f.client(tenant, 'OFFICE_STAFF');
    // A page of plans with their full texts costs a thousand ordinary fields per plan.
    const page = await office.gql('{ plans(first: 100) { nodes { id sourceText } } }');
    expect(page.errors![0].message).toMatch(/^查询过于复杂/);
    // The estimate is remembered per document and variables: refused again, and a smaller page is not.
    const plansPage = 'query($n: Int) { plans(first: $n) { nodes { id sourceText } } }';
    expect((await office.gql(plansPage, { n: 100 })).errors![0].message).toMatch(/^查询过于复杂/);
    expect((await office.gql(plansPage, { n: 100 })).errors![0].message).toMatch(/^查询过于复杂/);
    expect((await office.ok(plansPage, { n: 1 })).plans.nodes).toHaveLength(1);
    expect((await office.ok(`{ plan(id: "${kp.planId}") { sourceText } }`)).plan.sourceText).toHaveLength(1_000_000);
    // Within the cost limit, five copies of a 3 MB text make a response over the cap.
    const copies = Array.from({ length: 5 }, (_, i) => `p${i}: plan(id: "${kp.planId}") { sourceText }`).join(' ');
    const big = await office.agent.post('/graphql').send({ query: `{ ${copies} }` });
    expect(big.status).toBe(400);
    expect(big.body).toEqual({
      errors: [
        {
          message: `查询结果过大（超过 ${MAX_RESPONSE_BYTES / 1024 / 1024} MB），请减少字段或每页条数`,
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
  });

  it('does not accept batched operations', async () => {
    const res = await t.http
      .post('/graphql')
      .send([{ query: '{ serverInfo { now } }' }, { query: '{ serverInfo { now } }' }]);
    expect(res.status).toBe(400);
  });

  it('refuses bodies over the size limit without crashing', async () => {
    const huge = 'x'.repeat(40 * 1024 * 1024);
    const res = await t.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(`{"query":"{ serverInfo { now } }","x":"${huge}"}`);
    expect(res.status).toBe(413);
    // Documents no longer travel in GraphQL: a little over 1 MB is refused before any session check.
    const justOver = await t.http
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(`{"query":"{ serverInfo { now } }","x":"${'x'.repeat(GRAPHQL_MAX_BODY_BYTES)}"}`);
    expect([justOver.status, justOver.body.errors[0].message]).toEqual([413, '请求过大']);
    await t.http.get('/healthz').expect(200);
  });

  it('refuses a simple cross-site form post to GraphQL (CSRF prevention)', async () => {
    const res = await t.http
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send('{"query":"{ serverInfo { now } }"}');
    expect(res.status).toBe(400);
  });

  it('sends security headers with a content-security policy', async () => {
    const res = await t.http.get('/healthz');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('turns introspection off', async () => {
    const res = await t.http.post('/graphql').send({ query: '{ __schema { types { name } } }' });
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0]).toMatchObject({
      message: '请求参数不符合接口定义',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    // graphql-js's English explanation stays in the log in production.
    expect(res.body.errors[0].extensions.detail).toBeUndefined();
  });

  it('serves no GraphQL explorer page', async () => {
    const res = await t.http.get('/graphql').set('accept', 'text/html');
    expect(res.text ?? '').not.toMatch(/graphiql|apollo sandbox|embeddable/i);
  });
});

describe('sessions and cookies', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true', SESSION_IDLE_MINUTES: '30' });
    f = new Factory(t);
  });
  afterAll(() => t.close());

  it('sets __Host- cookies over HTTPS and ends a session left idle', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const res = await t.http
      .post('/graphql')
      .set('x-forwarded-proto', 'https')
      .send({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: { input: { tenantCode: tenant.code, username: user.username, password: TEST_PASSWORD } },
      });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('__Host-duban_session='))!;
    expect(session).toMatch(/; Secure/i);
    expect(session).toMatch(/; Path=\//i);
    expect(session).not.toMatch(/Domain=/i);
    expect(cookies.some((c) => c.startsWith('__Host-duban_csrf='))).toBe(true);
    const cookie = session.split(';')[0];
    const me = () =>
      t.http.post('/graphql').set('x-forwarded-proto', 'https').set('cookie', cookie).send({ query: '{ me { id } }' });
    expect((await me()).body.data.me.id).toBe(user.id);
    await t.db.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
      user.id,
    ]);
    expect((await me()).body.data.me).toBeNull();
  });
});

describe('the demo tenant in production', () => {
  it('is refused by the configuration', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toThrow(
      /SEED_DEMO must not be true in production/,
    );
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
  });

  it('is disabled at start when a database still holds it', async () => {
    const t = await createTestApp();
    try {
      await seedDemo(t.databaseUrl);
      // The demo province and its linked demo cities: every one of their accounts is disabled.
      const codes = [DEMO_TENANT.code, ...DEMO_LOWER_TENANTS.map((c) => c.code)];
      const activeUsers = async () =>
        (
          await t.db.query(
            `SELECT count(*) FILTER (WHERE u.active)::int AS active FROM app_user u JOIN tenant t ON t.id = u.tenant_id WHERE t.code = ANY($1)`,
            [codes],
          )
        ).rows[0].active as number;
      const before = await activeUsers();
      expect(before).toBeGreaterThan(DEMO_USERS.length);
      expect(await disableDemoTenant(t.databaseUrl)).toBe(before);
      expect(await activeUsers()).toBe(0);
      const res = await t.http.post('/graphql').send({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: {
          input: { tenantCode: DEMO_TENANT.code, username: DEMO_USERS[0].username, password: DEMO_PASSWORD },
        },
      });
      expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(await disableDemoTenant(t.databaseUrl)).toBe(0);
    } finally {
      await t.close();
    }
  });
});
