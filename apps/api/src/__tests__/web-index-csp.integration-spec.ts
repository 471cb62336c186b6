import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The web app's index.html carries its first-load script inline; the policy must allow exactly that
 * script by its hash, and nothing else inline (an injected script, say).
 */
describe("the web app's inline script and the content-security policy", () => {
  // Like the first-load script: runs at once, before the app's module script.
  const inline = `window.allowed = 'yes';
    var other = document.createElement('script');
    other.textContent = "window.injected = 'yes';";
    document.head.appendChild(other);`;
  const html = `<!doctype html><html><head><title>督办</title>
    <script>${inline}</script>
    <script type="module" src="/assets/app-1a2b3c.js"></script>
  </head><body></body></html>`;
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const scriptSrc = (policy: string) =>
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .find(([name]) => name === 'script-src')!
      .slice(1);

  let t: TestApp;
  let dist: string;
  let browser: Browser | undefined;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'duban-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), html);
    writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js'), "window.moduleRan = 'yes';\n");
    t = await createTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('allows our own origin and the index’s inline script by its hash, never any inline script', async () => {
    const page = await t.http.get('/unit').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toBe(html);
    expect(scriptSrc(page.headers['content-security-policy'])).toEqual(["'self'", sha256(inline)]);
    // One character more and it is another script, which the policy does not name.
    expect(scriptSrc(page.headers['content-security-policy'])).not.toContain(sha256(`${inline} `));
    // The API's other answers carry the same policy.
    const health = await t.http.get('/healthz');
    expect(scriptSrc(health.headers['content-security-policy'])).toEqual(["'self'", sha256(inline)]);
  });

  it('sends the page compressed when the browser accepts it, and 304 when the browser’s copy is current', async () => {
    // superagent decodes what it receives: the bytes as sent are the Content-Length.
    const br = await t.http.get('/unit').set('Accept', 'text/html').set('Accept-Encoding', 'br').buffer(true);
    expect([br.headers['content-encoding'], br.headers['cache-control']]).toEqual(['br', 'no-cache']);
    expect(br.text).toBe(html);
    expect(Number(br.headers['content-length'])).toBeLessThan(Buffer.byteLength(html));
    const again = await t.http.get('/unit').set('Accept', 'text/html').set('If-None-Match', br.headers.etag);
    expect(again.status).toBe(304);
  });

  it('runs the index’s inline script in Chromium and refuses one the page did not carry', async () => {
    await new Promise<void>((resolve) => t.app.getHttpServer().listen(0, '127.0.0.1', resolve));
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${port}/unit`);
    // The API's tsconfig has no DOM types: the page's window is its globalThis.
    await page.waitForFunction(() => (globalThis as { moduleRan?: string }).moduleRan === 'yes');
    const ran = await page.evaluate(() => {
      const w = globalThis as { allowed?: string; injected?: string };
      return { allowed: w.allowed ?? null, injected: w.injected ?? null };
    });
    expect(ran).toEqual({ allowed: 'yes', injected: null });
    expect(violations).toEqual([expect.stringMatching(/inline script/i)]);
  });
});
