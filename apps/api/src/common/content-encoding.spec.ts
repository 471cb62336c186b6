import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { acceptedEncodings, compressBoth, sendEncoded, type EncodedBody } from './content-encoding.js';

describe('content negotiation of stored encodings', () => {
  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(acceptedEncodings(undefined)).toEqual([]);
    expect(acceptedEncodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('identity')).toEqual([]);
    expect(acceptedEncodings('br;q=0, gzip')).toEqual(['gzip']);
    expect(acceptedEncodings('br;q=0.5, GZIP;q=0.8')).toEqual(['gzip', 'br']);
    expect(acceptedEncodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedEncodings('*;q=0')).toEqual([]);
    expect(acceptedEncodings('gzip;q=0, *')).toEqual(['br']);
  });

  describe('sending a body', () => {
    const plain = Buffer.from('<p>政务公开</p>'.repeat(500));
    let body: EncodedBody;
    let server: http.Server;
    let url: string;
    beforeAll(async () => {
      body = { etag: 'W/"v1"', plain, ...(await compressBoth(plain)) };
      server = http.createServer((req, res) => sendEncoded(req, res, body, 'text/html; charset=utf-8'));
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    const get = async (headers: Record<string, string>, method = 'GET') => {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) =>
        http.request(url, { method, headers }, resolve).on('error', reject).end(),
      );
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      return { res, bytes: Buffer.concat(chunks) };
    };

    it('sends the compressed bytes a client accepts, smaller and decoding to the same page, and the plain bytes to one that accepts none', async () => {
      const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
      expect(br.res.headers['content-encoding']).toBe('br');
      expect(br.res.headers.vary).toBe('Accept-Encoding');
      expect(br.bytes.length).toBeLessThan(plain.length / 10);
      expect(brotliDecompressSync(br.bytes)).toEqual(plain);
      const gz = await get({ 'accept-encoding': 'gzip' });
      expect(gz.res.headers['content-encoding']).toBe('gzip');
      expect(Number(gz.res.headers['content-length'])).toBe(gz.bytes.length);
      expect(gunzipSync(gz.bytes)).toEqual(plain);
      const none = await get({ 'accept-encoding': 'identity' });
      expect(none.res.headers['content-encoding']).toBeUndefined();
      expect(none.bytes).toEqual(plain);
      expect(none.res.headers['content-type']).toBe('text/html; charset=utf-8');
    });

    it('falls back to gzip when a body has no brotli copy', async () => {
      const keep = body;
      body = { etag: keep.etag, plain, gzip: keep.gzip };
      try {
        expect((await get({ 'accept-encoding': 'br, gzip' })).res.headers['content-encoding']).toBe('gzip');
      } finally {
        body = keep;
      }
    });

    it('answers 304 without a body when the client holds this version, weak or strong, and 200 for another', async () => {
      for (const tag of ['W/"v1"', '"v1"', 'W/"v0", W/"v1"', '*']) {
        const r = await get({ 'if-none-match': tag, 'accept-encoding': 'br' });
        expect([tag, r.res.statusCode, r.bytes.length]).toEqual([tag, 304, 0]);
        expect(r.res.headers.etag).toBe('W/"v1"');
      }
      expect((await get({ 'if-none-match': 'W/"v0"' })).res.statusCode).toBe(200);
    });

    it('answers HEAD with the headers only', async () => {
      const r = await get({ 'accept-encoding': 'gzip' }, 'HEAD');
      expect(r.res.headers['content-length']).toBe(String(body.gzip!.length));
      expect(r.bytes.length).toBe(0);
    });
  });
});
