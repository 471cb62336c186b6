import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, TEST_PASSWORD, type TestTenant, type TestUser } from '../../../../test/factory.js';
import { hashPassword } from '../password.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id } }`;

/** PASSWORD_HASH=pbkdf2-sm3 (商用密码): a person's hash follows the setting at their next sign-in, either way. */
describe('password hash upgraded at sign-in', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp({ PASSWORD_HASH: 'pbkdf2-sm3' });
    f = new Factory(t);
    tenant = await f.tenant();
  });
  afterAll(() => t.close());

  const signIn = (user: TestUser, password = TEST_PASSWORD) =>
    t.http
      .post('/graphql')
      .send({ query: SIGN_IN, variables: { input: { tenantCode: tenant.code, username: user.username, password } } })
      .then((r) => r.body);
  const hashOf = async (user: TestUser) =>
    (await t.db.query(`SELECT password_hash FROM app_user WHERE id = $1`, [user.id])).rows[0].password_hash as string;

  it('rehashes an argon2id password with PBKDF2-SM3 at the next successful sign-in, not at a failed one', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    const before = await hashOf(user);
    expect(before).toMatch(/^\$argon2id\$/);
    expect((await signIn(user, 'wrong-password')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await hashOf(user)).toBe(before);
    expect((await signIn(user)).data.signIn).toEqual({ id: user.id });
    const upgraded = await hashOf(user);
    expect(upgraded).toMatch(/^\$pbkdf2-sm3\$i=\d+\$/);
    // The new hash verifies, and is not made again at each sign-in.
    expect((await signIn(user)).data.signIn).toEqual({ id: user.id });
    expect(await hashOf(user)).toBe(upgraded);
  });

  it('goes back to argon2id when the setting does, and passwords of either kind keep working', async () => {
    const user = await f.user(tenant, 'OFFICE_STAFF');
    await t.db.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [
      user.id,
      await hashPassword(TEST_PASSWORD, 'pbkdf2-sm3'),
    ]);
    t.config.passwordHash = 'argon2id';
    try {
      expect((await signIn(user)).data.signIn).toEqual({ id: user.id });
      expect(await hashOf(user)).toMatch(/^\$argon2id\$/);
      expect((await signIn(user)).data.signIn).toEqual({ id: user.id });
    } finally {
      t.config.passwordHash = 'pbkdf2-sm3';
    }
  });

  it('hashes a new password with the configured algorithm (a user created by the 系统管理员)', async () => {
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const created = await admin.ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { username: 'sm3-user', displayName: '国密', role: 'OFFICE_STAFF', password: 'Gm-Passw0rd-2026' },
    });
    expect(await hashOf({ id: created.createUser.user.id } as TestUser)).toMatch(/^\$pbkdf2-sm3\$/);
  });
});
