import type { Browser, Page } from 'playwright-core';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { screenshot } from './support/browser.js';
import { signIn } from './support/session.js';

const JOURNEY = 'watermark';
/** The demo tenant's 安全管理员. */
const SECURITY_ADMIN = 'aq-admin';

/**
 * 等保 in Chromium: the security admin opens 安全管理 › 等保测评视图, sees the watermark control red,
 * switches the watermark on in 安全策略, and every page then carries the name, username and date —
 * and the assessor's view turns that control green.
 */
describe('the security admin reads the assessor’s view and switches the watermark on', () => {
  let server: AppServer;
  let browser: Browser;
  let page: Page | undefined;

  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  it('shows the watermark red, turns it on, and the pages show it', async () => {
    page = await signIn(browser, server.url, SECURITY_ADMIN);

    await page.goto(server.url + '/security?tab=assessment');
    const row = page.getByTestId('control-watermark');
    await row.getByText('水印未开启，截屏或打印件无法追溯到人').waitFor();
    expect(await row.getAttribute('data-status')).toBe('NOT_MET');
    await page.getByTestId('control-audit-chain').getByText('校验通过', { exact: false }).waitFor();
    expect(await page.getByTestId('page-watermark').count()).toBe(0);
    await screenshot(page, JOURNEY, 'assessment-before');

    await page.getByRole('tab', { name: '安全策略' }).click();
    await page.getByRole('switch', { name: '页面和导出文件水印' }).click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    const mark = page.getByTestId('page-watermark');
    await mark.waitFor({ state: 'attached' });
    expect(await mark.getAttribute('data-text')).toMatch(/^周安全管理员（aq-admin） \d{4}-\d{2}-\d{2}$/);
    // Clicks go through it: the tab under it still opens.
    await page.getByRole('tab', { name: '等保测评视图' }).click();
    await page.getByTestId('control-watermark').getByText('符合', { exact: true }).waitFor();
    expect(await page.getByTestId('control-watermark').getAttribute('data-status')).toBe('MET');

    // Removed by hand in the page, it comes back.
    await page.evaluate(() => document.querySelector('[data-testid="page-watermark"]')?.remove());
    await mark.waitFor({ state: 'attached' });
    await screenshot(page, JOURNEY, 'assessment-after');

    // Another page, after a reload, carries it too.
    await page.goto(server.url + '/change-password');
    await mark.waitFor({ state: 'attached' });
    expect(await mark.evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
  });
});
