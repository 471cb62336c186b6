import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { createTenantWithCli } from './support/cli-tenant.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';

const TENANT = 'anquan';
const ADMIN = 'gkb-admin';
const PASSWORD = 'Anquan2026ok';

/** What the person's authenticator app shows at a moment (the test plays the phone). */
const codeAt = (secret: string, at: number) =>
  TOTP.generate({ secret: Secret.fromBase32(secret), period: 30, digits: 6, timestamp: at });

/**
 * 等保 身份鉴别 in Chromium: a new tenant keeps the default policy (two-factor for office admins), so its
 * admin must enrol at the first sign-in (QR code, first code, recovery codes shown once) and then signs
 * in with the password and a fresh code from the app.
 */
describe('two-factor sign-in: an office admin enrols and signs in with a code', () => {
  let server: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    const createTenant = (dataDir: string) =>
      createTenantWithCli(dataDir, {
        code: TENANT,
        name: '某省人民政府办公厅',
        admin: ADMIN,
        password: PASSWORD,
        twoFactor: 'on',
      });
    ({ server, browser } = await startAppAndBrowser({ SEED_DEMO: 'false' }, { before: createTenant }));
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  const fillPassword = async (page: Page) => {
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill(TENANT);
    await page.getByLabel('用户名').fill(ADMIN);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  };

  it('enrols at the first sign-in, then signs in with a code from the app', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await fillPassword(page);
    await page.waitForURL((url) => url.pathname === '/two-factor');
    await page.getByRole('button', { name: /开始绑定/ }).click();
    await page.getByRole('img', { name: '两步验证二维码' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await screenshot(page, 'two-factor', 'enrol-qr');
    await page.getByLabel('动态验证码').fill(codeAt(secret, Date.now()));
    await page.getByRole('button', { name: /验证并启用/ }).click();
    const codes = page.locator('.ant-list-item code');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await screenshot(page, 'two-factor', 'recovery-codes');
    await page.getByRole('button', { name: /我已保存，进入系统/ }).click();
    await page.waitForURL((url) => url.pathname === '/office');

    await page.getByRole('button', { name: /退\s*出/ }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await fillPassword(page);
    // The password was right: the form asks for the code and keeps the password.
    const code = page.getByLabel('动态验证码');
    await code.waitFor();
    expect(page.url()).toContain('/login');
    await code.fill('000000');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('动态验证码不正确或已使用过').waitFor();
    // The next 30-second step's code: never the one the enrolment already used.
    await code.fill(codeAt(secret, Date.now() + 30_000));
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/office');
    await page.getByTestId('viewer-name').waitFor();
    await context.close();
  });
});
