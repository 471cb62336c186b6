import request from 'supertest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, TEST_PASSWORD, type TestTenant } from '../../../../test/factory.js';
import { MAX_FAILED_SIGN_INS, SIGN_IN_FAILED } from '../auth.service.js';
import { SignInThrottleService, THROTTLE_RULES } from '../sign-in-throttle.service.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id role tenantName unitName csrfToken } }`;

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant('测试市人民政府办公室');
  });
  afterAll(() => t.close());

  const signIn = (
    agent: ReturnType<typeof request.agent>,
    username: string,
    password = TEST_PASSWORD,
    tenantCode = tenant.code,
  ) => agent.post('/graphql').send({ query: SIGN_IN, variables: { input: { tenantCode, username, password } } });

  it('signs in with a session cookie that is httpOnly and SameSite, and stores only its hash', async () => {
    const unit = await f.unit(tenant, '市发展改革委');
    const user = await f.user(tenant, 'UNIT_LIAISON', unit);
    const agent = request.agent(t.app.getHttpServer());
    const res = await signIn(agent, user.username);
    expect(res.body.data.signIn).toMatchObject({
      role: 'UNIT_LIAISON',
      tenantName: '测试市人民政府办公室',
      unitName: '市发展改革委',
    });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const session = cookies.find((c) => c.startsWith('duban_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    const secret = decodeURIComponent(session.split(';')[0].split('=')[1]).split('.')[1];
    const { rows } = await t.db.query(`SELECT id FROM user_session WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).not.toContain(secret);
    const me = await agent.post('/graphql').send({ query: '{ me { username } }' });
    expect(me.body.data.me.username).toBe(user.username);
  });

  it('answers me with null when not signed in, and refuses protected mutations', async () => {
    const res = await t.http.post('/graphql').send({ query: '{ me { id } }' });
    expect(res.body.data.me).toBeNull();
    const out = await t.http.post('/graphql').send({ query: 'mutation { signOut }' });
    expect(errorCode(out.body)).toBe('UNAUTHENTICATED');
    expect(out.body.errors[0].message).toBe('请先登录');
  });

  it('refuses a mutation without the CSRF token header', async () => {
    const client = await f.client(tenant, 'OFFICE_STAFF');
    const res = await client.agent.post('/graphql').send({ query: 'mutation { signOut }' });
    expect(errorCode(res.body)).toBe('FORBIDDEN');
    const wrong = await client.agent
      .post('/graphql')
      .set('x-csrf-token', 'x'.repeat(32))
      .send({ query: 'mutation { signOut }' });
    expect(errorCode(wrong.body)).toBe('FORBIDDEN');
  });

  it('signs out for real: the same cookie no longer works', async () => {
    const client = await f.client(tenant, 'OFFICE_STAFF');
    expect(await client.ok('mutation { signOut }')).toEqual({ signOut: true });
    const me = await client.gql('{ me { id } }');
    expect(me.data!.me).toBeNull();
    const { rows } = await t.db.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [client.user.id]);
    expect(rows).toHaveLength(0);
  });

  it('gives the same message for an unknown user and a wrong password', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const unknown = await signIn(request.agent(t.app.getHttpServer()), 'nobody-here');
    const wrong = await signIn(request.agent(t.app.getHttpServer()), user.username, 'wrong-password1');
    expect(unknown.body.errors[0].message).toBe(SIGN_IN_FAILED);
    expect(wrong.body.errors[0].message).toBe(unknown.body.errors[0].message);
    const otherTenant = await f.tenant();
    const crossTenant = await signIn(
      request.agent(t.app.getHttpServer()),
      user.username,
      TEST_PASSWORD,
      otherTenant.code,
    );
    expect(errorCode(crossTenant.body)).toBe('UNAUTHENTICATED');
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const agent = request.agent(t.app.getHttpServer());
    const started = Date.now();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn(agent, user.username, 'wrong-password1');
    // Failures slow down: 250 ms more per failure in a row (0 + 250 + 500 + 750 + 1000).
    expect(Date.now() - started).toBeGreaterThanOrEqual(2400);
    const locked = await signIn(agent, user.username);
    // The same message as any failure: a lock does not tell that the username exists.
    expect(locked.body.errors[0].message).toBe(SIGN_IN_FAILED);
    const { rows } = await t.db.query(
      `SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE id = $1`,
      [user.id],
    );
    expect(rows[0]).toEqual({ failed_logins: MAX_FAILED_SIGN_INS, locked: true });
  });

  it('serves only me, changePassword and signOut until a first or reset password is changed', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    await t.db.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [user.id]);
    const client = await f.signIn(tenant, user);
    expect((await client.ok('{ me { mustChangePassword } }')).me.mustChangePassword).toBe(true);
    const refused = await client.gql('{ plans { totalCount } }');
    expect(refused.errors![0]).toMatchObject({
      message: '请先修改初始密码后再使用系统',
      extensions: { code: 'FORBIDDEN' },
    });
    const upload = await client.upload('/files', { name: 'a.txt', bytes: Buffer.from('正文') });
    expect([upload.status, upload.body.code]).toEqual([403, 'FORBIDDEN']);
    await client.ok(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "NewPassw0rd" }) }`,
    );
    expect((await client.ok('{ plans { totalCount } }')).plans.totalCount).toBe(0);
  });

  it('refuses an expired one-time password', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    await t.db.query(
      `UPDATE app_user SET must_change_password = true, password_expires_at = now() - interval '1 minute' WHERE id = $1`,
      [user.id],
    );
    const res = await signIn(request.agent(t.app.getHttpServer()), user.username);
    expect(res.body.errors[0]).toMatchObject({
      message: '一次性密码已过期，请联系管理员重新设置',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('changes the password, signing out the other sessions of that user', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const first = await f.signIn(tenant, user);
    const second = await f.signIn(tenant, user);
    const weak = await first.gql(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "short" }) }`,
    );
    expect(weak.errors![0]).toMatchObject({ message: '密码至少 8 位', extensions: { code: 'BAD_USER_INPUT' } });
    await first.ok(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "NewPassw0rd" }) }`,
    );
    expect((await first.gql('{ me { id } }')).data!.me).not.toBeNull();
    expect((await second.gql('{ me { id } }')).data!.me).toBeNull();
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action <> 'sign_in'`, [
      user.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['password.change']);
  });

  it('lets only the office admin reset a password, within the tenant', async () => {
    const target = await f.user(tenant, 'OFFICE_STAFF');
    for (const role of ['OFFICE_STAFF', 'LEADERSHIP', 'UNIT_LIAISON', 'UNIT_LEADER'] as const) {
      const other = await f.client(tenant, role);
      const res = await other.gql(`mutation { resetPassword(userId: "${target.id}") }`);
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    const foreignAdmin = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    expect(errorCode(await foreignAdmin.gql(`mutation { resetPassword(userId: "${target.id}") }`))).toBe('NOT_FOUND');
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const { resetPassword } = await admin.ok(`mutation { resetPassword(userId: "${target.id}") }`);
    const res = await signIn(request.agent(t.app.getHttpServer()), target.username, resetPassword);
    expect(res.body.data.signIn.id).toBe(target.id);
    const { rows } = await t.db.query(
      `SELECT must_change_password, password_expires_at > now() + interval '6 days' AS expires_later FROM app_user WHERE id = $1`,
      [target.id],
    );
    expect(rows[0]).toEqual({ must_change_password: true, expires_later: true });
  });
});

describe('sign-in rate limits per client address and per tenant', () => {
  let t: TestApp;
  let f: Factory;
  beforeAll(async () => {
    // Behind a proxy the client address comes from X-Forwarded-For, which lets the test be several clients.
    t = await createTestApp({ TRUST_PROXY: 'true' });
    f = new Factory(t);
  });
  afterAll(() => t.close());

  const signIn = (ip: string, tenantCode: string, username: string, password = TEST_PASSWORD) =>
    t.http
      .post('/graphql')
      .set('x-forwarded-for', ip)
      .send({ query: SIGN_IN, variables: { input: { tenantCode, username, password } } });

  it('counts each attempt before checking the password, so parallel guesses cannot pass the limit', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const answers = await Promise.all(
      Array.from({ length: 15 }, () => signIn('203.0.113.20', tenant.code, user.username, 'wrong-password1')),
    );
    expect(answers.every((a) => a.body.errors[0].message === SIGN_IN_FAILED)).toBe(true);
    const { rows } = await t.db.query(
      `SELECT failed_logins, locked_until > now() AS locked FROM app_user WHERE id = $1`,
      [user.id],
    );
    // Only the attempts admitted before the lock were checked; the rest were refused unchecked.
    expect(rows[0]).toEqual({ failed_logins: MAX_FAILED_SIGN_INS, locked: true });
    expect((await signIn('203.0.113.21', tenant.code, user.username)).body.errors[0].message).toBe(SIGN_IN_FAILED);
  });

  it('blocks an address that sprays passwords over many accounts, but not other addresses', async () => {
    const tenant = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_STAFF');
    for (let i = 0; i < THROTTLE_RULES.ip.failures; i++)
      await signIn('203.0.113.7', tenant.code, `guess-${i}`, 'Spray2026!');
    const blocked = await signIn('203.0.113.7', tenant.code, user.username);
    expect(blocked.body.errors[0].message).toBe(SIGN_IN_FAILED);
    expect((await signIn('203.0.113.8', tenant.code, user.username)).body.data.signIn.id).toBe(user.id);
    const { rows } = await t.db.query(
      `SELECT blocked_until > now() AS blocked FROM sign_in_throttle WHERE scope = 'ip' AND key = '203.0.113.7'`,
    );
    expect(rows).toEqual([{ blocked: true }]);
    // Counts of sources quiet for a day are forgotten; a block still running is kept.
    await t.db.query(
      `UPDATE sign_in_throttle SET last_attempt_at = now() - interval '2 days' WHERE key IN ('203.0.113.7', '203.0.113.8')`,
    );
    expect(await t.app.get(SignInThrottleService).forgetQuiet()).toBe(1);
    const left = await t.db.query(`SELECT key FROM sign_in_throttle WHERE key IN ('203.0.113.7', '203.0.113.8')`);
    expect(left.rows.map((r) => r.key)).toEqual(['203.0.113.7']);
  });

  it('blocks sign-ins to a tenant sprayed from many addresses, and no other tenant', async () => {
    const tenant = await f.tenant();
    const other = await f.tenant();
    const user = await f.user(tenant, 'OFFICE_ADMIN');
    const outsider = await f.user(other, 'OFFICE_ADMIN');
    for (let i = 0; i < THROTTLE_RULES.tenant.failures; i++)
      await signIn(`198.51.100.${i % 250}`, tenant.code, `user-${i}`, 'Spray2026!');
    expect((await signIn('192.0.2.1', tenant.code, user.username)).body.errors[0].message).toBe(SIGN_IN_FAILED);
    expect((await signIn('192.0.2.1', other.code, outsider.username)).body.data.signIn.id).toBe(outsider.id);
  });
});
