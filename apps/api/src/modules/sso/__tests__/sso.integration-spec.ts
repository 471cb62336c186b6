import type { AddressInfo } from 'node:net';
import { Clock } from '../../../common/clock.js';
import { personalData } from '../../../common/crypto/personal-data.js';
import { Factory, errorCode, type Client, type TestTenant } from '../../../../test/factory.js';
import { startOidcProvider, type TestOidcProvider } from '../../../../test/oidc-provider.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

/** A browser as far as redirects and cookies go: follows every hop, keeps each host's cookies. */
class RedirectBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  cookies(url: string | URL): Map<string, string> {
    const host = new URL(url).host;
    if (!this.jar.has(host)) this.jar.set(host, new Map());
    return this.jar.get(host)!;
  }

  private header(url: URL) {
    return [...this.cookies(url)].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Opens a URL and follows redirects; returns where it ended. */
  async open(start: string): Promise<URL> {
    let url = new URL(start);
    for (let hop = 0; hop < 20; hop++) {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: this.header(url) } });
      for (const line of res.headers.getSetCookie()) {
        const [pair, ...attrs] = line.split(';');
        const name = pair.slice(0, pair.indexOf('=')).trim();
        const value = pair.slice(pair.indexOf('=') + 1).trim();
        const expired = attrs.some(
          (a) => /^\s*max-age=0/i.test(a) || (/^\s*expires=/i.test(a) && new Date(a.split('=')[1]) < new Date()),
        );
        if (!value || expired) this.cookies(url).delete(name);
        else this.cookies(url).set(name, value);
      }
      const location = res.headers.get('location');
      await res.arrayBuffer();
      if (res.status < 300 || res.status >= 400 || !location) return url;
      url = new URL(location, url);
    }
    throw new Error('too many redirects');
  }

  async gql<T = any>(apiUrl: string, query: string): Promise<T> {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.header(new URL(apiUrl)) },
      body: JSON.stringify({ query }),
    });
    return (await res.json()) as T;
  }
}

const SETTINGS = `mutation($input: UpdateSsoSettingsInput!) { updateSsoSettings(input: $input) { enabled issuer clientId clientSecretMasked claim version redirectUri } }`;

