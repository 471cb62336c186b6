import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  CHROMIUM_PACKAGE,
  CJK_FONT_PACKAGE,
  chromiumPath,
  installCommand,
} from '../../../../tools/lib/browser-setup.mjs';
import { watchContext, writeFailureReport } from './failure-report.js';
import { signIn } from './session.js';

/** Browsers this test file launched and has not closed; its last hook closes them (see app-server.ts). */
const open = new Set<Browser>();

/**
 * Full page loads (documents fetched by a page's main frame) this test file made, printed at its end
 * when E2E_COUNT_LOADS=1: each costs Chromium the app's shell and bundle again, unlike a move inside the app.
 */
let pageLoads = 0;

export async function closeAllBrowsers(): Promise<void> {
  if (process.env.E2E_COUNT_LOADS === '1' && pageLoads)
    process.stderr.write(`\nfull page loads: ${pageLoads} (${expect.getState().testPath})\n`);
  await Promise.all([...open].map((browser) => browser.close().catch(() => undefined)));
}

if (typeof afterAll === 'function') afterAll(closeAllBrowsers);

// Called by browser-environment.mjs when a test or hook fails, before anything closes the pages.
(globalThis as { __writeBrowserFailureReport?: unknown }).__writeBrowserFailureReport = (
  testPath: string,
  testName: string,
) => writeFailureReport(open, testPath, testName);

/**
 * Debian's Chromium, headless, with the flags this sandbox needs (no network beyond localhost). With
 * `motion: 'reduced'` its pages ask for less motion (`prefers-reduced-motion: reduce`, which the app
 * honours: no antd zoom or slide, CSS animations cut, charts drawn at once), as browser test files do
 * (startAppAndBrowser); by default they draw the motion most users see (the web benchmark).
 */
export async function launchBrowser({
  executablePath = chromiumPath(),
  motion = 'full',
}: { executablePath?: string; motion?: 'reduced' | 'full' } = {}): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: ${installCommand([CHROMIUM_PACKAGE, CJK_FONT_PACKAGE])} (npm test does this when run as root)`,
    );
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      // Scrolling an element into view before a click jumps instead of animating over frames.
      '--disable-smooth-scrolling',
      // Not added, measured on smoke and year (CPU user+sys incl. children, load 3-8): --in-process-gpu
      // cost more (year 32.5 s vs 23.8-26.5 s), and --disable-extensions, --disable-breakpad, --mute-audio,
      // --disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider were within noise
      // (year 23.3-23.9 s, smoke 8.5 s vs 7.6-8.4 s). --js-flags=--max-opt=2 (no TurboFan for short-lived
      // pages) was within noise too: messages 16.7 and 20.5 s vs 19.8 and 18.6 s (load 12-17).
      // Issue 16 (e2ecpu), launches alternated on one app, the same sign-ins and moves, the browser's
      // whole process tree (load 14-27): --disable-software-rasterizer 32.1 and 30.2 s and
      // --force-prefers-reduced-motion 28.5 and 31.8 s vs 31.8 and 30.4 s, within noise (antd stops
      // only a few transitions for reduced motion); --disable-threaded-compositing left pages unsettled.
      // Headless Chromium opens a browser window for each context and, with it, the omnibox's popup as a
      // WebUI page in a renderer of its own (chrome://omnibox-popup.top-chrome): ~1 s of CPU per context,
      // as much as the app's own renderer spends on a step (issue 16, e2ecpu2: a trace of one context).
      // year.e2e (55 contexts): 129.6 s of CPU with it, 95.7 and 88.3 s without (load 12-25). Chromium
      // merges this list with Playwright's own --disable-features.
      '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
  // Every context records its toasts, GraphQL and console for the failure report.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(motion === 'reduced' ? { reducedMotion: 'reduce', ...options } : options);
    await watchContext(context);
    context.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame().parentFrame() === null) pageLoads++;
    });
    return context;
  };
  open.add(browser);
  browser.on('disconnected', () => open.delete(browser));
  return browser;
}

/**
 * Screenshots of the pages a journey passes through, kept under test-artifacts/ (git-ignored), when
 * E2E_SCREENSHOTS=1. No test reads them, and a failing test saves its pages anyway (failure-report.ts):
 * by default they are skipped, as each costs Chromium a layout and a PNG of the whole page.
 */
export async function screenshot(page: Page, journey: string, name: string) {
  if (process.env.E2E_SCREENSHOTS !== '1') return;
  const dir = path.resolve('test-artifacts', 'screenshots', journey);
  await fs.mkdir(dir, { recursive: true });
  // A full-page capture makes Chromium lay the page out at its whole height for a moment, which can
  // flip the width media queries (the phone layout) and re-create what depends on them, closing an open
  // dialog under the test. With a dialog or drawer open, the viewport is the picture anyway.
  const dialogOpen = await page.locator('.ant-modal-wrap:visible, .ant-drawer-open, .ant-popover:visible').count();
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: dialogOpen === 0 });
}

/** A new browser context signed in as `username` of the demo tenant (see signIn: the form once per file). */
export async function signInPage(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport = { width: 1366, height: 768 },
): Promise<Page> {
  return signIn(browser, baseUrl, username, { password, viewport });
}
