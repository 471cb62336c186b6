import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { DEMO_PASSWORD } from './support/session.js';

const JOURNEY = 'audit';
/** The demo tenant's 安全审计员 (三员分立: the only role that reads the audit log). */
const AUDITOR = 'sj-admin';

/**
 * 安全审计 in the browser: a wrong password, then the right one; the auditor opens 安全审计, sees the
 * chain intact, filters the log to failed sign-ins, then to failed sign-outs (there are none), and exports.
 */
describe('the auditor filters the audit log', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  async function attempt(page: Page, password: string) {
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill(AUDITOR);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('shows the chain intact and narrows the log to failed sign-ins, then to failed sign-outs (none)', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    await attempt(page, 'not-the-password');
    await page.getByText('机构代码、用户名或密码错误', { exact: false }).waitFor();
    await attempt(page, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.getByRole('menuitem', { name: /安全审计/ }).click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await page.getByText('审计记录完整', { exact: false }).waitFor();
    const table = page.locator('.ant-table-tbody');

    await page.getByLabel('结果').click();
    await page.getByTitle('失败').click();
    await table.getByText(`失败原因：密码错误（用户名 ${AUDITOR}）`).waitFor();
    await table.getByText('登录').first().waitFor();
    await screenshot(page, JOURNEY, 'failed-sign-ins');

    await page.getByLabel('操作', { exact: true }).fill('sign_out');
    await page.getByText('审计记录（共 0 条）').waitFor();
    await page.getByText('没有符合条件的审计记录').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^安全审计记录（\d{4}-\d{2}-\d{2}）\.xlsx$/);
  });

  it('keeps the system admin out of the audit log: no menu entry, and the page refuses', async () => {
    const admin = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    try {
      const page = await admin.newPage();
      await page.goto(server.url + '/login');
      await page.getByLabel('机构代码').fill('demo');
      await page.getByLabel('用户名').fill('ban-admin');
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      await page.getByRole('menuitem', { name: /工作台/ }).waitFor();
      expect(await page.getByRole('menuitem', { name: /安全审计/ }).count()).toBe(0);
      await page.goto(server.url + '/audit');
      await page.getByText('您的账号无权查看此页面').waitFor();
    } finally {
      await admin.close();
    }
  });
});