describe('single sign-on with the tenant’s OpenID provider', () => {
  let t: TestApp;
  let f: Factory;
  let api: string;
  let provider: TestOidcProvider;
  let tenant: TestTenant;
  let admin: Client;
  let settingsVersion = 0;

  const configure = async (input: Record<string, unknown> = {}, issuer = provider.issuer) => {
    const data = await admin.ok(SETTINGS, {
      input: {
        enabled: true,
        issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        claim: 'preferred_username',
        matchField: 'USERNAME',
        passwordAllowed: true,
        createUsers: false,
        defaultRole: 'UNIT_LIAISON',
        version: settingsVersion,
        ...input,
      },
    });
    settingsVersion = data.updateSsoSettings.version;
    return data.updateSsoSettings;
  };
  const refusals = async () =>
    (
      await t.db.query(`SELECT note FROM audit_log WHERE tenant_id = $1 AND action = 'sso.refused' ORDER BY id`, [
        tenant.id,
      ])
    ).rows.map((r) => r.note as string);
  const start = (next = '/') => `${api}/auth/sso/start?tenant=${tenant.code}&next=${encodeURIComponent(next)}`;
  const ssoError = (url: URL) => url.searchParams.get('ssoError') ?? '';

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    api = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    f = new Factory(t);
    provider = await startOidcProvider({
      redirectUris: [`${api}/auth/sso/callback`],
      postLogoutRedirectUris: [`${api}/login`],
    });
    tenant = await f.tenant();
    admin = await f.client(tenant, 'OFFICE_ADMIN');
  });
  afterAll(async () => {
    await provider?.close();
    await t?.close();
  });

  it('lets the office admin set the provider (secret masked, not audited) and no one else', async () => {
    const liaison = await f.client(tenant, 'UNIT_LIAISON');
    const refused = await liaison.gql(SETTINGS, {
      input: {
        enabled: true,
        issuer: provider.issuer,
        clientId: 'x',
        claim: 'sub',
        matchField: 'USERNAME',
        passwordAllowed: true,
        createUsers: false,
        defaultRole: 'UNIT_LIAISON',
        version: 0,
      },
    });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const bad = await admin.gql(SETTINGS, {
      input: {
        enabled: true,
        issuer: 'ftp://sso.example',
        clientId: 'x',
        claim: 'sub',
        matchField: 'USERNAME',
        passwordAllowed: true,
        createUsers: false,
        defaultRole: 'OFFICE_ADMIN',
        version: 0,
      },
    });
    expect(bad.errors![0].message).toMatch(/身份认证平台地址/);
    const saved = await configure();
    expect(saved).toMatchObject({
      enabled: true,
      issuer: provider.issuer,
      clientId: 'duban',
      redirectUri: `${api}/auth/sso/callback`,
    });
    expect(saved.clientSecretMasked).not.toContain(provider.clientSecret);
    const stale = await admin.gql(SETTINGS, {
      input: {
        enabled: false,
        issuer: provider.issuer,
        clientId: 'x',
        claim: 'sub',
        matchField: 'USERNAME',
        passwordAllowed: true,
        createUsers: false,
        defaultRole: 'UNIT_LIAISON',
        version: 0,
      },
    });
    expect(errorCode(stale)).toBe('CONFLICT');
    const audit = await t.db.query(
      `SELECT after::text FROM audit_log WHERE tenant_id = $1 AND action = 'sso.settings'`,
      [tenant.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after).not.toContain(provider.clientSecret);
    const options = await t.http
      .post('/graphql')
      .send({ query: `{ signInOptions(tenantCode: "${tenant.code.toUpperCase()}") { sso passwordAllowed } }` });
    expect(options.body.data.signInOptions).toEqual({ sso: true, passwordAllowed: true });
  });

  it('signs a matched account in through discovery, code + PKCE, and lands on the deep link it started from', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    provider.signInAs({ sub: 'p-1', claims: { preferred_username: liaison.username, name: '张三' } });
    const browser = new RedirectBrowser();
    const landed = await browser.open(start('/unit/tasks/abc?tab=report'));
    expect(`${landed.pathname}${landed.search}`).toBe('/unit/tasks/abc?tab=report');
    const me = await browser.gql(api, `{ me { username ssoLogoutPath } }`);
    expect(me.data.me).toEqual({ username: liaison.username, ssoLogoutPath: `/auth/sso/logout?tenant=${tenant.id}` });
    // The started attempt is used up; no attempt row outlives its sign-in.
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM sso_attempt WHERE tenant_id = $1`, [tenant.id])).rows[0].n,
    ).toBe(0);
    // Signing out offers the provider's logout, which returns to Duban's sign-in page.
    const out = await fetch(`${api}${me.data.me.ssoLogoutPath}`, { redirect: 'manual' });
    const logout = new URL(out.headers.get('location')!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe(`${api}/login`);
  });

  it('never leaves the app through the return path', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    provider.signInAs({ sub: 'p-2', claims: { preferred_username: liaison.username } });
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/login?next=//evil.example']) {
      const landed = await new RedirectBrowser().open(start(next));
      expect(landed.href).toBe(`${api}/`);
    }
  });

  it('refuses a replayed state and a replayed code, each with a Chinese message and an audit entry', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    provider.signInAs({ sub: 'p-3', claims: { preferred_username: liaison.username } });
    // Stop at the callback to keep its URL.
    const browser = new RedirectBrowser();
    const startRes = await fetch(start('/'), { redirect: 'manual' });
    const attemptCookie = startRes.headers
      .getSetCookie()
      .find((c) => c.startsWith('duban_sso='))!
      .split(';')[0];
    let url = new URL(startRes.headers.get('location')!);
    while (!url.href.startsWith(`${api}/auth/sso/callback`)) {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...browser.cookies(url)].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        browser.cookies(url).set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
      }
      url = new URL(res.headers.get('location')!, url);
    }
    const callback = url.href;
    const first = await fetch(callback, { redirect: 'manual', headers: { cookie: attemptCookie } });
    expect(first.headers.get('location')).toBe('/');
    const before = (await refusals()).length;
    const again = await fetch(callback, { redirect: 'manual', headers: { cookie: attemptCookie } });
    expect(decodeURIComponent(again.headers.get('location')!)).toContain('该登录请求已使用过或已失效');
    expect((await refusals()).slice(before)).toEqual([expect.stringContaining('replay')]);
    // The code again, under a new attempt of the attacker's own: the provider refuses the used code.
    const attacker = await fetch(start('/'), { redirect: 'manual' });
    const attackerCookie = attacker.headers
      .getSetCookie()
      .find((c) => c.startsWith('duban_sso='))!
      .split(';')[0];
    const attackerState = new URL(attacker.headers.get('location')!).searchParams.get('state')!;
    const forged = new URL(callback);
    forged.searchParams.set('state', attackerState);
    const replayedCode = await fetch(forged, { redirect: 'manual', headers: { cookie: attackerCookie } });
    expect(decodeURIComponent(replayedCode.headers.get('location')!)).toContain('登录凭证无效或已被使用');
    expect((await refusals()).at(-1)).toMatch(/token request refused/);
    // A callback without the browser's attempt cookie (login CSRF) is refused too.
    const noCookie = await fetch(callback, { redirect: 'manual' });
    expect(decodeURIComponent(noCookie.headers.get('location')!)).toContain('登录请求已失效');
  });

  it('refuses an expired ID token', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    provider.signInAs({ sub: 'p-4', claims: { preferred_username: liaison.username } });
    const clock = t.app.get(Clock);
    const real = clock.now;
    // Duban's clock two hours on: the token the provider issues now has expired by Duban's time.
    clock.now = () => new Date(Date.now() + 2 * 3600 * 1000);
    try {
      const landed = await new RedirectBrowser().open(start('/'));
      expect(landed.pathname).toBe('/login');
      expect(ssoError(landed)).toBe('身份令牌已过期，请返回登录页重新登录');
      expect((await refusals()).at(-1)).toMatch(/^expired token/);
    } finally {
      clock.now = real;
    }
  });

  it('refuses an unknown person, a person known only in another tenant, and a deactivated account', async () => {
    provider.signInAs({ sub: 'p-5', claims: { preferred_username: 'nobody-here' } });
    let landed = await new RedirectBrowser().open(start('/'));
    expect(ssoError(landed)).toBe('督办系统中没有与您的统一身份认证账号对应的账号，请联系政务公开办公室开通');
    const other = await f.tenant('另一个政府');
    const elsewhere = await f.user(other, 'OFFICE_ADMIN');
    provider.signInAs({ sub: 'p-6', claims: { preferred_username: elsewhere.username } });
    landed = await new RedirectBrowser().open(start('/'));
    expect(ssoError(landed)).toBe('督办系统中没有与您的统一身份认证账号对应的账号，请联系政务公开办公室开通');
    const gone = await f.user(tenant, 'OFFICE_STAFF');
    await t.db.query(`UPDATE app_user SET active = false WHERE tenant_id = $1 AND id = $2`, [tenant.id, gone.id]);
    provider.signInAs({ sub: 'p-7', claims: { preferred_username: gone.username } });
    landed = await new RedirectBrowser().open(start('/'));
    expect(ssoError(landed)).toMatch(/^该账号已停用，不能登录/);
    const notes = (await refusals()).slice(-3);
    expect(notes).toEqual([
      expect.stringMatching(/^no account matches/),
      expect.stringMatching(/^no account matches/),
      'account deactivated',
    ]);
    expect(
      (
        await t.db.query(`SELECT count(*)::int AS n FROM user_session WHERE tenant_id = $1 AND user_id = $2`, [
          tenant.id,
          gone.id,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it('checks signatures against the provider’s current keys: a rotated key still signs people in', async () => {
    const liaison = await f.user(tenant, 'UNIT_LIAISON', await f.unit(tenant));
    provider.signInAs({ sub: 'p-8', claims: { preferred_username: liaison.username } });
    expect((await new RedirectBrowser().open(start('/'))).pathname).toBe('/');
    provider.rotateKeys();
    const browser = new RedirectBrowser();
    expect((await browser.open(start('/'))).pathname).toBe('/');
    expect((await browser.gql(api, `{ me { username } }`)).data.me.username).toBe(liaison.username);
  });

  it('refuses a provider that names another issuer than the one configured', async () => {
    const impostor = await startOidcProvider({
      redirectUris: [`${api}/auth/sso/callback`],
      advertisedIssuer: 'http://127.0.0.1:9/other',
    });
    try {
      await configure({}, impostor.issuer);
      const landed = await new RedirectBrowser().open(start('/'));
      expect(ssoError(landed)).toBe('身份令牌的签发方与本机构配置的统一身份认证平台不符，已拒绝登录');
      expect((await refusals()).at(-1)).toMatch(/^wrong issuer/);
    } finally {
      await configure();
      await impostor.close();
    }
  });

  it('creates an account on first sign-in only when the office allows it: default role, no unit', async () => {
    await configure({ createUsers: true, defaultRole: 'UNIT_LIAISON', claim: 'phone_number', matchField: 'PHONE' });
    provider.signInAs({
      sub: 'p-9',
      claims: { phone_number: '13800000009', name: '李四', preferred_username: 'li.si' },
    });
    const browser = new RedirectBrowser();
    expect((await browser.open(start('/'))).pathname).toBe('/');
    // Found again by the blind index; stored as SM4 ciphertext.
    const made = await t.db.query(
      `SELECT username, display_name, role, unit_id, phone FROM app_user WHERE tenant_id = $1 AND phone_index = $2`,
      [tenant.id, personalData(t.config).index(tenant.id, 'phone', '13800000009')],
    );
    expect(made.rows).toEqual([
      {
        username: expect.stringMatching(/^sso\./),
        display_name: '李四',
        role: 'UNIT_LIAISON',
        unit_id: null,
        phone: expect.stringMatching(/^sm4:/),
      },
    ]);
    expect(
      (
        await t.db.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1 AND action = 'user.create.sso'`,
          [tenant.id],
        )
      ).rows[0].n,
    ).toBe(1);
    // The provider writes the number another way next time: the blind index still finds the account.
    provider.signInAs({ sub: 'p-9', claims: { phone_number: '+86 138-0000-0009', name: '李四' } });
    expect((await new RedirectBrowser().open(start('/'))).pathname).toBe('/');
    const again = await t.db.query(
      `SELECT count(*)::int AS n FROM app_user WHERE tenant_id = $1 AND phone_index = $2`,
      [tenant.id, personalData(t.config).index(tenant.id, 'phone', '13800000009')],
    );
    expect(again.rows[0].n).toBe(1);
    await configure({ createUsers: false });
  });

  it('refuses passwords when the office turns them off, and serves them again once SSO is off', async () => {
    const staff = await f.user(tenant, 'OFFICE_STAFF');
    await configure({ passwordAllowed: false });
    const options = await t.http
      .post('/graphql')
      .send({ query: `{ signInOptions(tenantCode: "${tenant.code}") { sso passwordAllowed } }` });
    expect(options.body.data.signInOptions).toEqual({ sso: true, passwordAllowed: false });
    await expect(f.signIn(tenant, staff)).rejects.toThrow(/本机构已启用统一身份认证/);
    await t.db.query(`UPDATE tenant_sso SET enabled = false WHERE tenant_id = $1`, [tenant.id]);
    await expect(f.signIn(tenant, staff)).resolves.toBeTruthy();
    const landed = await new RedirectBrowser().open(start('/'));
    expect(ssoError(landed)).toBe('该机构未启用统一身份认证，请使用账号密码登录');
  });
});
