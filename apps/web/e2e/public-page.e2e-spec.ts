import type { Browser, Page } from 'playwright-core';
import { apiAs } from './support/api-client.js';
import type { AppServer } from './support/app-server.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import { expectAccessible } from './support/axe.js';
import { screenshot, signInPage } from './support/browser.js';

const PHONE = { width: 375, height: 740 };
const DESKTOP = { width: 1366, height: 768 };

/** The count the page prints ("显示 N 项"), as the server rendered it or the filter script updated it. */
const shown = async (page: Page) => Number(await page.locator('#shown').innerText());

describe('a citizen reads the demo plan’s public page (政务公开), with and without JavaScript', () => {
  let server: AppServer;
  let browser: Browser;
  let path: string;
  beforeAll(async () => {
    // Every request asks the database, so switching the page off shows at once.
    ({ server, browser } = await startAppAndBrowser({ PUBLIC_PAGE_FRESH_SECONDS: '0' }));
    const office = await apiAs(server.url, 'ban-admin', 'Duban@2026');
    const { publicPagePlans } = await office<{ publicPagePlans: { path: string; publicPage: boolean }[] }>(
      `{ publicPagePlans { path publicPage } }`,
    );
    path = publicPagePlans.find((p) => p.publicPage)!.path;
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));

  it('on a desktop with JavaScript: filters as one types, opens a key point, no axe violations', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'public page (desktop)');
    const all = await shown(page);
    expect(all).toBeGreaterThan(5);
    await page.getByLabel('状态').selectOption({ label: '已完成' });
    const done = await shown(page);
    expect(done).toBeLessThan(all);
    expect(page.url()).toBe(server.url + path); // filtered in place, no reload
    expect(await page.locator('tbody tr[data-state]:visible').count()).toBe(done);
    await page.getByLabel('状态').selectOption({ label: '全部状态' });
    await page.getByLabel('关键词').fill('政策解读');
    const byText = await shown(page);
    expect(byText).toBeGreaterThan(0);
    expect(byText).toBeLessThan(all);
    await screenshot(page, 'public-page', 'desktop-filtered');
    await page.locator('tbody tr[data-state]:visible th a').first().click();
    await page.getByRole('link', { name: '返回全部工作要点' }).waitFor();
    await expect(page.getByRole('table').locator('caption').innerText()).resolves.toContain('各单位落实情况');
    await expectAccessible(page, 'key point page (desktop)');
    await context.close();
  });

  it('on a 375-px phone with JavaScript: one column of cards, nothing wider than the screen, no axe violations', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'public page (phone)');
    await screenshot(page, 'public-page', 'phone');
    await context.close();
  });

  it('on a phone without JavaScript: the form filters by reloading, the key point page opens', async () => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url + path);
    const all = await shown(page);
    await page.getByLabel('状态').selectOption({ label: '已逾期' });
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL((url) => url.searchParams.get('state') === 'OVERDUE');
    const overdue = await shown(page);
    expect(overdue).toBeLessThan(all);
    expect(await page.locator('tbody tr[data-state="OVERDUE"]:visible').count()).toBe(overdue);
    expect(await page.locator('tbody tr[data-state="DONE"]:not([hidden])').count()).toBe(0);
    await screenshot(page, 'public-page', 'phone-no-js-overdue');
    await page.goto(server.url + path + '/items/1');
    await page.getByRole('link', { name: '返回全部工作要点' }).waitFor();
    await context.close();
  });

  it('lets the office switch the page off and on and preview it in 系统设置', async () => {
    const page = await signInPage(browser, server.url, 'ban-admin', 'Duban@2026');
    await page.goto(server.url + '/settings?tab=public');
    const row = page.locator('tr', { hasText: path });
    await row.waitFor();
    await row.getByRole('button', { name: /预\s*览/ }).click();
    const frame = page.frameLocator('iframe[title="公开页面预览"]');
    await frame.getByText('预览：公众现在看到的就是此页面。').waitFor();
    await screenshot(page, 'public-page', 'office-preview');
    await page.keyboard.press('Escape');
    const toggle = row.getByRole('switch');
    await toggle.click();
    await page.getByText('已停止公开').waitFor();
    expect((await fetch(server.url + path)).status).toBe(404);
    await page.locator('tr', { hasText: '未公开' }).first().getByRole('switch').click();
    await page.getByText('已向公众公开').waitFor();
    expect((await fetch(server.url + path)).status).toBe(200);
    await page.context().close();
  });
});
