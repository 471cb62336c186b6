import { createTestApp, type TestApp } from '../../test/test-app.js';
import { isApiPath } from '../app.factory.js';

describe('the API on real PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers a GraphQL round trip', async () => {
    const res = await t.http.post('/graphql').send({ query: '{ __typename serverInfo { timeZone now } }' }).expect(200);
    expect(res.body.data.__typename).toBe('Query');
    expect(res.body.data.serverInfo.timeZone).toBe('Asia/Shanghai');
    expect(Date.parse(res.body.data.serverInfo.now)).not.toBeNaN();
  });

  it('runs every migration into the test database', async () => {
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM migrations`);
    expect(rows[0].n).toBeGreaterThan(0);
    const tables = await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['tenant', 'unit', 'app_user', 'user_session', 'audit_log']),
    );
  });

  it('keeps every GET route of the API out of the web app’s fallback to index.html (downloads stay downloads)', () => {
    const stack = (
      t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      }
    ).router.stack;
    const gets = stack.filter((layer) => layer.route?.methods.get).map((layer) => layer.route!.path);
    expect(gets).toEqual(expect.arrayContaining(['/units/template.xlsx', '/accounts/template.xlsx']));
    expect(gets.filter((route) => !isApiPath(route))).toEqual([]);
  });

  it('reports liveness and readiness', async () => {
    await t.http.get('/healthz').expect(200, { status: 'ok' });
    await t.http.get('/readyz').expect(200);
  });

  it('tags every response with a request id, keeping a sane one from the proxy', async () => {
    const res = await t.http.get('/healthz').set('x-request-id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    const generated = await t.http.get('/healthz').set('x-request-id', 'bad id with spaces');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed query with a Chinese message and the GraphQL code', async () => {
    const res = await t.http.post('/graphql').send({ query: '{ nope }' });
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors[0].message).toMatch(/请求参数不符合接口定义/);
  });

  it('keeps the audit log append-only', async () => {
    const { rows } = await t.db.query(`INSERT INTO tenant (code, name) VALUES ('t-audit', '测试') RETURNING id`);
    await t.db.query(
      `INSERT INTO audit_log (tenant_id, entity_type, entity_id, action) VALUES ($1, 'tenant', $1, 'create')`,
      [rows[0].id],
    );
    await expect(t.db.query(`UPDATE audit_log SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });
});
