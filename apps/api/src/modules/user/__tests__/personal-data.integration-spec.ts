import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { totpCode } from '../../auth/totp.js';

const FIELDS = 'id username email phone version';
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { ${FIELDS} } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateUserInput!) { updateUser(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const LIST = `query($filter: UserFilterInput) { users(filter: $filter, first: 100) { totalCount nodes { ${FIELDS} } } }`;
const UNIT_PEOPLE = `query($id: ID!) { unit(id: $id) { people { id phone } } }`;

/**
 * 商用密码 and 个人信息: people's phone and e-mail are SM4 ciphertext in the table, found by their blind
 * index, whole for the person and the 系统管理员, masked for everyone else; two-factor secrets are SM4.
 */
describe('personal data at rest and on screen', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let admin: Client;
  let staff: Client;
  let security: Client;
  let person: { id: string; version: number };
  const unit = { id: '' };

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    admin = await f.client(tenant, 'OFFICE_ADMIN', undefined, { securityAdmin: false });
    staff = await f.client(tenant, 'OFFICE_STAFF');
    security = await f.client(tenant, 'SECURITY_ADMIN');
    unit.id = (await f.unit(tenant, '市民政局')).id;
    const { createUser } = await admin.ok(CREATE, {
      input: {
        username: 'mzj-zhang',
        displayName: '张晓明',
        role: 'UNIT_LIAISON',
        unitId: unit.id,
        phone: '+86 138-1234-5678',
        email: 'Zhang.XM@mz.example.gov.cn',
      },
    });
    person = createUser.user;
  });
  afterAll(() => t.close());

  it('keeps no plaintext phone or e-mail in app_user (read with SQL), only SM4 ciphertext and an index', async () => {
    const { rows } = await t.db.query(`SELECT * FROM app_user WHERE tenant_id = $1 AND id = $2`, [
      tenant.id,
      person.id,
    ]);
    expect(rows[0].phone).toMatch(/^sm4:[A-Za-z0-9_-]+:/);
    expect(rows[0].email).toMatch(/^sm4:[A-Za-z0-9_-]+:/);
    const stored = `${rows[0].phone} ${rows[0].email}`;
    for (const plain of ['12345678', '138-1234', 'Zhang.XM', 'zhang.xm', 'mz.example'])
      expect(stored).not.toContain(plain);
    expect(rows[0].phone_index).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].phone_mobile).toBe(true);
  });

  it('shows them whole to the 系统管理员 and to the person, masked to staff and the security admin', async () => {
    const nodeOf = async (c: Client) =>
      (await c.ok(LIST, { filter: { search: '张晓明' } })).users.nodes.find((n: { id: string }) => n.id === person.id);
    expect(await nodeOf(admin)).toMatchObject({ phone: '+86 138-1234-5678', email: 'Zhang.XM@mz.example.gov.cn' });
    for (const other of [staff, security])
      expect(await nodeOf(other)).toMatchObject({ phone: '861****5678', email: 'Z***@mz.example.gov.cn' });
    // Unit contacts in the directory: masked, a list.
    const contacts = (await staff.ok(UNIT_PEOPLE, { id: unit.id })).unit.people;
    expect(contacts).toEqual([{ id: person.id, phone: '861****5678' }]);
    // The person themselves, signed in (a liaison does not list users; a staff member seeing themselves does).
    const me = await f.client(tenant, 'OFFICE_STAFF');
    await f.contact(me.user, { phone: '13900001111' });
    const self = (await me.ok(LIST, { filter: { search: '13900001111' } })).users.nodes;
    expect(self).toEqual([expect.objectContaining({ id: me.user.id, phone: '13900001111' })]);
    const seenByStaff = (await staff.ok(LIST, { filter: { search: '13900001111' } })).users.nodes;
    expect(seenByStaff).toEqual([expect.objectContaining({ id: me.user.id, phone: '139****1111' })]);
  });

  it('finds a person by the whole phone or e-mail however written (blind index), not by a part of it', async () => {
    const found = async (search: string) =>
      (await admin.ok(LIST, { filter: { search } })).users.nodes.map((n: { id: string }) => n.id);
    expect(await found('13812345678')).toEqual([person.id]);
    expect(await found('138 1234 5678')).toEqual([person.id]);
    expect(await found('zhang.xm@MZ.example.gov.cn')).toEqual([person.id]);
    expect(await found('1234-5678')).toEqual([]);
    expect(await found('13812345679')).toEqual([]);
  });

  it('refuses the wrong user, and a masked form sent back keeps the whole number', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON');
    expect(errorCode(await liaison.gql(LIST, {}))).toBe('FORBIDDEN');
    const auditor = await f.client(tenant, 'SECURITY_AUDITOR');
    expect(errorCode(await auditor.gql(LIST, {}))).toBe('FORBIDDEN');
    expect(
      errorCode(await staff.gql(UPDATE, { id: person.id, version: person.version, input: { phone: '13000000000' } })),
    ).toBe('FORBIDDEN');
    // The 系统管理员's form re-sends what it shows; a field left as its mask stays as it was.
    const updated = (
      await admin.ok(UPDATE, {
        id: person.id,
        version: person.version,
        input: { phone: '861****5678', email: 'new.zhang@mz.example.gov.cn' },
      })
    ).updateUser;
    expect(updated).toMatchObject({ phone: '+86 138-1234-5678', email: 'new.zhang@mz.example.gov.cn' });
    const { rows } = await t.db.query(`SELECT email_index FROM app_user WHERE id = $1`, [person.id]);
    expect(rows[0].email_index).not.toBeNull();
    expect(await admin.ok(LIST, { filter: { search: 'new.zhang@mz.example.gov.cn' } })).toMatchObject({
      users: { totalCount: 1 },
    });
    // The audit log records the change masked (the auditor has no need of the whole address).
    const audit = await t.db.query(
      `SELECT after::text FROM audit_log WHERE entity_id = $1 AND action = 'update' ORDER BY id DESC LIMIT 1`,
      [person.id],
    );
    expect(audit.rows[0].after).toContain('n***@mz.example.gov.cn');
    expect(audit.rows[0].after).not.toContain('new.zhang');
  });

  it('seals a two-factor secret with SM4 (no plaintext, no AES) and signs in with it', async () => {
    const me = await f.client(tenant, 'OFFICE_STAFF');
    const begin = (await me.ok(`mutation { beginTwoFactorEnrolment { secret } }`)).beginTwoFactorEnrolment;
    await me.ok(`mutation($code: String!) { confirmTwoFactorEnrolment(code: $code) }`, {
      code: totpCode(begin.secret, new Date()),
    });
    const { rows } = await t.db.query(`SELECT secret_sealed FROM user_totp WHERE user_id = $1`, [me.user.id]);
    expect(rows[0].secret_sealed).toMatch(/^sm4:[A-Za-z0-9_-]+:/);
    expect(rows[0].secret_sealed).not.toContain(begin.secret);
    const res = await t.http.post('/graphql').send({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { id } }`,
      variables: {
        input: {
          tenantCode: tenant.code,
          username: me.user.username,
          password: 'Passw0rd!',
          totpCode: totpCode(begin.secret, new Date(Date.now() + 30_000)),
        },
      },
    });
    expect(res.body.data?.signIn).toEqual({ id: me.user.id });
  });
});
