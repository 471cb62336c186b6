import type { Browser, Page } from 'playwright-core';

export const DEMO_PASSWORD = 'Duban@2026';

/** Signs a demo user in through the real form, in a context of its own (closed by the caller). */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  opts: { viewport?: { width: number; height: number }; tenant?: string } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1366, height: 768 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto(baseUrl + '/login');
  await page.getByLabel('机构代码').fill(opts.tenant ?? 'demo');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  return page;
}
