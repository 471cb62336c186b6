import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { createTenantWithCli } from './support/cli-tenant.js';
import { launchBrowser, screenshot } from './support/browser.js';

const JOURNEY = 'audit';
const PASSWORD = 'Shenji2026ok';

/**
 * 安全审计 in the browser: a wrong password, then the right one; the auditor (today the office admin)
 * opens 安全审计, sees the chain intact, filters the log to failed sign-ins and to sign-ins by time.
 */
describe('the auditor filters the audit log', () => {
  let server: AppServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    const createTenant = (dataDir: string) =>
      createTenantWithCli(dataDir, { code: 'shenji', name: '某市人民政府办公室', admin: 'admin', password: PASSWORD });
    [server, browser] = await Promise.all([
      startAppServer({ SEED_DEMO: 'false' }, { before: createTenant }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function attempt(page: Page, password: string) {
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('shenji');
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  it('shows the chain intact and narrows the log to failed sign-ins, then to a time with none', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    await attempt(page, 'not-the-password');
    await page.getByText('机构代码、用户名或密码错误', { exact: false }).waitFor();
    await attempt(page, PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await page.getByRole('menuitem', { name: /安全审计/ }).click();
    await page.waitForURL((url) => url.pathname === '/audit');
    await page.getByText('审计记录完整', { exact: false }).waitFor();
    const table = page.locator('.ant-table-tbody');
    // tenant create, admin create (CLI), the failed and the successful sign-in
    await page.getByText('审计记录（共 4 条）').waitFor();

    await page.getByLabel('结果').click();
    await page.getByTitle('失败').click();
    await page.getByText('审计记录（共 1 条）').waitFor();
    await table.getByText('登录').waitFor();
    await table.getByText('失败', { exact: true }).waitFor();
    await table.getByText('失败原因：密码错误（用户名 admin）').waitFor();
    await screenshot(page, JOURNEY, 'failed-sign-ins');

    await page.getByLabel('操作', { exact: true }).fill('sign_out');
    await page.getByText('审计记录（共 0 条）').waitFor();
    await page.getByText('没有符合条件的审计记录').waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^安全审计记录（\d{4}-\d{2}-\d{2}）\.xlsx$/);
  });
});
