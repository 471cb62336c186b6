import type { Browser } from 'playwright-core';
import { startOidcProvider, type TestOidcProvider } from '../../../tools/lib/oidc-provider.js';
import { apiAs } from './support/api-client.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { turnOnSso } from './support/sso.js';
import { screenshot } from './support/browser.js';

const PASSWORD = 'Duban@2026';

/**
 * 统一身份认证 in Chromium: the demo office turns on its OpenID provider (a real oidc-provider in this
 * process); a liaison opens the link of a notification to one task, signs in at the provider and lands
 * on that task; signing out offers the provider's logout.
 */
describe('single sign-on: a message link opens the task after signing in at the provider', () => {
  let server: AppServer;
  let browser: Browser;
  let provider: TestOidcProvider;

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
    provider = await startOidcProvider({
      redirectUris: [`${server.url}/auth/sso/callback`],
      postLogoutRedirectUris: [`${server.url}/login`],
    });
  });
  afterAll(() => stopAppAndBrowser({ server, browser }, provider));

  it('signs the liaison in through the provider and opens the linked task', async () => {
    const office = await apiAs(server.url, 'ban-admin', PASSWORD);
    await turnOnSso(office, provider);
    const liaison = await apiAs(server.url, 'fgw-lly', PASSWORD);
    const { myTasks } = await liaison(`{ myTasks(first: 1) { nodes { id keyPoint { title } } } }`);
    const task = myTasks.nodes[0];
    provider.signInAs({ sub: 'gov-0001', claims: { preferred_username: 'fgw-lly', name: '发改委联络员' } });

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    // The link an e-mail or robot message carries (PUBLIC_URL + /unit?task=…).
    await page.goto(`${server.url}/unit?task=${task.id}`);
    await page.waitForURL((url) => url.pathname === '/login');
    await page.getByLabel('机构代码').fill('demo');
    const ssoButton = page.getByRole('button', { name: '统一身份认证登录' });
    await ssoButton.waitFor();
    await screenshot(page, 'sso', 'login-with-sso');
    await ssoButton.click();
    await page.waitForURL((url) => url.pathname === '/unit' && url.searchParams.get('task') === task.id, {
      timeout: 30_000,
    });
    // The task itself opens, in its drawer.
    const drawer = page.getByRole('dialog').filter({ hasText: '任务详情' });
    await drawer.getByText(task.keyPoint.title).first().waitFor();
    await screenshot(page, 'sso', 'task-after-sso');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: /退\s*出/ }).click();
    const logout = page.getByRole('link', { name: '同时退出统一身份认证平台' });
    await logout.waitFor();
    await logout.click();
    await page.waitForURL((url) => url.href.startsWith(`${provider.issuer}/session/end`));
    await context.close();
  });
});
