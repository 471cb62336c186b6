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
 * Signs a demo user in, in a context of its own (closed by the caller): through the real form the
 * first time in a test file, then by reusing that session. Resolves on the user's home page, as the
 * form leaves them, or on `path` when given: a reused session loads that page directly (one full load
 * instead of the home page's and then the wanted one's), the form's sign-in moves there inside the app.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: { viewport?: { width: number; height: number }; tenant?: string; password?: string; path?: string } = {},
): Promise<Page> {
  const tenant = opts.tenant ?? 'demo';
  const key = `${baseUrl} ${tenant} ${username}`;
  const newPage = async () => {
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    return context.newPage();
  };
  const saved = sessions.get(key);
  if (saved) {
    const page = await newPage();
    await page.context().addCookies(saved);
    await page.goto(baseUrl + (opts.path ?? '/'));
    // The home route sends a signed-in user to their role's home, anyone else to the login page. Any
    // other page does the same once the session is known: the app's frame (its content area) only for
    // a signed-in user.
    if (!opts.path) await page.waitForURL((url) => url.pathname !== '/');
    else
      await page.waitForFunction(
        () => location.pathname.startsWith('/login') || !!document.querySelector('.ant-layout-content'),
      );
    if (!new URL(page.url()).pathname.startsWith('/login')) return page;
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
    sessions.set(key, await page.context().cookies(baseUrl));
    if (opts.path) await moveTo(page, opts.path);
  }
  return page;
}
