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

  it('opens the demo office on a year in progress: marked 演示, with overdue tasks to chase', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill('ban-admin');
    await page.getByLabel('密码').fill('Duban@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/office');
    await expect(page.getByTestId('demo-mark').innerText()).resolves.toBe('演示');
    const overdue = page
      .locator('.ant-card', { hasText: '逾期任务' })
      .first()
      .locator('.ant-table-tbody tr.ant-table-row');
    await overdue.first().waitFor();
    expect(await overdue.count()).toBeGreaterThan(0);
    await screenshot(page, 'smoke', 'demo-office-home');
    await page.close();
  });
});
