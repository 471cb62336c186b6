import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The web build writes the page three ways (apps/web/build/first-screens.ts): empty, with the sign-in
 * card, and with the signed-in frame. The server picks one by address and by whether a session cookie
 * came; none holds anything of a tenant, and the policy allows each one's inline script.
 */
describe("the web app's first screens", () => {
  const page = (root: string, script = "window.firstLoad = 'yes';") =>
    `<!doctype html><html><head><script>${script}</script></head><body><div id="root">${root}</div></body></html>`;
  const plain = page('');
  const signIn = page('<main data-first-screen="sign-in" inert>登录</main>');
  // A build whose frame carried another inline script would still have it allowed.
  const frameScript = "window.frame = 'yes';";
  const frame = page('<div data-first-screen="frame" inert></div>', frameScript);
  const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

  let t: TestApp;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'duban-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), plain);
    writeFileSync(path.join(dist, 'index.sign-in.html'), signIn);
    writeFileSync(path.join(dist, 'index.frame.html'), frame);
    t = await createTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const open = (address: string, cookie?: string) => {
    const request = t.http.get(address).set('Accept', 'text/html');
    return cookie ? request.set('Cookie', cookie) : request;
  };

  it('draws the sign-in card for someone signed out opening the sign-in page, nothing for someone signed in', async () => {
    expect((await open('/login')).text).toBe(signIn);
    expect((await open('/login?next=%2Funit')).text).toBe(signIn);
    expect((await open('/login', 'duban_session=anything')).text).toBe(plain);
    expect((await open('/login', '__Host-duban_session=anything')).text).toBe(plain);
  });

  it('draws the frame only for a visitor with a session cookie, on pages drawn in the frame', async () => {
    for (const address of ['/', '/unit', '/office', '/tasks/1', '/unit/approvals'])
      expect([address, (await open(address, 'duban_session=anything')).text]).toEqual([address, frame]);
    // Signed out: the app sends the visitor to sign in; a frame first would flash.
    expect((await open('/unit')).text).toBe(plain);
    // The CSRF cookie alone is not a session.
    expect((await open('/unit', 'duban_csrf=anything')).text).toBe(plain);
    for (const address of ['/change-password', '/two-factor'])
      expect([address, (await open(address, 'duban_session=anything')).text]).toEqual([address, plain]);
  });

  it('tells caches the page depends on the cookie, and allows every variant’s inline script', async () => {
    const res = await open('/unit', 'duban_session=anything').set('Accept-Encoding', 'br');
    expect(res.headers.vary).toMatch(/Cookie/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers['content-encoding']).toBe('br');
    const policy: string = res.headers['content-security-policy'];
    expect(policy).toContain(sha256("window.firstLoad = 'yes';"));
    expect(policy).toContain(sha256(frameScript));
    // Each variant has its own validator: the signed-out page's copy is not current for the frame.
    const signedOut = await open('/unit');
    expect(signedOut.headers.etag).not.toBe(res.headers.etag);
    const stale = await open('/unit', 'duban_session=anything').set('If-None-Match', signedOut.headers.etag);
    expect([stale.status, stale.text]).toEqual([200, frame]);
  });
});
