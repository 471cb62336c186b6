import request from 'supertest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, TEST_PASSWORD, type TestTenant, type TestUser } from '../../../../test/factory.js';
import { MAX_FAILED_SIGN_INS } from '../auth.service.js';
import { totpCode } from '../totp.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id csrfToken mustEnrolTwoFactor twoFactorEnabled } }`;
const BEGIN = `mutation { beginTwoFactorEnrolment { secret uri qrDataUrl } }`;
const CONFIRM = `mutation($code: String!) { confirmTwoFactorEnrolment(code: $code) }`;
const STEP_MS = 30_000;

describe('two-factor sign-in (TOTP)', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    // The default policy: office admins must use two-factor.
    tenant = await f.tenant('两步验证测试市', { twoFactor: true });
  });
  afterAll(() => t.close());

  const signIn = (user: TestUser, totp?: string) => {
    const agent = request.agent(t.app.getHttpServer());
    return agent
      .post('/graphql')
      .send({
        query: SIGN_IN,
        variables: {
          input: { tenantCode: tenant.code, username: user.username, password: TEST_PASSWORD, totpCode: totp },
        },
      })
      .then((res) => ({ agent, body: res.body }));
  };
  const gql = (agent: ReturnType<typeof request.agent>, csrf: string, query: string, variables?: object) =>
    agent
      .post('/graphql')
      .set('x-csrf-token', csrf)
      .send({ query, variables })
      .then((r) => r.body);

  /** An office admin who has enrolled; returns the secret and the recovery codes. */
  async function enrolled() {
    const admin = await f.user(tenant, 'OFFICE_ADMIN');
    const { agent, body } = await signIn(admin);
    const csrf = body.data.signIn.csrfToken;
    const begin = (await gql(agent, csrf, BEGIN)).data.beginTwoFactorEnrolment;
    const confirmed = await gql(agent, csrf, CONFIRM, { code: totpCode(begin.secret, new Date()) });
    return { admin, secret: begin.secret as string, recovery: confirmed.data.confirmTwoFactorEnrolment as string[] };
  }

  it('makes an office admin enrol before anything else, and leaves other roles alone', async () => {
    const admin = await f.user(tenant, 'OFFICE_ADMIN');
    const { agent, body } = await signIn(admin);
    expect(body.data.signIn).toMatchObject({ mustEnrolTwoFactor: true, twoFactorEnabled: false });
    const refused = await gql(agent, body.data.signIn.csrfToken, '{ tasks(first: 1) { totalCount } }');
    expect(refused.errors[0]).toMatchObject({
      message: '本机构要求您的账号使用两步验证，请先完成绑定',
      extensions: { code: 'FORBIDDEN', reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' },
    });
    const staff = await signIn(await f.user(tenant, 'OFFICE_STAFF'));
    expect(staff.body.data.signIn.mustEnrolTwoFactor).toBe(false);
  });

  it('enrols with a QR code and a first code, stores the secret sealed, and shows recovery codes once', async () => {
    const admin = await f.user(tenant, 'OFFICE_ADMIN');
    const { agent, body } = await signIn(admin);
    const csrf = body.data.signIn.csrfToken;
    const begin = (await gql(agent, csrf, BEGIN)).data.beginTwoFactorEnrolment;
    expect(begin.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(begin.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const wrong = await gql(agent, csrf, CONFIRM, { code: '000000' });
    expect(wrong.errors[0].extensions.field).toBe('code');
    const codes = (await gql(agent, csrf, CONFIRM, { code: totpCode(begin.secret, new Date()) })).data
      .confirmTwoFactorEnrolment;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const { rows } = await t.db.query(`SELECT secret_sealed FROM user_totp WHERE user_id = $1`, [admin.id]);
    expect(rows[0].secret_sealed).not.toContain(begin.secret);
    const stored = await t.db.query(`SELECT code_hash FROM user_recovery_code WHERE user_id = $1`, [admin.id]);
    expect(stored.rows.map((r) => r.code_hash).join()).not.toContain(codes[0].replace('-', ''));
    // The enrolment is done: the same session may work now.
    expect((await gql(agent, csrf, '{ tasks(first: 1) { totalCount } }')).errors).toBeUndefined();
    const again = await gql(agent, csrf, BEGIN);
    expect(again.errors[0].message).toMatch(/已启用两步验证/);
  });

  it('signs in only with a current code, each code once', async () => {
    const { admin, secret } = await enrolled();
    const asked = await signIn(admin);
    expect(asked.body.errors[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'TOTP_REQUIRED' } });
    // The code of the step after the one the enrolment used: a fresh one.
    const next = totpCode(secret, new Date(Date.now() + STEP_MS));
    const ok = await signIn(admin, next);
    expect(ok.body.data.signIn.twoFactorEnabled).toBe(true);
    const replay = await signIn(admin, next);
    expect(replay.body.errors[0].extensions.reason).toBe('TOTP_INVALID');
    const old = await signIn(admin, totpCode(secret, new Date(Date.now() - 5 * STEP_MS)));
    expect(old.body.errors[0].extensions.reason).toBe('TOTP_INVALID');
  });

  it('counts wrong codes toward the account lock, so the right password alone cannot try codes forever', async () => {
    const { admin, secret } = await enrolled();
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) await signIn(admin, '123456');
    const locked = await signIn(admin, totpCode(secret, new Date(Date.now() + STEP_MS)));
    expect(errorCode(locked.body)).toBe('UNAUTHENTICATED');
    expect(locked.body.data).toBeNull();
    // The auditor reads each wrong code, the lock it set, and the refused attempt behind the lock.
    const { rows } = await t.db.query(
      `SELECT action, result, after->>'reason' AS reason FROM audit_log
        WHERE entity_id = $1 AND (action = 'account.lock' OR action = 'sign_in' AND result = 'failure')
        ORDER BY seq`,
      [admin.id],
    );
    expect(rows.map((r) => (r.action === 'sign_in' ? r.reason : r.action))).toEqual([
      ...Array(MAX_FAILED_SIGN_INS).fill('wrong second factor'),
      'account.lock',
      'account locked',
    ]);
  });

  it('takes a recovery code once', async () => {
    const { admin, recovery } = await enrolled();
    const ok = await signIn(admin, recovery[3].toLowerCase());
    expect(ok.body.data.signIn.twoFactorEnabled).toBe(true);
    expect((await signIn(admin, recovery[3])).body.errors[0].extensions.reason).toBe('TOTP_INVALID');
  });

  it('lets an admin reset it (lost phone), not for themselves, and not office staff', async () => {
    const { admin } = await enrolled();
    const other = await enrolled();
    const signedIn = await signIn(other.admin, totpCode(other.secret, new Date(Date.now() + STEP_MS)));
    const csrf = signedIn.body.data.signIn.csrfToken;
    const reset = `mutation($id: ID!) { resetTwoFactor(userId: $id) }`;
    const self = await gql(signedIn.agent, csrf, reset, { id: other.admin.id });
    expect(errorCode(self)).toBe('FORBIDDEN');
    const staff = await f.client(tenant, 'OFFICE_STAFF');
    expect(errorCode(await staff.gql(reset, { id: admin.id }))).toBe('FORBIDDEN');
    expect((await gql(signedIn.agent, csrf, reset, { id: admin.id })).data.resetTwoFactor).toBe(true);
    // Back to enrolling at the next sign-in, with the password alone.
    expect((await signIn(admin)).body.data.signIn.mustEnrolTwoFactor).toBe(true);
    const { rows } = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [admin.id]);
    // The sign-in that enrolled, the enrolment, the reset, and the sign-in with the password alone after it.
    expect(rows.map((r) => r.action)).toEqual(['sign_in', 'two-factor.enrol', 'two-factor.reset', 'sign_in']);
  });

  it('follows the tenant’s roles: off for office admins, on for unit liaisons', async () => {
    const other = await f.tenant('另一市', { twoFactor: true });
    const admin = await f.client(other, 'OFFICE_ADMIN');
    await t.db.query(`INSERT INTO tenant_security_policy (tenant_id, two_factor_roles) VALUES ($1, '{UNIT_LIAISON}')`, [
      other.id,
    ]);
    const liaison = await f.client(other, 'UNIT_LIAISON');
    expect((await liaison.ok('{ me { mustEnrolTwoFactor } }')).me.mustEnrolTwoFactor).toBe(true);
    expect((await admin.ok('{ me { mustEnrolTwoFactor } }')).me.mustEnrolTwoFactor).toBe(false);
  });
});
