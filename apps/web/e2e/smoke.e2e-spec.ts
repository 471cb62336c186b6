import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser, screenshot } from './support/browser.js';

describe('smoke: the app started on embedded PostgreSQL', () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the Chinese sign-in form at /', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content.Security.Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(server.url + '/');
    await page.getByRole('button', { name: /登\s*录/ }).waitFor();
    await expect(page.getByLabel('机构代码').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('用户名').isVisible()).resolves.toBe(true);
    await expect(page.getByLabel('密码').isVisible()).resolves.toBe(true);
    expect(await page.title()).toContain('登录');
    await screenshot(page, 'smoke', 'login');
    // The app runs under the server's content-security policy without being blocked.
    expect(violations).toEqual([]);
  });
});
