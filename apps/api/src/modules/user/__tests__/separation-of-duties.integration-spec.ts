import request from 'supertest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import {
  errorCode,
  Factory,
  TEST_PASSWORD,
  type Client,
  type TestTenant,
  type TestUnit,
} from '../../../../test/factory.js';

const POLICY = `{ securityPolicy { version passwordMinLength passwordMinClasses passwordHistory passwordMaxAgeDays sessionIdleMinutes sessionMaxHours twoFactorRoles } }`;
const UPDATE_POLICY = `mutation($input: UpdateSecurityPolicyInput!) { updateSecurityPolicy(input: $input) { version } }`;
const UPDATE_USER = `mutation($id: ID!, $version: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $version, input: $input) { id role roles active phone version } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id role roles } } }`;
const CREATE_UNIT = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }`;
const RESET_TWO_FACTOR = `mutation($userId: ID!) { resetTwoFactor(userId: $userId) }`;
const RESET_PASSWORD = `mutation($userId: ID!) { resetPassword(userId: $userId) }`;
const UNLOCK = `mutation($userId: ID!) { unlockUser(userId: $userId) }`;
const UNUSED = `query($days: Int) { unusedAccounts(days: $days) { id username lastSignInAt } }`;
const DISABLE = `mutation($ids: [ID!]!, $days: Int) { disableUnusedAccounts(userIds: $ids, days: $days) }`;

const message = (body: { errors?: { message: string }[] }) => body.errors?.[0]?.message;

/**
 * 三员分立 (等保 2.0 level 3): the system admin, the security admin and the security auditor cannot act
 * for each other, each refused on the server outside its duty; who grants which role; and the
 * security admin's list of unused accounts, disabled in one step.
 */
describe('三员分立: system admin, security admin and auditor', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let system: Client;
  let security: Client;
  let auditor: Client;
  let both: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    unit = await f.unit(tenant, '市民政局');
    system = await f.client(tenant, 'OFFICE_ADMIN', undefined, { securityAdmin: false });
    security = await f.client(tenant, 'SECURITY_ADMIN');
    auditor = await f.client(tenant, 'SECURITY_AUDITOR');
    both = await f.client(tenant, 'OFFICE_ADMIN');
  }, 120_000);
  afterAll(() => t?.close());

  const versionOf = async (id: string) =>
    (await t.db.query(`SELECT version FROM app_user WHERE id = $1`, [id])).rows[0].version as number;
  const policyInput = async (client: Client) => {
    const { securityPolicy } = await client.ok(POLICY);
    return { ...securityPolicy, passwordMinLength: 10 };
  };

  it('tells each viewer every role held', async () => {
    expect((await both.ok(`{ me { role roles } }`)).me).toEqual({
      role: 'OFFICE_ADMIN',
      roles: ['OFFICE_ADMIN', 'SECURITY_ADMIN'],
    });
    expect((await auditor.ok(`{ me { role roles } }`)).me).toEqual({
      role: 'SECURITY_AUDITOR',
      roles: ['SECURITY_AUDITOR'],
    });
  });

  it('refuses the system admin security policy, two-factor resets, unlocks and role grants', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', unit);
    const staff = await f.user(tenant, 'OFFICE_STAFF');
    expect(errorCode(await system.gql(POLICY))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(UPDATE_POLICY, { input: await policyInput(security) }))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(RESET_TWO_FACTOR, { userId: liaison.id }))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(UNLOCK, { userId: liaison.id }))).toBe('FORBIDDEN');
    expect(errorCode(await system.gql(UNUSED))).toBe('FORBIDDEN');
    for (const input of [{ role: 'SECURITY_AUDITOR' }, { role: 'SECURITY_ADMIN' }, { role: 'OFFICE_ADMIN' }]) {
      const body = await system.gql(UPDATE_USER, { id: staff.id, version: await versionOf(staff.id), input });
      expect(errorCode(body)).toBe('FORBIDDEN');
      expect(message(body)).toBe('授予或撤销系统管理员、安全管理员、安全审计员角色须由安全管理员办理');
    }
    const created = await system.gql(CREATE_USER, {
      input: { username: 'new-auditor', displayName: '新审计员', role: 'SECURITY_AUDITOR' },
    });
    expect(errorCode(created)).toBe('FORBIDDEN');
    // Nor can it lock out, or take over, the people who watch it.
    const watcher = await f.user(tenant, 'SECURITY_AUDITOR');
    const off = await system.gql(UPDATE_USER, {
      id: watcher.id,
      version: await versionOf(watcher.id),
      input: { active: false },
    });
    expect(message(off)).toBe('安全管理员、安全审计员的账号由安全管理员管理');
    expect(errorCode(await system.gql(RESET_PASSWORD, { userId: watcher.id }))).toBe('FORBIDDEN');
    const rows = await t.db.query(`SELECT role, active FROM app_user WHERE id = ANY ($1)`, [[staff.id, watcher.id]]);
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { role: 'OFFICE_STAFF', active: true },
        { role: 'SECURITY_AUDITOR', active: true },
      ]),
    );
    // Its own duties stay: units, and the business roles of accounts.
    expect(
      errorCode(await system.gql(CREATE_UNIT, { input: { name: '市审计局', kind: 'DEPARTMENT' } })),
    ).toBeUndefined();
    const leader = await system.ok(UPDATE_USER, {
      id: liaison.id,
      version: await versionOf(liaison.id),
      input: { role: 'UNIT_LEADER' },
    });
    expect(leader.updateUser.role).toBe('UNIT_LEADER');
  });

  it('gives the security admin the policy, unlocks, two-factor resets and grants, and refuses it units, plans, tasks and account edits', async () => {
    expect(
      (await security.ok(UPDATE_POLICY, { input: await policyInput(security) })).updateSecurityPolicy.version,
    ).toBeGreaterThan(0);
    const staff = await f.user(tenant, 'OFFICE_STAFF');
    const granted = await security.ok(UPDATE_USER, {
      id: staff.id,
      version: await versionOf(staff.id),
      input: { role: 'SECURITY_AUDITOR' },
    });
    expect(granted.updateUser.roles).toEqual(['SECURITY_AUDITOR']);
    const admin = await f.user(tenant, 'OFFICE_ADMIN', null, { securityAdmin: false });
    const combined = await security.ok(UPDATE_USER, {
      id: admin.id,
      version: await versionOf(admin.id),
      input: { securityAdmin: true },
    });
    expect(combined.updateUser.roles).toEqual(['OFFICE_ADMIN', 'SECURITY_ADMIN']);
    // A locked account signs in again after the unlock, with its own password.
    const locked = await f.user(tenant, 'UNIT_LIAISON', unit);
    await t.db.query(`UPDATE app_user SET failed_logins = 9, locked_until = now() + interval '1 hour' WHERE id = $1`, [
      locked.id,
    ]);
    expect(await security.ok(UNLOCK, { userId: locked.id })).toEqual({ unlockUser: true });
    await f.signIn(tenant, locked);
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'unlock'`, [
      locked.id,
    ]);
    expect(audit.rowCount).toBe(1);
    expect(await security.ok(RESET_TWO_FACTOR, { userId: locked.id })).toEqual({ resetTwoFactor: true });

    const refused = [
      await security.gql(CREATE_UNIT, { input: { name: '市统计局', kind: 'DEPARTMENT' } }),
      await security.gql(`mutation { createPlan(input: { year: 2026, title: "要点" }) { id } }`),
      await security.gql(`{ tasks(first: 5) { totalCount } }`),
      await security.gql(`{ plans { nodes { id } } }`),
      await security.gql(`{ units { id } }`),
      await security.gql(CREATE_USER, {
        input: { username: 'x-lly', displayName: '某联络员', role: 'UNIT_LIAISON', unitId: unit.id },
      }),
      // Business roles and the people's own details are the system admin's.
      await security.gql(UPDATE_USER, {
        id: locked.id,
        version: await versionOf(locked.id),
        input: { phone: '13800001234' },
      }),
      await security.gql(UPDATE_USER, {
        id: locked.id,
        version: await versionOf(locked.id),
        input: { role: 'UNIT_LEADER' },
      }),
      await security.gql(RESET_PASSWORD, { userId: locked.id }),
    ];
    expect(refused.map(errorCode)).toEqual(refused.map(() => 'FORBIDDEN'));
    expect(refused.every((body) => /[\u4e00-\u9fff]/.test(message(body) ?? ''))).toBe(true);
    const after = await t.db.query(`SELECT role, phone FROM app_user WHERE id = $1`, [locked.id]);
    expect(after.rows[0]).toEqual({ role: 'UNIT_LIAISON', phone: null });
  });

  it('refuses the auditor everything but its own account: not tasks, not plans, not users, not the policy', async () => {
    const refused = [
      await auditor.gql(`{ tasks(first: 5) { totalCount } }`),
      await auditor.gql(`{ plans { nodes { id } } }`),
      await auditor.gql(`{ users { totalCount } }`),
      await auditor.gql(`{ dashboard { dueSoonCount } }`),
      await auditor.gql(`{ tenant { id } }`),
      await auditor.gql(POLICY),
      await auditor.gql(UNUSED),
      await auditor.gql(CREATE_UNIT, { input: { name: '市档案局', kind: 'DEPARTMENT' } }),
    ];
    expect(refused.map(errorCode)).toEqual(refused.map(() => 'FORBIDDEN'));
    const res = await auditor.agent.get('/exports/ledger.xlsx');
    expect(res.status).toBe(403);
    // Its own password and notifications remain its own business.
    expect(errorCode(await auditor.gql(`{ unreadNotificationCount }`))).toBeUndefined();
  });

  it('never combines the auditor, and nobody changes their own roles', async () => {
    const meId = both.user.id;
    const self = await both.gql(UPDATE_USER, {
      id: meId,
      version: await versionOf(meId),
      input: { role: 'SECURITY_AUDITOR' },
    });
    expect(message(self)).toBe('不能修改自己的角色');
    const staff = await f.user(tenant, 'OFFICE_STAFF');
    const mixed = await security.gql(UPDATE_USER, {
      id: staff.id,
      version: await versionOf(staff.id),
      input: { role: 'SECURITY_AUDITOR', securityAdmin: true },
    });
    expect(errorCode(mixed)).toBe('BAD_USER_INPUT');
    expect((await t.db.query(`SELECT role FROM app_user WHERE id = $1`, [staff.id])).rows[0].role).toBe('OFFICE_STAFF');
  });

  it('lets one person hold system and security duties in a small office', async () => {
    expect(
      (await both.ok(UPDATE_POLICY, { input: await policyInput(both) })).updateSecurityPolicy.version,
    ).toBeGreaterThan(0);
    expect(errorCode(await both.gql(CREATE_UNIT, { input: { name: '市信访局', kind: 'DEPARTMENT' } }))).toBeUndefined();
    const created = await both.ok(CREATE_USER, {
      input: { username: 'sj-new', displayName: '新审计员', role: 'SECURITY_AUDITOR' },
    });
    expect(created.createUser.user.roles).toEqual(['SECURITY_AUDITOR']);
  });

  it('requires two-factor of the security roles where a tenant keeps the default policy', async () => {
    const strict = await f.tenant('两步验证办公厅', { twoFactor: true });
    const watcher = await f.client(strict, 'SECURITY_AUDITOR');
    expect((await watcher.ok(`{ me { mustEnrolTwoFactor } }`)).me.mustEnrolTwoFactor).toBe(true);
  });

  it('lists accounts unused for 90 days to the security admin and disables them in one step, audited', async () => {
    const own = await f.tenant('闲置账号办公厅');
    const ownUnit = await f.unit(own, '市交通局');
    const secAdmin = await f.client(own, 'SECURITY_ADMIN');
    const stale = await f.user(own, 'UNIT_LIAISON', ownUnit);
    const never = await f.user(own, 'UNIT_LEADER', ownUnit);
    const recent = await f.user(own, 'UNIT_LIAISON', ownUnit);
    const fresh = await f.user(own, 'OFFICE_STAFF');
    const comesBack = await f.user(own, 'LEADERSHIP');
    await t.db.query(
      `UPDATE app_user SET created_at = now() - interval '200 days', last_sign_in_at = CASE
         WHEN id = $1 THEN now() - interval '91 days' WHEN id = $3 THEN now() - interval '89 days' WHEN id = $4 THEN now() - interval '100 days' END
        WHERE id = ANY (ARRAY[$1, $2, $3, $4]::uuid[])`,
      [stale.id, never.id, recent.id, comesBack.id],
    );
    await t.db.query(`UPDATE app_user SET created_at = now() - interval '200 days' WHERE id = $1`, [secAdmin.user.id]);
    const listed = (await secAdmin.ok(UNUSED)).unusedAccounts.map((u: { id: string }) => u.id);
    expect(listed.sort()).toEqual([stale.id, never.id, comesBack.id].sort());
    expect(listed).not.toContain(fresh.id);
    expect(listed).not.toContain(secAdmin.user.id);
    expect((await secAdmin.ok(UNUSED, { days: 30 })).unusedAccounts.map((u: { id: string }) => u.id)).toContain(
      recent.id,
    );
    expect(errorCode(await secAdmin.gql(UNUSED, { days: 5 }))).toBe('BAD_USER_INPUT');

    // One of them signs in between the list and the confirm: that one stays active.
    const back = await f.signIn(own, comesBack);
    const staleSession = await f.signIn(own, stale).catch(() => null);
    await t.db.query(`UPDATE app_user SET last_sign_in_at = now() - interval '91 days' WHERE id = $1`, [stale.id]);
    expect(await secAdmin.ok(DISABLE, { ids: listed })).toEqual({ disableUnusedAccounts: 2 });
    const states = await t.db.query(`SELECT id, active FROM app_user WHERE tenant_id = $1`, [own.id]);
    const active = Object.fromEntries(states.rows.map((r: { id: string; active: boolean }) => [r.id, r.active]));
    expect(active).toMatchObject({ [stale.id]: false, [never.id]: false, [comesBack.id]: true, [recent.id]: true });
    // The disabled are signed out at once; the audit log says who did it and why.
    expect(errorCode(await staleSession!.gql(`{ me { id } }`))).toBeUndefined();
    expect((await staleSession!.gql(`{ me { id } }`)).data.me).toBeNull();
    expect((await back.gql(`{ me { id } }`)).data.me.id).toBe(comesBack.id);
    const audit = await t.db.query(
      `SELECT entity_id, actor_id, note FROM audit_log WHERE tenant_id = $1 AND action = 'deactivate' ORDER BY entity_id`,
      [own.id],
    );
    expect(audit.rows).toEqual(
      [stale.id, never.id]
        .sort()
        .map((id) => ({ entity_id: id, actor_id: secAdmin.user.id, note: '闲置账号（超过 90 天未登录）' })),
    );
    // Ids of another tenant are not this tenant's accounts.
    expect(errorCode(await secAdmin.gql(DISABLE, { ids: [both.user.id] }))).toBe('NOT_FOUND');
    const signIn = await request(t.app.getHttpServer())
      .post('/graphql')
      .send({
        query: `mutation($input: SignInInput!) { signIn(input: $input) { id } }`,
        variables: { input: { tenantCode: own.code, username: never.username, password: TEST_PASSWORD } },
      });
    expect(signIn.body.errors[0].message).toMatch('该账号已停用');
  });
});
