import type { Browser, BrowserContext, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Duban@2026';
export type Viewport = { width: number; height: number };

/** Signs a demo user in through the login form, in a context of its own (closed with the browser). */
export async function signIn(browser: Browser, url: string, username: string, viewport: Viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(url + '/login');
  await page.getByLabel('机构代码').fill('demo');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  return page;
}

/**
 * A GraphQL call as the signed-in user (the session cookie and the CSRF double-submit header), for the
 * set-up a test needs but does not test. Throws on errors.
 */
export async function gql<T = any>(page: Page, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await page.evaluate(
    async ([q, v]) => {
      const csrf = document.cookie.split(';').map((c) => c.trim().split('=')).find(([name]) => name === 'duban_csrf')?.[1] ?? '';
      const res = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-csrf-token': decodeURIComponent(csrf) },
        body: JSON.stringify({ query: q, variables: v }),
      });
      return res.json();
    },
    [query, variables] as const,
  );
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}

/** Waits until the page has stopped loading: no request in flight, no spinner, no skeleton. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, .ant-table-placeholder .ant-spin'), null, { timeout: 15_000 });
  // Drawers and tabs animate in; axe must see the final colours.
  await page.waitForTimeout(400);
}
