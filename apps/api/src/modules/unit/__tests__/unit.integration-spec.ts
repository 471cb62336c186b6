import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';

const FIELDS = 'id name kind parentId aliases active sort version';
const CREATE = `mutation($input: CreateUnitInput!) { createUnit(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: UpdateUnitInput!) { updateUnit(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!, $version: Int!) { deleteUnit(id: $id, version: $version) }`;
const LIST = `query($filter: UnitFilterInput) { units(filter: $filter) { ${FIELDS} } }`;
const ONE = `query($id: ID!) { unit(id: $id) { ${FIELDS} } }`;

describe('the unit directory', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let office: Client;
  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    office = await f.client(tenant, 'OFFICE_STAFF');
  });
  afterAll(() => t.close());

  const create = (c: Client, input: Record<string, unknown>) => c.gql(CREATE, { input });

  it('creates a unit with cleaned name and aliases, and audits it', async () => {
    const { createUnit } = await office.ok(CREATE, {
      input: {
        name: '  市发展  改革委 ',
        kind: 'DEPARTMENT',
        aliases: ['市发改委', ' 市发改委', '', '市发展 改革委'],
        sort: 3,
      },
    });
    expect(createUnit).toMatchObject({
      name: '市发展 改革委',
      kind: 'DEPARTMENT',
      aliases: ['市发改委'],
      active: true,
      sort: 3,
      version: 1,
      parentId: null,
    });
    const { rows } = await t.db.query(`SELECT actor_id, action, after FROM audit_log WHERE entity_id = $1`, [
      createUnit.id,
    ]);
    expect(rows).toEqual([
      {
        actor_id: office.user.id,
        action: 'create',
        after: expect.objectContaining({ name: '市发展 改革委', aliases: ['市发改委'] }),
      },
    ]);
  });

  // Issue 23: "a newly created unit sorts to the top of the directory" (its sort defaulted to 0).
  it('puts a unit created without a place after the rest of the directory', async () => {
    const own = await f.tenant();
    const admin = await f.client(own, 'OFFICE_ADMIN');
    await admin.ok(CREATE, { input: { name: '市甲局', kind: 'DEPARTMENT', sort: 20 } });
    await admin.ok(CREATE, { input: { name: '市乙局', kind: 'DEPARTMENT', sort: 10 } });
    const made = (await admin.ok(CREATE, { input: { name: '市新设局', kind: 'DEPARTMENT' } })).createUnit;
    expect(made.sort).toBe(21);
    const listed = (await admin.ok(LIST, {})).units.map((u: { name: string }) => u.name);
    expect(listed).toEqual(['市乙局', '市甲局', '市新设局']);
  });

  it('refuses a name or alias that already names another unit of the tenant, but not of another tenant', async () => {
    await office.ok(CREATE, { input: { name: '市卫生健康委', kind: 'DEPARTMENT', aliases: ['市卫健委'] } });
    const sameName = await create(office, { name: '市卫生健康委', kind: 'DEPARTMENT' });
    expect(sameName.errors![0]).toMatchObject({
      message: '已有同名单位“市卫生健康委”',
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
    const nameIsAlias = await create(office, { name: '市卫健委', kind: 'DEPARTMENT' });
    expect(nameIsAlias.errors![0]).toMatchObject({
      message: '“市卫健委”已是单位“市卫生健康委”的名称或别名',
      extensions: { field: 'name' },
    });
    const aliasIsName = await create(office, { name: '市卫生局', kind: 'DEPARTMENT', aliases: ['市卫生健康委'] });
    expect(aliasIsName.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'aliases' });
    const other = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    await other.ok(CREATE, { input: { name: '市卫生健康委', kind: 'DEPARTMENT', aliases: ['市卫健委'] } });
  });

  it.each([
    [{ name: '', kind: 'DEPARTMENT' }, 'name', '单位名称不能为空'],
    [{ name: '长'.repeat(61), kind: 'DEPARTMENT' }, 'name', '单位名称不能超过 60 个字'],
    [
      { name: '某单位', kind: 'DEPARTMENT', aliases: Array.from({ length: 21 }, (_, i) => `别名${i}`) },
      'aliases',
      '别名最多 20 个',
    ],
    [{ name: '某单位', kind: 'DEPARTMENT', sort: 10_000_000 }, 'sort', '排序应为 -1000000 到 1000000 之间的整数'],
    [
      { name: '某单位', kind: 'DEPARTMENT', parentId: '00000000-0000-4000-8000-000000000000' },
      'parentId',
      '上级单位不存在',
    ],
    [{ name: '某单位', kind: 'DEPARTMENT', parentId: 'not-a-uuid' }, 'parentId', '上级单位不存在'],
  ])('refuses %j with a Chinese message on the field', async (input, field, message) => {
    const res = await create(office, input);
    expect(res.errors![0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT', field } });
  });

  it('updates only the given fields, bumps the version and refuses a stale one', async () => {
    const { createUnit: u } = await office.ok(CREATE, {
      input: { name: '市司法局', kind: 'DEPARTMENT', aliases: ['司法局'] },
    });
    const { updateUnit } = await office.ok(UPDATE, { id: u.id, version: 1, input: { sort: 9, kind: 'AGENCY' } });
    expect(updateUnit).toMatchObject({ name: '市司法局', aliases: ['司法局'], sort: 9, kind: 'AGENCY', version: 2 });
    const stale = await office.gql(UPDATE, { id: u.id, version: 1, input: { name: '市司法局（旧）' } });
    expect(errorCode(stale)).toBe('CONFLICT');
    expect((await office.ok(ONE, { id: u.id })).unit).toMatchObject({ name: '市司法局', version: 2 });
  });

  it('sets a parent in the same tenant and refuses cycles and the unit itself', async () => {
    const mk = async (name: string, parentId?: string) =>
      (await office.ok(CREATE, { input: { name, kind: 'TOWN', parentId } })).createUnit;
    const a = await mk('甲区政府');
    const b = await mk('甲区乙街道', a.id);
    const c = await mk('甲区乙街道丙社区', b.id);
    expect(c.parentId).toBe(b.id);
    const cycle = await office.gql(UPDATE, { id: a.id, version: a.version, input: { parentId: c.id } });
    expect(cycle.errors![0]).toMatchObject({
      message: '上级单位不能是本单位或其下级单位',
      extensions: { code: 'BAD_USER_INPUT', field: 'parentId' },
    });
    const self = await office.gql(UPDATE, { id: a.id, version: a.version, input: { parentId: a.id } });
    expect(self.errors![0]).toMatchObject({ extensions: { field: 'parentId' } });
    const foreignUnit = await f.unit(await f.tenant(), '外机构单位');
    const foreign = await office.gql(UPDATE, { id: a.id, version: a.version, input: { parentId: foreignUnit.id } });
    expect(foreign.errors![0]).toMatchObject({ message: '上级单位不存在' });
    const detached = await office.ok(UPDATE, { id: c.id, version: c.version, input: { parentId: null } });
    expect(detached.updateUnit.parentId).toBeNull();
  });

  it('lists the directory sorted by sort then name, filtered by search (names and aliases), kind and active', async () => {
    const own = await f.tenant();
    const c = await f.client(own, 'OFFICE_ADMIN');
    const add = async (name: string, kind: string, sort: number, aliases: string[] = []) =>
      (await c.ok(CREATE, { input: { name, kind, sort, aliases } })).createUnit;
    await add('2号局', 'DEPARTMENT', 2);
    await add('1号局', 'DEPARTMENT', 2, ['教育口']);
    await add('丙市政府', 'CITY_GOV', 1);
    const off = await add('丁局', 'DEPARTMENT', 0);
    await c.ok(UPDATE, { id: off.id, version: 1, input: { active: false } });
    const names = async (filter?: object) => (await c.ok(LIST, { filter })).units.map((u: { name: string }) => u.name);
    // Ties on sort fall back to the name (ASCII prefixes: the same order under any collation).
    expect(await names()).toEqual(['丁局', '丙市政府', '1号局', '2号局']);
    expect(await names({ kind: 'CITY_GOV' })).toEqual(['丙市政府']);
    expect(await names({ active: false })).toEqual(['丁局']);
    expect(await names({ search: '教育' })).toEqual(['1号局']);
    expect(await names({ search: '%' })).toEqual([]);
    // Every role reads the directory (tasks name units); nobody sees another tenant's.
    const liaison = await f.client(own, 'UNIT_LIAISON');
    expect((await liaison.ok(LIST)).units.length).toBe(5);
    const foreign = await f.client(await f.tenant(), 'LEADERSHIP');
    expect(errorCode(await foreign.gql(ONE, { id: off.id }))).toBe('NOT_FOUND');
    expect(errorCode(await foreign.gql(ONE, { id: 'nonsense' }))).toBe('NOT_FOUND');
  });

  it('deactivates with active=false, and deletes only a unit nothing refers to', async () => {
    const { createUnit: free } = await office.ok(CREATE, { input: { name: '临时工作专班', kind: 'OTHER' } });
    const { createUnit: used } = await office.ok(CREATE, { input: { name: '市统计局', kind: 'DEPARTMENT' } });
    await f.user(tenant, 'UNIT_LIAISON', { id: used.id, name: used.name, tenantId: tenant.id });
    const refused = await office.gql(DELETE, { id: used.id, version: used.version });
    expect(refused.errors![0]).toMatchObject({
      message: '“市统计局”已有1 个用户关联，不能删除，可改为停用',
      extensions: { code: 'CONFLICT' },
    });
    const { updateUnit } = await office.ok(UPDATE, { id: used.id, version: used.version, input: { active: false } });
    expect(updateUnit).toMatchObject({ active: false, version: 2 });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [used.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['create', 'deactivate']);
    expect(errorCode(await office.gql(DELETE, { id: free.id, version: 99 }))).toBe('CONFLICT');
    expect((await office.ok(DELETE, { id: free.id, version: free.version })).deleteUnit).toBe(true);
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM unit WHERE id = $1`, [free.id]);
    expect(rows[0].n).toBe(0);
    const deleted = await t.db.query(
      `SELECT action, before FROM audit_log WHERE entity_id = $1 AND action = 'delete'`,
      [free.id],
    );
    expect(deleted.rows[0].before).toMatchObject({ name: '临时工作专班' });
  });

  it('refuses unit users and leadership on every directory change, and reaches no other tenant', async () => {
    const { createUnit: u } = await office.ok(CREATE, { input: { name: '市审计局', kind: 'DEPARTMENT' } });
    for (const role of ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'] as const) {
      const c = await f.client(tenant, role);
      expect(errorCode(await create(c, { name: `${role}建的单位`, kind: 'OTHER' }))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(UPDATE, { id: u.id, version: 1, input: { name: '改名' } }))).toBe('FORBIDDEN');
      expect(errorCode(await c.gql(DELETE, { id: u.id, version: 1 }))).toBe('FORBIDDEN');
      const upload = await c.upload(
        '/imports/units',
        { name: 'a.csv', bytes: Buffer.from('单位名称\n新建局') },
        { dryRun: 'false' },
      );
      expect([upload.status, upload.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    const foreign = await f.client(await f.tenant(), 'OFFICE_ADMIN');
    expect(errorCode(await foreign.gql(UPDATE, { id: u.id, version: 1, input: { name: '改名' } }))).toBe('NOT_FOUND');
    expect(errorCode(await foreign.gql(DELETE, { id: u.id, version: 1 }))).toBe('NOT_FOUND');
    expect((await office.ok(ONE, { id: u.id })).unit).toMatchObject({ name: '市审计局', version: 1 });
  });
});
