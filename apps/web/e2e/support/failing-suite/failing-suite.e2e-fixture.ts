import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from '../app-server.js';
import { launchBrowser } from '../browser.js';

/**
 * Not part of the test run: no-leftovers.e2e-spec.ts runs this file in a child jest and then looks for
 * processes it left behind. Both suites fail on purpose, in the two ways that used to leave an app
 * server, its PostgreSQL and a browser running.
 */
describe('the browser does not launch while the app is starting', () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    // The opening browser suites had before startAppAndBrowser (which stops the other itself), kept to
    // prove the file-level net: when the launch fails, Promise.all rejects at once and the app server,
    // still starting, is never assigned to `server`.
    [server, browser] = await Promise.all([
      startAppServer(),
      launchBrowser({ executablePath: '/nonexistent/chromium' }),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fails in beforeAll', () => {
    expect(server).toBeDefined();
  });
});

describe('a test fails with the app and the browser up', () => {
  let server: AppServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startAppServer(), launchBrowser()]);
  });
  // No afterAll: a suite that forgets its teardown must not leave anything behind either.

  it('fails on an assertion', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    expect(await page.title()).toBe('not the title of the sign-in page');
  });
});
