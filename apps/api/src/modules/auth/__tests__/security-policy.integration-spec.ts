import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { SecurityPolicyService } from '../security-policy.service.js';
import { errorCode, Factory, TEST_PASSWORD, type Client, type TestTenant } from '../../../../test/factory.js';

const POLICY = `{ securityPolicy { passwordMinLength passwordMinClasses passwordHistory passwordMaxAgeDays sessionIdleMinutes sessionMaxHours twoFactorRoles passwordRule version } }`;
const UPDATE = `mutation($input: UpdateSecurityPolicyInput!) { updateSecurityPolicy(input: $input) { version passwordRule } }`;
const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const firstError = (body: { errors?: { message: string; extensions: Record<string, unknown> }[] }) => body.errors?.[0];
const DEFAULTS = {
  passwordMinLength: 8,
  passwordMinClasses: 2,
  passwordHistory: 5,
  passwordMaxAgeDays: 90,
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
};

describe('身份鉴别: the tenant’s password and session policy, enforced on the server', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    admin = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(() => t.close());

  const setPolicy = async (patch: Partial<typeof DEFAULTS>) => {
    const { securityPolicy } = await admin.ok(POLICY);
    const { passwordRule: _, version, ...current } = securityPolicy;
    return admin.ok(UPDATE, { input: { ...current, ...patch, version } });
  };
  const change = (c: Client, currentPassword: string, newPassword: string) =>
    c.gql(CHANGE, { input: { currentPassword, newPassword } });

  it('starts from the 等保 defaults, saves a change with its version, and refuses a stale one', async () => {
    const fresh = await f.tenant('新机构', { twoFactor: true });
    expect(await t.app.get(SecurityPolicyService).get(fresh.id)).toEqual({
      ...DEFAULTS,
      // 三员分立: every admin role signs in with two factors by default.
      twoFactorRoles: ['OFFICE_ADMIN', 'SECURITY_ADMIN', 'SECURITY_AUDITOR'],
      watermark: false,
      version: 0,
    });
    // This file's tenant was made with two-factor off (the test factory's default).
    const { securityPolicy } = await admin.ok(POLICY);
    expect(securityPolicy).toMatchObject({ ...DEFAULTS, twoFactorRoles: [], version: 1 });
    await setPolicy({ passwordMaxAgeDays: 60 });
    const stale = await admin.gql(UPDATE, { input: { ...DEFAULTS, twoFactorRoles: [], version: 1 } });
    expect(errorCode(stale)).toBe('CONFLICT');
    const bad = await admin.gql(UPDATE, {
      input: { ...DEFAULTS, twoFactorRoles: [], passwordMinLength: 4, version: 2 },
    });
    expect(firstError(bad)?.message).toBe('密码最小长度应为 8 到 64 之间的整数');
    const { rows } = await t.db.query(
      `SELECT action, after FROM audit_log WHERE tenant_id = $1 AND action = 'security-policy.update'`,
      [tenant.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].after.passwordMaxAgeDays).toBe(60);
    await setPolicy(DEFAULTS);
  });

  it('refuses the policy to office staff and unit users', async () => {
    for (const role of ['OFFICE_STAFF', 'UNIT_LIAISON', 'LEADERSHIP'] as const) {
      const c = await f.client(tenant, role);
      expect(errorCode(await c.gql(POLICY))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(UPDATE, { input: { ...DEFAULTS, twoFactorRoles: [], version: 1 } }))).toBe(
        'FORBIDDEN',
      );
    }
  });

  it('checks a changed password against the tenant’s rules', async () => {
    await setPolicy({ passwordMinLength: 12, passwordMinClasses: 4 });
    try {
      const c = await f.client(tenant, 'OFFICE_STAFF');
      const short = await change(c, TEST_PASSWORD, 'Abc-12345');
      expect(firstError(short)).toMatchObject({
        message: '密码至少 12 位',
        extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' },
      });
      const plain = await change(c, TEST_PASSWORD, 'Abcdefgh12345');
      expect(firstError(plain)?.message).toBe('密码须至少包含大写字母、小写字母、数字、特殊字符中的 4 种');
      expect((await change(c, TEST_PASSWORD, 'Abcdefgh-12345')).data.changePassword).toBe(true);
      const me = await c.ok('{ me { passwordRule } }');
      expect(me.me.passwordRule).toContain('至少 12 位');
    } finally {
      await setPolicy(DEFAULTS);
    }
  });

  it('refuses the current password and the five before it, and takes back the sixth', async () => {
    const c = await f.client(tenant, 'OFFICE_STAFF');
    const passwords = [
      TEST_PASSWORD,
      'Second-pass1',
      'Third-pass1',
      'Fourth-pass1',
      'Fifth-pass1',
      'Sixth-pass1',
      'Seventh-pass1',
    ];
    for (let i = 1; i < passwords.length; i++)
      expect((await change(c, passwords[i - 1], passwords[i])).data?.changePassword).toBe(true);
    const current = passwords.at(-1)!;
    expect(firstError(await change(c, current, current))?.message).toBe(
      '新密码不能与当前密码或最近 5 次使用过的密码相同',
    );
    expect(firstError(await change(c, current, 'Second-pass1'))?.message).toMatch(/最近 5 次/);
    // Six changes back: the first password has left the history.
    expect((await change(c, current, TEST_PASSWORD)).data?.changePassword).toBe(true);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM password_history WHERE user_id = $1`, [
      c.user.id,
    ]);
    expect(rows[0].n).toBe(5);
  });

  it('checks a password an admin chooses for a new account', async () => {
    await setPolicy({ passwordMinLength: 10 });
    try {
      const res = await admin.gql(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
        input: { username: 'zhangsan', displayName: '张三', role: 'OFFICE_STAFF', password: 'Abc12345' },
      });
      expect(firstError(res)).toMatchObject({ message: '密码至少 10 位', extensions: { field: 'password' } });
      const reset = await admin.ok(`mutation($id: ID!) { resetPassword(userId: $id) }`, {
        id: (await f.user(tenant, 'OFFICE_STAFF')).id,
      });
      expect(reset.resetPassword).toHaveLength(12);
    } finally {
      await setPolicy(DEFAULTS);
    }
  });

  it('forces a change at sign-in when the password is older than the policy allows', async () => {
    const user = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    await t.db.query(`UPDATE app_user SET password_changed_at = now() - interval '91 days' WHERE id = $1`, [user.id]);
    const c = await f.signIn(tenant, user);
    expect((await c.ok('{ me { mustChangePassword passwordExpired } }')).me).toEqual({
      mustChangePassword: true,
      passwordExpired: true,
    });
    const refused = await c.gql('{ myTasks { totalCount } }');
    expect(firstError(refused)).toMatchObject({
      message: '密码已超过有效期，请先修改密码后再使用系统',
      extensions: { code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' },
    });
    expect((await change(c, TEST_PASSWORD, 'Renewed-pass1')).data.changePassword).toBe(true);
    expect((await c.ok('{ me { mustChangePassword passwordExpired } }')).me.mustChangePassword).toBe(false);
    expect((await c.gql('{ myTasks { totalCount } }')).errors).toBeUndefined();
    // A tenant whose policy says passwords never expire lets the same age pass.
    await setPolicy({ passwordMaxAgeDays: 0 });
    try {
      await t.db.query(`UPDATE app_user SET password_changed_at = now() - interval '400 days' WHERE id = $1`, [
        user.id,
      ]);
      expect((await c.ok('{ me { mustChangePassword } }')).me.mustChangePassword).toBe(false);
    } finally {
      await setPolicy(DEFAULTS);
    }
  });

  describe('sessions', () => {
    const sessionOf = async (userId: string) =>
      (await t.db.query(`SELECT last_seen_at, created_at FROM user_session WHERE user_id = $1`, [userId])).rows;

    it('ends a session left idle on the server, with a code the web recognises', async () => {
      const c = await f.client(tenant, 'OFFICE_STAFF');
      expect((await c.ok('{ me { sessionIdleMinutes } }')).me.sessionIdleMinutes).toBe(30);
      await t.db.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
        c.user.id,
      ]);
      const res = await c.gql('{ tasks(first: 1) { totalCount } }');
      expect(firstError(res)).toMatchObject({
        message: '您已长时间未操作，为保护账号安全已自动退出，请重新登录',
        extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' },
      });
      expect(await sessionOf(c.user.id)).toHaveLength(0);
      const { rows } = await t.db.query(
        `SELECT note FROM audit_log WHERE entity_id = $1 AND action = 'session.timeout'`,
        [c.user.id],
      );
      expect(rows).toEqual([{ note: 'SESSION_IDLE' }]);
    });

    it('follows the tenant’s idle limit and ends a session past its absolute lifetime', async () => {
      await setPolicy({ sessionIdleMinutes: 10, sessionMaxHours: 2 });
      try {
        const idle = await f.client(tenant, 'OFFICE_STAFF');
        await t.db.query(`UPDATE user_session SET last_seen_at = now() - interval '11 minutes' WHERE user_id = $1`, [
          idle.user.id,
        ]);
        expect(firstError(await idle.gql('{ tasks(first: 1) { totalCount } }'))?.extensions.reason).toBe(
          'SESSION_IDLE',
        );
        const old = await f.client(tenant, 'OFFICE_STAFF');
        await t.db.query(`UPDATE user_session SET created_at = now() - interval '2 hours' WHERE user_id = $1`, [
          old.user.id,
        ]);
        const res = await old.gql('{ tasks(first: 1) { totalCount } }');
        expect(firstError(res)).toMatchObject({
          message: '登录已超过最长有效时间，请重新登录',
          extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_EXPIRED' },
        });
      } finally {
        await setPolicy(DEFAULTS);
      }
    });

    it('writes the last activity at most once a minute, and not for background polling', async () => {
      const c = await f.client(tenant, 'OFFICE_STAFF');
      const [signedIn] = await sessionOf(c.user.id);
      await c.ok('{ me { id } }');
      expect((await sessionOf(c.user.id))[0].last_seen_at).toEqual(signedIn.last_seen_at);
      await t.db.query(`UPDATE user_session SET last_seen_at = now() - interval '20 minutes' WHERE user_id = $1`, [
        c.user.id,
      ]);
      const [before] = await sessionOf(c.user.id);
      const polled = await c.agent
        .post('/graphql')
        .set('x-duban-background', '1')
        .send({ query: '{ unreadNotificationCount }' });
      expect(polled.body.errors).toBeUndefined();
      expect((await sessionOf(c.user.id))[0].last_seen_at).toEqual(before.last_seen_at);
      await c.ok('{ unreadNotificationCount }');
      expect((await sessionOf(c.user.id))[0].last_seen_at.getTime()).toBeGreaterThan(before.last_seen_at.getTime());
    });
  });
});
