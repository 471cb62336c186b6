import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from './app-server.js';
import { launchBrowser } from './browser.js';

export interface AppAndBrowser {
  server: AppServer;
  browser: Browser;
}

/** `E2E_MOTION=full` runs every browser file with the motion most users see, to compare (README "Tests"). */
const MOTION = process.env.E2E_MOTION === 'full' ? 'full' : 'reduced';

/**
 * A browser file's app server and Chromium, started side by side (the app's start is the longer). Its
 * pages ask for reduced motion unless `browserOptions` says `motion: 'full'` (the files that check what
 * most users see: styles, accessibility): a click then meets a dialog already in place, and Chromium
 * draws fewer frames (README "Tests"). When
 * one fails, the other is stopped here before the error is thrown: the file's variables never receive it,
 * so its own afterAll could not.
 */
export async function startAppAndBrowser(
  env?: Parameters<typeof startAppServer>[0],
  opts?: Parameters<typeof startAppServer>[1],
  browserOptions?: Parameters<typeof launchBrowser>[0],
): Promise<AppAndBrowser> {
  const [server, browser] = await Promise.allSettled([
    startAppServer(env, opts),
    launchBrowser({ motion: MOTION, ...browserOptions }),
  ]);
  if (server.status === 'fulfilled' && browser.status === 'fulfilled')
    return { server: server.value, browser: browser.value };
  await Promise.allSettled([
    server.status === 'fulfilled' && server.value.stop(),
    browser.status === 'fulfilled' && browser.value.close(),
  ]);
  throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
}

/**
 * Closes the browser (and with it every context the file opened), stops the app and closes whatever else
 * the file started (`others`: a test OIDC provider, a robot), side by side and each whatever the others did,
 * so one failure leaves nothing running; the first failure is thrown once all are done.
 */
export async function stopAppAndBrowser(
  { server, browser }: Partial<AppAndBrowser>,
  ...others: ({ close(): Promise<unknown> } | undefined)[]
): Promise<void> {
  const results = await Promise.allSettled([
    browser?.close(),
    server?.stop(),
    ...others.map((other) => other?.close()),
  ]);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
