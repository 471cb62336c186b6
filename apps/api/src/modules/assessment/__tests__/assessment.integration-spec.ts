import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { errorCode, Factory, type Client, type TestTenant } from '../../../../test/factory.js';
import { download } from '../../../../test/download.js';

const VIEW = `{ securityAssessment { checkedAt controls { key category name setting evidence status why } } }`;
const POLICY = `{ securityPolicy { passwordMinLength passwordMinClasses passwordHistory passwordMaxAgeDays sessionIdleMinutes sessionMaxHours twoFactorRoles watermark version } }`;
const UPDATE = `mutation($input: UpdateSecurityPolicyInput!) { updateSecurityPolicy(input: $input) { version } }`;

interface Control {
  key: string;
  status: string;
  setting: string;
  why: string | null;
}

describe('等保测评视图: each level-3 control as the tenant has it now', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let security: Client;

  beforeAll(async () => {
    t = await createTestApp();
    f = new Factory(t);
    tenant = await f.tenant();
    security = await f.client(tenant, 'SECURITY_ADMIN');
    // Set up already, so requiring two-factor of the security admin's role does not stop this session
    // (its secret written around Duban, in clear: the view must find it).
    await t.db.query(
      `INSERT INTO user_totp (tenant_id, user_id, secret_sealed, enabled_at) VALUES ($1, $2, 'x', now())`,
      [tenant.id, security.user.id],
    );
    await f.user(tenant, 'OFFICE_ADMIN', null, { securityAdmin: false });
    await f.user(tenant, 'SECURITY_AUDITOR');
  }, 120_000);
  afterAll(() => t?.close());

  const view = async (): Promise<Record<string, Control>> =>
    Object.fromEntries(((await security.ok(VIEW)).securityAssessment.controls as Control[]).map((c) => [c.key, c]));
  const setPolicy = async (patch: Record<string, unknown>) => {
    const { securityPolicy } = await security.ok(POLICY);
    await security.ok(UPDATE, { input: { ...securityPolicy, ...patch } });
  };

  it('is for the security admin: system admin, unit user, office staff and auditor are refused, the export too', async () => {
    const unit = await f.unit(tenant, '市民政局');
    const refused = [
      await f.client(tenant, 'OFFICE_ADMIN', undefined, { securityAdmin: false }),
      await f.client(tenant, 'OFFICE_STAFF'),
      await f.client(tenant, 'UNIT_LIAISON', unit),
      await f.client(tenant, 'SECURITY_AUDITOR'),
    ];
    for (const c of refused) {
      expect(errorCode(await c.gql(VIEW))).toBe('FORBIDDEN');
      expect((await download(c, '/exports/assessment.xlsx')).status).toBe(403);
    }
    // An office admin who also holds the security admin's duties reads it.
    const both = await f.client(tenant, 'OFFICE_ADMIN');
    expect((await both.ok(VIEW)).securityAssessment.controls.length).toBeGreaterThan(10);
  });

  it('turns a control red with its reason when it is switched off, and green when it is back', async () => {
    await setPolicy({
      passwordMinClasses: 3,
      passwordMaxAgeDays: 90,
      twoFactorRoles: ['OFFICE_ADMIN', 'SECURITY_ADMIN', 'SECURITY_AUDITOR'],
      watermark: true,
    });
    let c = await view();
    for (const key of ['password-complexity', 'password-expiry', 'two-factor', 'watermark', 'session-timeout'])
      expect([key, c[key].status, c[key].why]).toEqual([key, 'MET', null]);
    // Every admin account was made after the policy: they enrol at their next sign-in.
    expect(c['two-factor'].setting).toMatch(/\d+ 个账号尚未绑定/);

    await setPolicy({ passwordMaxAgeDays: 0, twoFactorRoles: ['SECURITY_AUDITOR'], watermark: false });
    c = await view();
    expect(c['password-expiry']).toMatchObject({ status: 'NOT_MET', setting: '永不过期' });
    expect(c['password-expiry'].why).toContain('密码有效期未启用');
    expect(c['two-factor'].status).toBe('NOT_MET');
    expect(c['two-factor'].why).toContain('政务公开办管理员');
    expect(c.watermark).toMatchObject({ status: 'NOT_MET', setting: '未开启' });

    await setPolicy({ passwordMaxAgeDays: 60, watermark: true });
    c = await view();
    expect(c['password-expiry']).toMatchObject({ status: 'MET', setting: '60 天后须修改' });
    expect(c.watermark.status).toBe('MET');
  });

  it('reads the accounts as they are: 三员分立, unused accounts, a secret stored in clear', async () => {
    let c = await view();
    expect(c['secrets-sm4']).toMatchObject({ status: 'NOT_MET', setting: expect.stringContaining('；1 项未加密') });
    expect(c['separation-of-duties'].status).toBe('MET');
    const idle = await f.user(tenant, 'OFFICE_STAFF');
    await t.db.query(`UPDATE app_user SET created_at = now() - interval '200 days' WHERE id = $1`, [idle.id]);
    c = await view();
    expect(c['unused-accounts']).toMatchObject({ status: 'NOT_MET' });
    expect(c['unused-accounts'].setting).toMatch(/^\d+ 个账号超过 90 天未登录仍为启用$/);
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [idle.id]);
    expect((await view())['unused-accounts'].status).toBe('MET');

    const lone = await f.tenant('只有一名管理员的机构');
    const admin = await f.client(lone, 'OFFICE_ADMIN');
    const duties = ((await admin.ok(VIEW)).securityAssessment.controls as Control[]).find(
      (x) => x.key === 'separation-of-duties',
    )!;
    expect(duties.status).toBe('NOT_MET');
    expect(duties.why).toBe('尚无安全审计员账号，三员职责未分离');
    expect(duties.setting).toBe('系统管理员 1 人，安全管理员 1 人，安全审计员 0 人（1 人兼任系统管理员和安全管理员）');
  });

  it('shows the audit chain red, where it breaks, once a record is altered in the database', async () => {
    await setPolicy({ passwordMinLength: 10 });
    expect((await view())['audit-chain'].status).toBe('MET');
    const admin = await t.db.connect();
    try {
      await admin.query('BEGIN');
      await admin.query(`SET LOCAL session_replication_role = replica`);
      await admin.query(
        `UPDATE audit_log SET note = '改过' WHERE id = (SELECT min(id) FROM audit_log WHERE tenant_id = $1 AND seq IS NOT NULL)`,
        [tenant.id],
      );
      await admin.query('COMMIT');
    } finally {
      admin.release();
    }
    const c = await view();
    expect(c['audit-chain']).toMatchObject({
      status: 'NOT_MET',
      setting: expect.stringMatching(/^校验未通过：第 \d+ 条起链接断开$/),
    });
    expect(c['audit-hmac-sm3'].status).toBe('NOT_MET');
  });
});
