import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../test/test-app.js';

describe("the web app's assets, as the build compressed them", () => {
  let t: TestApp;
  let dist: string;
  const js = Buffer.from(`console.log(${JSON.stringify('督办'.repeat(2000))});\n`);
  beforeAll(async () => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'duban-web-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>督办</title>');
    writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js'), js);
    writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(js));
    writeFileSync(path.join(dist, 'assets', 'app-1a2b3c.js.gz'), gzipSync(js));
    writeFileSync(path.join(dist, 'assets', 'small-9f8e.css'), 'body{margin:0}');
    t = await createTestApp({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  // superagent decodes what it receives: the bytes as sent are the Content-Length.
  const get = (file: string, acceptEncoding: string) =>
    t.http.get(`/assets/${file}`).set('Accept-Encoding', acceptEncoding).buffer(true);
  const sent = (res: { headers: Record<string, string> }) => Number(res.headers['content-length']);

  it('sends brotli or gzip bytes to a browser that accepts them, the plain bytes otherwise, each cached for good', async () => {
    const br = await get('app-1a2b3c.js', 'gzip, deflate, br');
    expect([br.status, br.headers['content-encoding']]).toEqual([200, 'br']);
    expect(sent(br)).toBe(brotliCompressSync(js).length);
    expect(br.text).toBe(js.toString());
    const gz = await get('app-1a2b3c.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(sent(gz)).toBe(gzipSync(js).length);
    expect(gz.text).toBe(js.toString());
    const plain = await get('app-1a2b3c.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(sent(plain)).toBe(js.length);
    expect(plain.text).toBe(js.toString());
    for (const res of [br, gz, plain]) {
      expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript/);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    expect(
      (await t.http.get('/assets/app-1a2b3c.js').set('If-None-Match', br.headers.etag).set('Accept-Encoding', 'br'))
        .status,
    ).toBe(304);
  });

  it('sends a file without compressed copies as it is, and no compressed bytes for anything else', async () => {
    const css = await get('small-9f8e.css', 'br');
    expect([css.status, css.headers['content-encoding'], css.text]).toEqual([200, undefined, 'body{margin:0}']);
    // What is not an asset falls through to the app's page, which is itself sent compressed (web-index.ts).
    for (const file of ['missing-0000.js', '..%2Findex.html', 'app-1a2b3c.js.br']) {
      const res = await get(file, 'br');
      const page = /^text\/html/.test(res.headers['content-type'] ?? '');
      expect([file, page ? 'the page' : res.headers['content-encoding']]).toEqual([
        file,
        page ? 'the page' : undefined,
      ]);
    }
  });
});
