import type { Browser } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { confirm } from './support/page-tools.js';
import { signIn } from './support/session.js';

describe('smoke: the app started on embedded PostgreSQL', () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

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

  it('三员分立: the demo security admin sees only its duty, disables the unused accounts in one step; the system admin has no 安全管理', async () => {
    const page = await signIn(browser, server.url, 'aq-admin');
    await page.waitForURL((url) => url.pathname === '/security');
    const menu = page.getByRole('menu');
    await menu.getByText('账号管理').waitFor();
    expect(await menu.getByText('工作台').count()).toBe(0);
    expect(await menu.getByText('系统设置').count()).toBe(0);
    await page.getByRole('tab', { name: '闲置账号' }).click();
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect((await rows.allInnerTexts()).join('\n')).toMatch(/dag-lly[\s\S]*xfj-lly|xfj-lly[\s\S]*dag-lly/);
    await page.getByRole('button', { name: /停用全部闲置账号（2 个）/ }).click();
    await page.getByText('停用 2 个闲置账号？').waitFor();
    await screenshot(page, 'smoke', 'security-unused-accounts');
    await confirm(page, '全部停用');
    await page.getByText('已停用 2 个闲置账号').waitFor();
    await page.getByText('没有超过 90 天未登录的账号。').waitFor();
    // 账号管理 explains the rule; the office's own pages are refused.
    await menu.getByText('账号管理').click();
    await page.getByText(/安全审计员不能兼任其他角色/).waitFor();
    await page.goto(server.url + '/plans');
    await page.getByText('您的账号无权查看此页面。').waitFor();
    await page.context().close();

    const office = await signIn(browser, server.url, 'ban-admin');
    await office.waitForURL((url) => url.pathname === '/office');
    await office.getByRole('menu').getByText('工作台').waitFor();
    expect(await office.getByRole('menu').getByText('安全管理').count()).toBe(0);
    await office.goto(server.url + '/security');
    await office.getByText('您的账号无权查看此页面。').waitFor();
    await office.context().close();
  });
});
