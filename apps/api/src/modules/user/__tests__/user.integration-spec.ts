import request from 'supertest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { countStatements } from '../../../../test/count-statements.js';

const FIELDS =
  'id username displayName role unitId unit { id name } email phone wecomUserid dingtalkUserid active mustChangePassword locked version';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { generatedPassword user { ${FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const LIST = `query($filter: UserFilterInput, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${FIELDS} } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { id mustChangePassword } }`;

describe('people of a tenant', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let admin: Client;
  let unit: TestUnit;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    admin = await f.client(tenant, 'OFFICE_ADMIN');
    unit = await f.unit(tenant, '市民政局');
  });
  afterAll(() => t.close());

  const signIn = (username: string, password: string, tenantCode = tenant.code) =>
    request(t.app.getHttpServer())
      .post('/graphql')
      .send({ query: SIGN_IN, variables: { input: { tenantCode, username, password } } });

  it('creates a unit liaison with a generated password shown once, who must change it at first sign-in', async () => {
    const { createUser } = await admin.ok(CREATE, {
      input: {
        username: 'mzj-lly',
        displayName: ' 民政 联络员 ',
        role: 'UNIT_LIAISON',
        unitId: unit.id,
        email: 'lly@mz.gov.cn',
        phone: '024-12345678',
      },
    });
    expect(createUser.user).toMatchObject({
      username: 'mzj-lly',
      displayName: '民政 联络员',
      role: 'UNIT_LIAISON',
      unit: { id: unit.id, name: '市民政局' },
      email: 'lly@mz.gov.cn',
      active: true,
      mustChangePassword: true,
      locked: false,
      version: 1,
    });
    expect(createUser.generatedPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{8,}$/);
    const res = await signIn('mzj-lly', createUser.generatedPassword);
    expect(res.body.data.signIn).toEqual({ id: createUser.user.id, mustChangePassword: true });
    const { rows } = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [
      createUser.user.id,
    ]);
    expect(rows).toEqual([
      {
        action: 'create',
        after: expect.objectContaining({ username: 'mzj-lly', role: 'UNIT_LIAISON', unitId: unit.id }),
      },
      { action: 'sign_in', after: { via: 'password' } },
    ]);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });

  it('takes an initial password the admin chose (checked like any password) and returns none', async () => {
    const weak = await admin.gql(CREATE, {
      input: { username: 'ld-1', displayName: '领导一', role: 'LEADERSHIP', password: 'short' },
    });
    expect(weak.errors![0]).toMatchObject({
      message: '密码至少 8 位',
      extensions: { code: 'BAD_USER_INPUT', field: 'password' },
    });
    const { createUser } = await admin.ok(CREATE, {
      input: { username: 'ld-1', displayName: '领导一', role: 'LEADERSHIP', password: 'Chosen123' },
    });
    expect(createUser.generatedPassword).toBeNull();
    expect(createUser.user.unit).toBeNull();
    expect((await signIn('ld-1', 'Chosen123')).body.data.signIn.id).toBe(createUser.user.id);
  });

  it.each([
    [{ username: 'a', displayName: '甲', role: 'OFFICE_STAFF' }, 'username', '用户名为 2 到 64 位字母、数字或 _ . @ -'],
    [
      { username: '张三', displayName: '甲', role: 'OFFICE_STAFF' },
      'username',
      '用户名为 2 到 64 位字母、数字或 _ . @ -',
    ],
    [{ username: 'MZJ-LLY', displayName: '甲', role: 'OFFICE_STAFF' }, 'username', '用户名“MZJ-LLY”已被使用'],
    [{ username: 'ok-name', displayName: '  ', role: 'OFFICE_STAFF' }, 'displayName', '姓名不能为空'],
    [
      { username: 'ok-name', displayName: '名'.repeat(51), role: 'OFFICE_STAFF' },
      'displayName',
      '姓名不能超过 50 个字',
    ],
    [
      { username: 'ok-name', displayName: '甲', role: 'OFFICE_STAFF', email: 'not-an-email' },
      'email',
      '邮箱格式不正确',
    ],
    [{ username: 'ok-name', displayName: '甲', role: 'OFFICE_STAFF', phone: 'call me' }, 'phone', '电话号码格式不正确'],
    [
      { username: 'ok-name', displayName: '甲', role: 'OFFICE_STAFF', wecomUserid: '_zhang' },
      'wecomUserid',
      '企业微信账号为 1 到 64 位字母、数字或 _ . @ -，以字母或数字开头',
    ],
    [
      { username: 'ok-name', displayName: '甲', role: 'OFFICE_STAFF', dingtalkUserid: '张三' },
      'dingtalkUserid',
      '钉钉 userid 为 1 到 64 位字母、数字或 _ $ . @ -',
    ],
    [{ username: 'ok-name', displayName: '甲', role: 'UNIT_LEADER' }, 'unitId', '联络员和分管领导须选择所属单位'],
    [
      { username: 'ok-name', displayName: '甲', role: 'UNIT_LEADER', unitId: '00000000-0000-4000-8000-000000000000' },
      'unitId',
      '所属单位不存在',
    ],
  ])('refuses %j with a Chinese message on the field', async (input, field, message) => {
    const res = await admin.gql(CREATE, { input });
    expect(res.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('keeps how a person is reached on 企业微信 and 钉钉', async () => {
    const { createUser } = await admin.ok(CREATE, {
      input: {
        username: 'mzj-ld',
        displayName: '民政领导',
        role: 'UNIT_LEADER',
        unitId: unit.id,
        phone: '+86 138-0013-8000',
        wecomUserid: 'ZhangSan',
        dingtalkUserid: 'manager4711',
      },
    });
    expect(createUser.user).toMatchObject({
      phone: '+86 138-0013-8000',
      wecomUserid: 'ZhangSan',
      dingtalkUserid: 'manager4711',
    });
    const { updateUser } = await admin.ok(UPDATE, { id: createUser.user.id, version: 1, input: { wecomUserid: '' } });
    expect(updateUser).toMatchObject({ wecomUserid: null, dingtalkUserid: 'manager4711', version: 2 });
    const { rows } = await t.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'update'`, [
      createUser.user.id,
    ]);
    expect(rows[0].after).toMatchObject({ wecomUserid: null, dingtalkUserid: 'manager4711' });
  });

  it('refuses a unit for an office role and a unit of another tenant', async () => {
    const officeWithUnit = await admin.gql(CREATE, {
      input: { username: 'staff-u', displayName: '甲', role: 'OFFICE_STAFF', unitId: unit.id },
    });
    expect(officeWithUnit.errors![0]).toMatchObject({
      message: '只有联络员和分管领导需要所属单位',
      extensions: { field: 'unitId' },
    });
    const foreignUnit = await f.unit(await f.tenant());
    const foreign = await admin.gql(CREATE, {
      input: { username: 'lly-x', displayName: '甲', role: 'UNIT_LIAISON', unitId: foreignUnit.id },
    });
    expect(foreign.errors![0]).toMatchObject({ message: '所属单位不存在', extensions: { field: 'unitId' } });
  });

  it('changes role and unit together, drops the unit for an office role, and refuses a stale version', async () => {
    const other = await f.unit(tenant, '市商务局');
    const { createUser } = await admin.ok(CREATE, {
      input: { username: 'mover', displayName: '调动者', role: 'UNIT_LIAISON', unitId: unit.id },
    });
    const moved = (
      await admin.ok(UPDATE, { id: createUser.user.id, version: 1, input: { role: 'UNIT_LEADER', unitId: other.id } })
    ).updateUser;
    expect(moved).toMatchObject({ role: 'UNIT_LEADER', unit: { name: '市商务局' }, version: 2, displayName: '调动者' });
    const toOffice = (await admin.ok(UPDATE, { id: moved.id, version: 2, input: { role: 'OFFICE_STAFF' } })).updateUser;
    expect(toOffice).toMatchObject({ role: 'OFFICE_STAFF', unitId: null, unit: null, version: 3 });
    const back = await admin.gql(UPDATE, { id: moved.id, version: 3, input: { role: 'UNIT_LIAISON' } });
    expect(back.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unitId' });
    expect(errorCode(await admin.gql(UPDATE, { id: moved.id, version: 2, input: { displayName: '旧版本' } }))).toBe(
      'CONFLICT',
    );
    const { rows } = await t.db.query(`SELECT display_name, version FROM app_user WHERE id = $1`, [moved.id]);
    expect(rows[0]).toEqual({ display_name: '调动者', version: 3 });
  });

  it('deactivating a user signs them out everywhere and blocks sign-in; reactivating lets them back', async () => {
    const { createUser } = await admin.ok(CREATE, {
      input: { username: 'leaver', displayName: '离职者', role: 'OFFICE_STAFF', password: 'Farewell1234' },
    });
    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/graphql').send({
      query: SIGN_IN,
      variables: { input: { tenantCode: tenant.code, username: 'leaver', password: 'Farewell1234' } },
    });
    const off = await admin.ok(UPDATE, { id: createUser.user.id, version: 1, input: { active: false } });
    expect(off.updateUser.active).toBe(false);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM user_session WHERE user_id = $1`, [
      createUser.user.id,
    ]);
    expect(rows[0].n).toBe(0);
    expect((await agent.post('/graphql').send({ query: '{ me { id } }' })).body.data.me).toBeNull();
    expect(errorCode((await signIn('leaver', 'Farewell1234')).body)).toBe('UNAUTHENTICATED');
    await admin.ok(UPDATE, { id: createUser.user.id, version: 2, input: { active: true } });
    expect((await signIn('leaver', 'Farewell1234')).body.data.signIn.id).toBe(createUser.user.id);
    const audit = await t.db.query(`SELECT action, result FROM audit_log WHERE entity_id = $1 ORDER BY id`, [
      createUser.user.id,
    ]);
    expect(audit.rows.map((r) => `${r.action}:${r.result}`)).toEqual([
      'create:success',
      'sign_in:success',
      'deactivate:success',
      'sign_in:failure',
      'activate:success',
      'sign_in:success',
    ]);
  });

  it('refuses the admin deactivating or demoting themselves, but lets them edit their own name', async () => {
    const me = admin.user.id;
    const version = async () => (await t.db.query(`SELECT version FROM app_user WHERE id = $1`, [me])).rows[0].version;
    const deactivate = await admin.gql(UPDATE, { id: me, version: await version(), input: { active: false } });
    expect(deactivate.errors![0]).toMatchObject({ message: '不能停用自己的账户', extensions: { code: 'FORBIDDEN' } });
    const demote = await admin.gql(UPDATE, { id: me, version: await version(), input: { role: 'OFFICE_STAFF' } });
    expect(demote.errors![0]).toMatchObject({ message: '不能修改自己的角色', extensions: { code: 'FORBIDDEN' } });
    const renamed = await admin.ok(UPDATE, {
      id: me,
      version: await version(),
      input: { displayName: '新名字', role: 'OFFICE_ADMIN' },
    });
    expect(renamed.updateUser).toMatchObject({ displayName: '新名字', role: 'OFFICE_ADMIN', active: true });
  });

  it('lets only the office admin manage people, and only the office list them', async () => {
    const target = await f.user(tenant, 'OFFICE_STAFF');
    for (const role of ['OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const c = await f.client(tenant, role);
      expect(
        errorCode(
          await c.gql(CREATE, {
            input: { username: `by-${role.toLowerCase()}`, displayName: '甲', role: 'OFFICE_ADMIN' },
          }),
        ),
      ).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(UPDATE, { id: target.id, version: 1, input: { role: 'OFFICE_ADMIN' } }))).toBe(
        'FORBIDDEN',
      );
    }
    for (const role of ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      expect(errorCode(await (await f.client(tenant, role)).gql(LIST))).toBe('FORBIDDEN');
    }
    const staff = await f.client(tenant, 'OFFICE_STAFF');
    expect(
      (await staff.ok(LIST, { filter: { search: target.username } })).users.nodes.map((u: { id: string }) => u.id),
    ).toEqual([target.id]);
    // Another tenant's admin, with real ids, finds nothing.
    const foreign = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    expect(errorCode(await foreign.gql(UPDATE, { id: target.id, version: 1, input: { active: false } }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await foreign.gql(UPDATE, { id: 'not-a-uuid', version: 1, input: { active: false } }))).toBe(
      'NOT_FOUND',
    );
    expect((await foreign.ok(LIST, { filter: { search: target.username } })).users.totalCount).toBe(0);
    const { rows } = await t.db.query(`SELECT active, role, version FROM app_user WHERE id = $1`, [target.id]);
    expect(rows[0]).toEqual({ active: true, role: 'OFFICE_STAFF', version: 1 });
  });

  it('pages through users by username, filtered by role, unit and active', async () => {
    const own = await f.tenant();
    const boss = await f.client(own, 'OFFICE_ADMIN');
    const u1 = await f.unit(own, '一号单位');
    const u2 = await f.unit(own, '二号单位');
    for (let i = 0; i < 5; i++)
      await boss.ok(CREATE, {
        input: { username: `lly-${i}`, displayName: `联络员${i}`, role: 'UNIT_LIAISON', unitId: i % 2 ? u2.id : u1.id },
      });
    const first = (await boss.ok(LIST, { filter: { role: 'UNIT_LIAISON' }, first: 2 })).users;
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });
    expect(first.nodes.map((u: { username: string }) => u.username)).toEqual(['lly-0', 'lly-1']);
    const rest = (await boss.ok(LIST, { filter: { role: 'UNIT_LIAISON' }, first: 10, after: first.pageInfo.endCursor }))
      .users;
    expect(rest.nodes.map((u: { username: string }) => u.username)).toEqual(['lly-2', 'lly-3', 'lly-4']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect(
      (await boss.ok(LIST, { filter: { unitId: u2.id } })).users.nodes.map((u: { username: string }) => u.username),
    ).toEqual(['lly-1', 'lly-3']);
    expect((await boss.ok(LIST, { filter: { active: false } })).users.totalCount).toBe(0);
    expect(errorCode(await boss.gql(LIST, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await boss.gql(LIST, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
  });

  it('loads users with their units in the same number of statements for 20 rows as for 2', async () => {
    const statementsFor = async (n: number) => {
      const own = await f.tenant();
      const boss = await f.client(own, 'OFFICE_ADMIN');
      for (let i = 1; i < n; i++) await f.user(own, 'UNIT_LIAISON', await f.unit(own));
      let nodes: { unit: { name: string } | null }[] = [];
      const statements = await countStatements(async () => (nodes = (await boss.ok(LIST, { first: 50 })).users.nodes));
      expect(nodes).toHaveLength(n);
      expect(nodes.filter((u) => u.unit?.name.startsWith('测试单位'))).toHaveLength(n - 1);
      return statements;
    };
    const small = await statementsFor(2);
    expect(small).toBeGreaterThan(2); // the counter sees the session lookup, the count, the page and the units
    expect(await statementsFor(20)).toBe(small);
  });
});
