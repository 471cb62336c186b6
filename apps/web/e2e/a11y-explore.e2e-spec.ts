import type { Browser, Page } from 'playwright-core';
import { startAppServer, type AppServer } from './support/app-server.js';
import { launchBrowser } from './support/browser.js';
import { axeViolations } from './support/axe.js';

describe('explore a11y', () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  async function signIn(username: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('Duban@2026');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return page;
  }
  it('prints', async () => {
    const out: string[] = [];
    const visit = async (page: Page, path: string) => {
      await page.goto(server.url + path);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(800);
      const v = await axeViolations(page);
      out.push(`${path}: ${v.map((x) => `${x.id}(${x.nodes}) ${x.targets.slice(0, 3).join(' | ')}`).join('\n   ')}`);
    };
    const office = await signIn('ban-admin');
    for (const p of ['/office', '/plans', '/ledger', '/reviews', '/scorecard', '/documents', '/calendar', '/directory/units', '/directory/users', '/settings', '/notifications']) await visit(office, p);
    const liaison = await signIn('fgw-lly');
    for (const p of ['/unit', '/unit/coordination']) await visit(liaison, p);
    const leader = await signIn('fgw-ld');
    for (const p of ['/unit/approvals']) await visit(leader, p);
    const lead = await signIn('lingdao');
    for (const p of ['/leadership', '/scorecard']) await visit(lead, p);
    console.log(out.join('\n'));
  });
});
