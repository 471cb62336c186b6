import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';

const LINKS = `{ tenantLinks { upper { id name linkedAt } lowers { id name linkedAt } invites { id note createdAt expiresAt } } }`;
const CREATE = `mutation($note: String) { createTenantLinkInvite(note: $note) { code invite { id note expiresAt } } }`;
const ACCEPT = `mutation($code: String!) { acceptTenantLinkInvite(code: $code) { upper { id name } lowers { id } } }`;
const REVOKE = `mutation($id: ID!) { revokeTenantLinkInvite(id: $id) { invites { id } } }`;
const END_UPPER = `mutation($upperTenantId: ID!) { endUpperTenantLink(upperTenantId: $upperTenantId) { upper { id } } }`;
const END_LOWER = `mutation($tenantId: ID!) { endLowerTenantLink(tenantId: $tenantId) { lowers { id } } }`;

describe('linked tenants (上下联动)', () => {
  let t: TestApp;
  let f: Factory;
  let province: TestTenant;
  let cityA: TestTenant;
  let cityB: TestTenant;
  let provinceAdmin: Client;
  let cityAAdmin: Client;
  let cityBAdmin: Client;

  const named = async (name: string) => {
    const tenant = await f.tenant(name);
    return { tenant, admin: await f.client(tenant, 'OFFICE_ADMIN') };
  };
  const invite = async (admin: Client, note: string | null = null) =>
    (await admin.ok(CREATE, { note })).createTenantLinkInvite;
  const link = async (upper: Client, lower: Client) => lower.ok(ACCEPT, { code: (await invite(upper)).code });
  const upperOf = async (tenant: TestTenant) =>
    (await t.db.query(`SELECT upper_tenant_id FROM tenant WHERE id = $1`, [tenant.id])).rows[0].upper_tenant_id;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    ({ tenant: province, admin: provinceAdmin } = await named('某省人民政府办公厅'));
    ({ tenant: cityA, admin: cityAAdmin } = await named('甲市人民政府办公室'));
    ({ tenant: cityB, admin: cityBAdmin } = await named('乙市人民政府办公室'));
  });
  afterAll(() => t.close());

  it('links a city under the province by a one-time code the province gives out; both sides see the link, and the code is stored only as a hash', async () => {
    const created = await invite(provinceAdmin, '发给甲市');
    expect(created.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(created.invite.note).toBe('发给甲市');
    const stored = await t.db.query(`SELECT code_hash FROM tenant_link_invite WHERE id = $1`, [created.invite.id]);
    expect(stored.rows[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored.rows)).not.toContain(created.code);
    expect((await provinceAdmin.ok(LINKS)).tenantLinks.invites.map((i: { id: string }) => i.id)).toContain(
      created.invite.id,
    );

    // Typed by hand: lower case and spaces.
    const accepted = await cityAAdmin.ok(ACCEPT, { code: created.code.toLowerCase().replaceAll('-', ' ') });
    expect(accepted.acceptTenantLinkInvite.upper).toEqual({ id: province.id, name: '某省人民政府办公厅' });
    expect(await upperOf(cityA)).toBe(province.id);
    const seen = (await provinceAdmin.ok(LINKS)).tenantLinks;
    expect(seen.lowers).toEqual([expect.objectContaining({ id: cityA.id, name: '甲市人民政府办公室' })]);
    expect(seen.invites.map((i: { id: string }) => i.id)).not.toContain(created.invite.id);

    // Used once: a second city cannot reuse it.
    const reuse = await cityBAdmin.gql(ACCEPT, { code: created.code });
    expect(errorCode(reuse)).toBe('BAD_USER_INPUT');
    expect(reuse.errors![0].message).toContain('邀请码无效');
    expect(await upperOf(cityB)).toBeNull();

    const audit = await t.db.query(
      `SELECT tenant_id, actor_id, entity_id, action FROM audit_log WHERE entity_type = 'tenant_link' AND action = 'link' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { tenant_id: cityA.id, actor_id: cityAAdmin.user.id, entity_id: province.id, action: 'link' },
      { tenant_id: province.id, actor_id: null, entity_id: cityA.id, action: 'link' },
    ]);
  });

  it('never shows a sibling: each city sees its upper only, the upper sees its own lowers only', async () => {
    await link(provinceAdmin, cityBAdmin);
    const a = (await cityAAdmin.ok(LINKS)).tenantLinks;
    expect(a.upper.id).toBe(province.id);
    expect(a.lowers).toEqual([]);
    expect(JSON.stringify(a)).not.toContain(cityB.id);
    expect(JSON.stringify(a)).not.toContain('乙市');
    const { tenant: other, admin: otherAdmin } = await named('另一省人民政府办公厅');
    expect((await otherAdmin.ok(LINKS)).tenantLinks).toEqual({ upper: null, lowers: [], invites: [] });
    expect(other.id).not.toBe(province.id);
    expect((await provinceAdmin.ok(LINKS)).tenantLinks.lowers.map((l: { id: string }) => l.id).sort()).toEqual(
      [cityA.id, cityB.id].sort(),
    );
  });

  it('refuses a sibling, an unlinked tenant and a lower tenant reaching upward with NOT_FOUND, changing nothing', async () => {
    const { admin: outsider } = await named('无关市人民政府办公室');
    const pending = await invite(provinceAdmin);
    for (const [who, client] of [
      ['sibling', cityBAdmin],
      ['unlinked', outsider],
      ['lower', cityAAdmin],
    ] as const) {
      // Ending city A's link is the province's business (and city A's own, through endUpperTenantLink).
      if (who !== 'lower')
        expect([who, errorCode(await client.gql(END_LOWER, { tenantId: cityA.id }))]).toEqual([who, 'NOT_FOUND']);
      // Nobody below or beside the province ends the province's own links or withdraws its invitations.
      expect([who, errorCode(await client.gql(END_LOWER, { tenantId: province.id }))]).toEqual([who, 'NOT_FOUND']);
      expect([who, errorCode(await client.gql(REVOKE, { id: pending.invite.id }))]).toEqual([who, 'NOT_FOUND']);
    }
    expect(await upperOf(cityA)).toBe(province.id);
    expect((await provinceAdmin.ok(LINKS)).tenantLinks.invites.map((i: { id: string }) => i.id)).toContain(
      pending.invite.id,
    );
  });

  it('lets only the office admin manage links; staff and leadership read them, unit users are refused', async () => {
    const staff = await f.client(province, 'OFFICE_STAFF');
    const leadership = await f.client(province, 'LEADERSHIP');
    const liaison = await f.client(province, 'UNIT_LIAISON');
    const asStaff = (await staff.ok(LINKS)).tenantLinks;
    expect(asStaff.lowers).toHaveLength(2);
    expect(asStaff.invites).toEqual([]);
    expect((await leadership.ok(LINKS)).tenantLinks.lowers).toHaveLength(2);
    expect(errorCode(await liaison.gql(LINKS))).toBe('FORBIDDEN');
    for (const c of [staff, leadership, liaison]) {
      expect(errorCode(await c.gql(CREATE, {}))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(END_LOWER, { tenantId: cityA.id }))).toBe('FORBIDDEN');
    }
    const cityStaff = await f.client(cityA, 'OFFICE_STAFF');
    expect(errorCode(await cityStaff.gql(END_UPPER, { upperTenantId: province.id }))).toBe('FORBIDDEN');
    expect(await upperOf(cityA)).toBe(province.id);
  });

  it('refuses a second upper, a cycle, its own code, a withdrawn or malformed code, each with a clear message', async () => {
    const { tenant: other, admin: otherAdmin } = await named('另一省人民政府办公厅');
    const second = await cityAAdmin.gql(ACCEPT, { code: (await invite(otherAdmin)).code });
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors![0].message).toBe('本机构已关联上级机构“某省人民政府办公厅”，请先解除后再接受新的邀请');

    // The province under its own city would be a cycle.
    const cycle = await provinceAdmin.gql(ACCEPT, { code: (await invite(cityAAdmin)).code });
    expect(errorCode(cycle)).toBe('BAD_USER_INPUT');
    expect(cycle.errors![0].message).toContain('是本机构的下级机构');
    expect(await upperOf(province)).toBeNull();

    const own = await otherAdmin.gql(ACCEPT, { code: (await invite(otherAdmin)).code });
    expect(own.errors![0].message).toContain('本机构发出的邀请码');

    const withdrawn = await invite(provinceAdmin);
    await provinceAdmin.ok(REVOKE, { id: withdrawn.invite.id });
    expect(errorCode(await otherAdmin.gql(ACCEPT, { code: withdrawn.code }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await provinceAdmin.gql(REVOKE, { id: withdrawn.invite.id }))).toBe('NOT_FOUND');

    const expired = await invite(provinceAdmin);
    await t.db.query(`UPDATE tenant_link_invite SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      expired.invite.id,
    ]);
    expect(errorCode(await otherAdmin.gql(ACCEPT, { code: expired.code }))).toBe('BAD_USER_INPUT');

    const malformed = await otherAdmin.gql(ACCEPT, { code: 'hello' });
    expect(malformed.errors![0].message).toContain('邀请码格式不对');
    expect(await upperOf(other)).toBeNull();
  });

  it('lets either side end the link, audited in both tenants', async () => {
    // Naming another upper (a stale dialog) ends nothing.
    const { tenant: other } = await named('另一省人民政府办公厅');
    expect(errorCode(await cityBAdmin.gql(END_UPPER, { upperTenantId: other.id }))).toBe('NOT_FOUND');
    expect(await upperOf(cityB)).toBe(province.id);
    expect((await cityBAdmin.ok(END_UPPER, { upperTenantId: province.id })).endUpperTenantLink.upper).toBeNull();
    expect(await upperOf(cityB)).toBeNull();
    expect(errorCode(await cityBAdmin.gql(END_UPPER, { upperTenantId: province.id }))).toBe('NOT_FOUND');

    expect((await provinceAdmin.ok(END_LOWER, { tenantId: cityA.id })).endLowerTenantLink.lowers).toEqual([]);
    expect(await upperOf(cityA)).toBeNull();
    expect((await cityAAdmin.ok(LINKS)).tenantLinks.upper).toBeNull();

    const audit = await t.db.query(
      `SELECT tenant_id, entity_id, note FROM audit_log WHERE entity_type = 'tenant_link' AND action = 'unlink' ORDER BY id`,
    );
    expect(audit.rows).toEqual([
      { tenant_id: cityB.id, entity_id: province.id, note: null },
      { tenant_id: province.id, entity_id: cityB.id, note: '由“乙市人民政府办公室”操作' },
      { tenant_id: province.id, entity_id: cityA.id, note: null },
      { tenant_id: cityA.id, entity_id: province.id, note: '由“某省人民政府办公厅”操作' },
    ]);
  });

  it('caps open invitations per tenant', async () => {
    const { admin } = await named('多次邀请省人民政府办公厅');
    await Promise.all(Array.from({ length: 20 }, () => invite(admin)));
    const over = await admin.gql(CREATE, {});
    expect(errorCode(over)).toBe('BAD_USER_INPUT');
    expect(over.errors![0].message).toContain('请先撤销');
  });
});
