import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs } from './support/api-client.js';
import { startAppAndBrowser, stopAppAndBrowser } from './support/app-and-browser.js';
import type { AppServer } from './support/app-server.js';
import { DEMO_PASSWORD } from './support/session.js';

const WEB_DIST = 'dist/web';
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true };

/**
 * What shows before the app's code has run (apps/web/build/first-screens.ts): the server sends the sign-in
 * card or the signed-in frame in the page itself, and the app draws over it once its code has arrived.
 * Chromium with scripts off sees exactly what a phone sees while the code is still on its way.
 */
describe('the first screen, drawn before the app’s code has run', () => {
  let server: AppServer;
  let browser: Browser;
  let cookies: Awaited<ReturnType<BrowserContext['cookies']>>;
  beforeAll(async () => {
    ({ server, browser } = await startAppAndBrowser());
    const context = await browser.newContext();
    const signedIn = await context.request.post(`${server.url}/graphql`, {
      headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
      data: {
        query: 'mutation($i: SignInInput!){ signIn(input: $i){ id } }',
        variables: { i: { tenantCode: 'demo', username: 'fgw-lly', password: DEMO_PASSWORD } },
      },
    });
    expect((await signedIn.json()).errors).toBeUndefined();
    cookies = await context.cookies();
    await context.close();
  });
  afterAll(() => stopAppAndBrowser({ server, browser }));
  const open = async (options: Parameters<Browser['newContext']>[0], signedIn: boolean) => {
    const context = await browser.newContext(options);
    if (signedIn) await context.addCookies(cookies);
    return context.newPage();
  };
  /**
   * From the page's first paint on, the elements that shift (only those inside `within`, when given), for
   * `shifted` to read.
   */
  const recordShifts = (page: Page, within: string | null) =>
    page.addInitScript((scope) => {
      const w = window as unknown as { shifted: string[] };
      w.shifted = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          for (const source of (entry as unknown as { sources: { node?: Node }[] }).sources) {
            const node = source.node;
            if (scope && !(node instanceof Element && node.closest(scope))) continue;
            w.shifted.push(node instanceof Element ? node.outerHTML.slice(0, 80) : String(node));
          }
      }).observe({ type: 'layout-shift', buffered: true });
    }, within);
  const shifted = (page: Page) => page.evaluate(() => (window as unknown as { shifted: string[] }).shifted);

  it('is the built page with only #root filled, and no script of its own', () => {
    // The names build/first-screens.ts gives them and the API reads (web-index.ts).
    const index = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    for (const name of ['sign-in', 'frame']) {
      const page = readFileSync(path.join(WEB_DIST, `index.${name}.html`), 'utf8');
      const at = index.indexOf('<div id="root">') + '<div id="root">'.length;
      const root = page.slice(at, page.length - (index.length - at));
      expect(page.slice(0, at) + page.slice(at + root.length)).toBe(index);
      // The sign-in card is inert as a whole; the frame's own parts are, not the task cards the API may add.
      expect(root).toMatch(new RegExp(`^<[a-z]+ data-first-screen="${name}"${name === 'sign-in' ? ' inert' : ''}`));
      if (name === 'frame') expect(root.match(/ inert/g)).toHaveLength(2);
      expect(root).not.toMatch(/<script|\son\w+=/i);
    }
  });

  it('shows the sign-in card at once, then the working form in its place', async () => {
    const still = await open({ ...PHONE, javaScriptEnabled: false }, false);
    await still.goto(server.url + '/login');
    const card = still.locator('[data-first-screen=sign-in]');
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(card.locator('h1').textContent()).resolves.toBe('政务公开工作要点督办系统');
    // Nothing in it can be typed into or pressed: the app's own form would drop it.
    await expect(card.evaluate((el) => (el as HTMLElement).inert)).resolves.toBe(true);

    const page = await open(PHONE, false);
    await page.goto(server.url + '/login');
    await page.getByLabel('机构代码').fill('demo');
    await page.getByLabel('用户名').fill('fgw-lly');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await expect(page.locator('[data-first-screen]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL((url) => url.pathname === '/unit');
  });

  it('shows a signed-in phone the frame with its menu button, then the liaison’s tasks in it', async () => {
    const still = await open({ ...PHONE, javaScriptEnabled: false }, true);
    await still.goto(server.url + '/unit/approvals');
    const frame = still.locator('[data-first-screen=frame]');
    await expect(frame.isVisible()).resolves.toBe(true);
    await expect(frame.locator('svg').isVisible()).resolves.toBe(true);
    // Nobody's data: the frame is the same for every visitor (only the liaison's home carries cards).
    await expect(frame.textContent()).resolves.not.toMatch(/省发展改革委|辽宁/);
    await expect(frame.locator('[data-first-screen-list]').count()).resolves.toBe(0);

    // antd's stylesheet comes after the frame in the page, so the frame does not wait for it; the app
    // must. Held back here so the app's code would be there first if it did not wait.
    const page = await open(PHONE, true);
    await page.route('**/assets/*.css', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        const root = document.getElementById('root');
        if (!root?.firstElementChild || root.querySelector('[data-first-screen]')) return;
        const sheet = document.querySelector<HTMLLinkElement>('link[rel=stylesheet]')?.sheet;
        (window as { styledAtFirstRender?: boolean }).styledAtFirstRender = !!sheet;
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url + '/unit');
    await page.locator('[data-testid=task-cards] button').first().waitFor();
    await expect(page.locator('[data-first-screen]').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as { styledAtFirstRender?: boolean }).styledAtFirstRender)).resolves.toBe(
      true,
    );
  });

  it('gives a signed-in liaison their first task cards as working links before any script has run', async () => {
    const still = await open({ ...PHONE, javaScriptEnabled: false }, true);
    await still.goto(server.url + '/unit');
    const cards = still.locator('[data-first-screen-list] a.fs-card');
    await expect(cards.count()).resolves.toBe(6);
    const first = cards.first();
    await expect(first.isVisible()).resolves.toBe(true);
    // Its light in words, not only colour; nothing wider than the phone.
    await expect(first.textContent()).resolves.toMatch(/红灯|黄灯|绿灯/);
    const width = await still.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/^\/unit\?task=[0-9a-f-]{36}$/);
    // A tap is an ordinary navigation: the task's own address, which the app opens in its drawer.
    await first.click();
    await still.waitForURL((url) => url.pathname + url.search === href);

    // With scripts: the cards stay until the app's list is drawn, which then is the page, and a card
    // (the app's) opens the task there.
    const page = await open(PHONE, true);
    // The takeover moves nothing: no shift of the first screen's elements. (The app's own page, below
    // them, is the next test's.)
    await recordShifts(page, '[data-first-screen]');
    await page.addInitScript(() => {
      const w = window as unknown as { blank: boolean };
      w.blank = false;
      // Never a frame with neither the server's cards nor the app's: checked on every frame until the app's.
      let seen = false;
      const check = () => {
        const server = !!document.querySelector('[data-first-screen-list] a');
        const app = !!document.querySelector('[data-testid=task-cards] button');
        if (server) seen = true;
        if (seen && !server && !app) w.blank = true;
        if (!app) requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
    await page.goto(server.url + '/unit');
    await page.locator('[data-testid=task-cards] button').first().waitFor();
    await expect(page.locator('[data-first-screen]').count()).resolves.toBe(0);
    await expect(shifted(page)).resolves.toEqual([]);
    await expect(page.evaluate(() => (window as unknown as { blank: boolean }).blank)).resolves.toBe(false);
  });

  it('keeps the liaison’s page still when an urge answers after the task list', async () => {
    const liaison = await apiAs(server.url, 'fgw-lly', DEMO_PASSWORD);
    const { myTasks } = await liaison('{ myTasks(first: 1) { nodes { id } } }');
    const office = await apiAs(server.url, 'ban-admin', DEMO_PASSWORD);
    await office('mutation($taskId: ID!) { urgeTask(taskId: $taskId, message: "请于本周内报送进展") { id } }', {
      taskId: myTasks.nodes[0].id,
    });
    const page = await open(PHONE, true);
    // The urges' answer (the first-load script's or the app's) a while after everything else.
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('"operationName":"Urges"'))
        await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await recordShifts(page, null);
    await page.goto(server.url + '/unit');
    await page.getByText('催办：').first().waitFor();
    await page.locator('[data-testid=task-cards] button').first().waitFor();
    // The urge is drawn with the list, above it, rather than pushing it down once it was there.
    await expect(shifted(page)).resolves.toEqual([]);
  });

  it('shows someone signed out neither the frame nor a card on a signed-in page', async () => {
    const still = await open({ ...PHONE, javaScriptEnabled: false }, false);
    await still.goto(server.url + '/unit');
    await expect(still.locator('#root').innerHTML()).resolves.toBe('');
  });
});
