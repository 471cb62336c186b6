import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../../app.factory.js';
import {
  errorCode,
  Factory,
  sameSessionOn,
  TEST_PASSWORD,
  type Client,
  type TestTenant,
} from '../../../../test/factory.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

const OWN_TASKS = `{ myTasks(first: 5) { totalCount } }`;

/**
 * Two API processes on one database (two Nest apps here): whatever ends or changes a session in one is
 * honoured by the other at its very next request, though the other has served that session before.
 * Nothing about a session may be kept per process without passing these.
 */
describe('sessions across API processes', () => {
  let a: TestApp;
  let b: NestExpressApplication;
  let f: Factory;
  let tenant: TestTenant;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createApp(a.config, a.databaseUrl);
    await b.init();
    f = new Factory(a);
    tenant = await f.tenant();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  /** The same browser session sent to process B. */
  const onB = (client: Client) => sameSessionOn(b.getHttpServer(), client);

  /** The office admin changes an account through process A. */
  const updateUser = async (id: string, input: string) => {
    const admin = await f.client(tenant, 'OFFICE_ADMIN');
    const { rows } = await a.db.query(`SELECT version FROM app_user WHERE id = $1`, [id]);
    await admin.ok(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, input: { ${input} }) { id } }`, {
      id,
      v: rows[0].version,
    });
  };

  /** A liaison signed in on A whose session B has already served. */
  const liaisonWarmOnB = async () => {
    const unit = await f.unit(tenant);
    const client = await f.client(tenant, 'UNIT_LIAISON', unit);
    const b = onB(client);
    expect((await b(OWN_TASKS)).data.myTasks.totalCount).toBe(0);
    return { client, b };
  };

  it('refuses a session signed out in the other process at its next request', async () => {
    const { client, b } = await liaisonWarmOnB();
    expect(await client.ok('mutation { signOut }')).toEqual({ signOut: true });
    const next = await b(OWN_TASKS);
    expect(errorCode(next)).toBe('UNAUTHENTICATED');
    expect(next.data ?? null).toBeNull();
    expect((await b(`{ me { id } }`)).data.me).toBeNull();
  });

  it('refuses a user deactivated in the other process at their next request', async () => {
    const { client, b } = await liaisonWarmOnB();
    await updateUser(client.user.id, 'active: false');
    expect(errorCode(await b(OWN_TASKS))).toBe('UNAUTHENTICATED');
  });

  it('refuses the other sessions of a user who changed their password in the other process', async () => {
    const { client, b } = await liaisonWarmOnB();
    const elsewhere = await f.signIn(tenant, client.user);
    await elsewhere.ok(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
      input: { currentPassword: TEST_PASSWORD, newPassword: 'An0ther-Passw0rd!' },
    });
    expect(errorCode(await b(OWN_TASKS))).toBe('UNAUTHENTICATED');
    // The session that changed it goes on, in either process.
    expect((await onB(elsewhere)(OWN_TASKS)).data.myTasks.totalCount).toBe(0);
  });

  it('refuses a mutation of a signed-out session before it writes anything', async () => {
    const { client, b } = await liaisonWarmOnB();
    await client.ok('mutation { signOut }');
    const before = (await a.db.query(`SELECT count(*)::int AS n FROM user_session WHERE tenant_id = $1`, [tenant.id]))
      .rows[0].n;
    expect(errorCode(await b('mutation { signOut }'))).toBe('UNAUTHENTICATED');
    const after = (await a.db.query(`SELECT count(*)::int AS n FROM user_session WHERE tenant_id = $1`, [tenant.id]))
      .rows[0].n;
    expect(after).toBe(before);
  });

  it('ends a session idle past the tenant’s limit in the process that sees it next, and audits it once', async () => {
    const { client, b } = await liaisonWarmOnB();
    await a.db.query(`UPDATE user_session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [
      client.user.id,
    ]);
    const next = await b(`{ a: myTasks(first: 1) { totalCount } b: tasks(first: 1) { totalCount } }`);
    expect(next.errors[0]).toMatchObject({
      message: '您已长时间未操作，为保护账号安全已自动退出，请重新登录',
      extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' },
    });
    expect(next.data ?? null).toBeNull();
    expect((await a.db.query(`SELECT 1 FROM user_session WHERE user_id = $1`, [client.user.id])).rows).toEqual([]);
    const { rows } = await a.db.query(
      `SELECT note FROM audit_log WHERE entity_id = $1 AND action = 'session.timeout'`,
      [client.user.id],
    );
    expect(rows).toEqual([{ note: 'SESSION_IDLE' }]);
  });

  it('applies a lifetime shortened in the other process to sessions already open', async () => {
    const { client, b } = await liaisonWarmOnB();
    await a.db.query(`UPDATE user_session SET created_at = now() - interval '3 hours' WHERE user_id = $1`, [
      client.user.id,
    ]);
    expect((await b(OWN_TASKS)).data.myTasks.totalCount).toBe(0);
    await a.db.query(`UPDATE tenant_security_policy SET session_max_hours = 2 WHERE tenant_id = $1`, [tenant.id]);
    try {
      expect((await b(OWN_TASKS)).errors[0].extensions).toMatchObject({ reason: 'SESSION_EXPIRED' });
    } finally {
      await a.db.query(`UPDATE tenant_security_policy SET session_max_hours = 12 WHERE tenant_id = $1`, [tenant.id]);
    }
  });

  it('acts with the role given in the other process at the next request', async () => {
    const staff = await f.client(tenant, 'OFFICE_STAFF');
    const b = onB(staff);
    const officeOnly = `{ reviewQueue(first: 1) { totalCount } }`;
    expect((await b(officeOnly)).data.reviewQueue.totalCount).toBe(0);
    await updateUser(staff.user.id, 'role: LEADERSHIP');
    expect(errorCode(await b(officeOnly))).toBe('FORBIDDEN');
    expect((await b(`{ me { role } }`)).data.me.role).toBe('LEADERSHIP');
  });
});
