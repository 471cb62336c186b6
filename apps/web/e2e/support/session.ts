import type { Browser, BrowserContext, Page } from 'playwright-core';
import { moveTo } from './page-tools.js';

export const DEMO_PASSWORD = 'Duban@2026';

type Cookies = Awaited<ReturnType<BrowserContext['cookies']>>;

/**
 * The session cookies of each user this test file signed in through the form, by app and tenant. A
 * user's later contexts start from them instead of typing the form again: a sign-in costs the login
 * page's render and the server's production-strength password hash, dozens of times in a journey.
 * Only cookies are carried over (a fresh localStorage, as after a real sign-in), and a session the
 * test has ended meanwhile (signed out, idle, account changed) falls back to the form.
 */
const sessions = new Map<string, Cookies>();

/**
 * The page each user (at a viewport) was left on by a step that asked for reuse, kept open for the
 * user's next such step in this test file: a new context costs Chromium a renderer, an empty HTTP cache
 * and so the whole bundle fetched, compiled and run again (~2 s of CPU per step in year.e2e's trace).
 */
const openPages = new Map<string, Page>();

/** How a kept page reaches a user's next step (signIn's `reuse`). */
export type PageReuse = 'load' | 'move';

/** Where the home route sent each user, for a kept page moved back home. */
const homes = new Map<string, string>();

/**
 * Signs a demo user in, in a context of its own (closed by the caller): through the real form the
 * first time in a test file, then by reusing that session. Resolves on the user's home page, as the
 * form leaves them, or on `path` when given: a reused session loads that page directly (one full load
 * instead of the home page's and then the wanted one's), the form's sign-in moves there inside the app.
 *
 * With `reuse`, the caller leaves the page open and the user's next `reuse` step (same viewport) gets
 * the same page back, as one person keeps one browser tab through the day: `'load'` loads the step's
 * page in it afresh (the app's state, Apollo's cache included, starts over, as after a reload; the
 * context's HTTP cache serves the bundle), `'move'` moves it there inside the app (`moveTo`), for a
 * step that needs nothing another user changed since the page last read it.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: {
    viewport?: { width: number; height: number };
    tenant?: string;
    password?: string;
    path?: string;
    reuse?: PageReuse;
  } = {},
): Promise<Page> {
  const tenant = opts.tenant ?? 'demo';
  const key = `${baseUrl} ${tenant} ${username}`;
  const viewport = opts.viewport ?? { width: 1366, height: 768 };
  const pageKey = `${key} ${viewport.width}x${viewport.height}`;
  const newPage = async () => {
    const context = await browser.newContext({ viewport, acceptDownloads: true });
    return context.newPage();
  };
  /** Loads `path` (or the home route) in `page`; false when the session has ended (the login page). */
  const load = async (page: Page) => {
    await page.goto(baseUrl + (opts.path ?? '/'));
    // The home route sends a signed-in user to their role's home, anyone else to the login page. Any
    // other page does the same once the session is known: the app's frame (its content area) only for
    // a signed-in user.
    if (!opts.path) {
      await page.waitForURL((url) => url.pathname !== '/');
      if (!new URL(page.url()).pathname.startsWith('/login')) homes.set(key, new URL(page.url()).pathname);
    } else
      await page.waitForFunction(
        () => location.pathname.startsWith('/login') || !!document.querySelector('.ant-layout-content'),
      );
    return !new URL(page.url()).pathname.startsWith('/login');
  };
  const kept = opts.reuse ? openPages.get(pageKey) : undefined;
  if (kept && !kept.isClosed() && kept.context().browser() === browser) {
    if (opts.reuse === 'move' && !new URL(kept.url()).pathname.startsWith('/login')) {
      await moveTo(kept, opts.path ?? homes.get(key) ?? '/');
      if (!new URL(kept.url()).pathname.startsWith('/login')) return kept;
    } else if (await load(kept)) return kept;
    sessions.delete(key);
    openPages.delete(pageKey);
    await kept.context().close();
  }
  const keep = (page: Page) => {
    if (opts.reuse) openPages.set(pageKey, page);
    return page;
  };
  const saved = sessions.get(key);
  if (saved) {
    const page = await newPage();
    await page.context().addCookies(saved);
    if (await load(page)) return keep(page);
    sessions.delete(key);
    await page.context().close();
  }
  const page = await newPage();
  await page.goto(baseUrl + '/login');
  await page.getByLabel('机构代码').fill(tenant);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(opts.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  // A user who must change the password or confirm a second factor first is not reused.
  if (!/^\/(change-password|two-factor)/.test(new URL(page.url()).pathname)) {
    homes.set(key, new URL(page.url()).pathname);
    sessions.set(key, await page.context().cookies(baseUrl));
    if (opts.path) await moveTo(page, opts.path);
    keep(page);
  }
  return page;
}
