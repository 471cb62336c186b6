import { createTestApp, type TestApp } from '../../test/test-app.js';
import { MAX_QUERY_COMPLEXITY } from '../graphql/query-limits.js';

describe('GraphQL and HTTP hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses an operation above the complexity limit before running it', async () => {
    const aliases = Array.from({ length: MAX_QUERY_COMPLEXITY / 2 + 10 }, (_, i) => `a${i}: serverInfo { now }`).join(' ');
    const res = await t.http.post('/graphql').send({ query: `{ ${aliases} }` });
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(/^查询过于复杂/);
    const small = await t.http.post('/graphql').send({ query: `{ a: serverInfo { now } b: serverInfo { now } }` });
    expect(small.body.data.b.now).toBeDefined();
  });

  it('does not accept batched operations', async () => {
    const res = await t.http.post('/graphql').send([{ query: '{ serverInfo { now } }' }, { query: '{ serverInfo { now } }' }]);
    expect(res.status).toBe(400);
  });

  it('refuses bodies over the size limit without crashing', async () => {
    const huge = 'x'.repeat(40 * 1024 * 1024);
    const res = await t.http.post('/graphql').set('content-type', 'application/json').send(`{"query":"{ serverInfo { now } }","x":"${huge}"}`);
    expect(res.status).toBe(413);
    await t.http.get('/healthz').expect(200);
  });

  it('refuses a simple cross-site form post to GraphQL (CSRF prevention)', async () => {
    const res = await t.http.post('/graphql').set('content-type', 'text/plain').send('{"query":"{ serverInfo { now } }"}');
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
    expect(res.body.errors[0]).toMatchObject({ message: '请求参数不符合接口定义', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(res.body.errors[0].extensions.detail).toMatch(/introspection/i);
  });

  it('serves no GraphQL explorer page', async () => {
    const res = await t.http.get('/graphql').set('accept', 'text/html');
    expect(res.text ?? '').not.toMatch(/graphiql|apollo sandbox|embeddable/i);
  });
});
