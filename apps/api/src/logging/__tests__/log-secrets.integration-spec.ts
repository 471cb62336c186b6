import { Writable } from 'node:stream';
import { Factory, TEST_PASSWORD } from '../../../test/factory.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { configureLogger } from '../logger.js';

/**
 * A query that fails while someone signs in or changes their password must not write what it carried
 * (a new password's hash, a session's secret and CSRF token) to the log: only its SQLSTATE and statement.
 * The database refuses through triggers, as a full disk (53100) would.
 */
describe('logs of failed queries', () => {
  let t: TestApp;
  let lines: string[];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  beforeEach(() => {
    lines = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    configureLogger('info', 'json', sink);
  });
  afterEach(async () => {
    await t.db.query(
      `DROP TRIGGER IF EXISTS refuse_write ON app_user; DROP TRIGGER IF EXISTS refuse_write ON user_session`,
    );
  });

  const refuseWritesTo = (table: string, column = '') =>
    t.db.query(`
      CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$;
      CREATE TRIGGER refuse_write BEFORE ${column ? `UPDATE OF ${column}` : 'INSERT'} ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_write()`);

  const logged = () => lines.join('');

  it('keeps the new password hash out of the log when the password change fails', async () => {
    const f = new Factory(t);
    const tenant = await f.tenant();
    const client = await f.client(tenant, 'OFFICE_STAFF');
    await refuseWritesTo('app_user', 'password_hash');
    const res = await client.gql(
      `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "NewPassw0rd9" }) }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(logged()).toContain('"code":"53100"');
    expect(logged()).toContain('UPDATE app_user SET password_hash = $3');
    expect(logged()).not.toMatch(/argon2/);
    expect(logged()).not.toContain('"parameters"');
  });

  it('keeps the session secret and CSRF token out of the log when a sign-in fails', async () => {
    const f = new Factory(t);
    const tenant = await f.tenant('另一个政府办公厅');
    const user = await f.user(tenant, 'OFFICE_STAFF');
    await refuseWritesTo('user_session');
    await expect(f.signIn(tenant, user)).rejects.toThrow(/sign-in failed/);
    expect(logged()).toContain('"code":"53100"');
    expect(logged()).toContain('INSERT INTO user_session');
    expect(logged()).not.toContain('"parameters"');
  });
});
