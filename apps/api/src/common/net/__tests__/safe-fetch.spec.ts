import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressPolicy } from '../address-policy.js';
import { fetchPage } from '../safe-fetch.js';

const loopback = AddressPolicy.forTestsOnLoopback();

describe('safe fetch', () => {
  let server: http.Server;
  let port: number;
  const seen: { path: string; userAgent: string | undefined; host: string | undefined }[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      seen.push({ path: req.url ?? '', userAgent: req.headers['user-agent'], host: req.headers.host });
      if (req.url === '/drip') {
        // Headers at once, then a trickle: only a deadline for the whole fetch stops it.
        res.writeHead(200, { 'content-type': 'text/html' });
        const timer = setInterval(() => res.write('<p>x</p>'), 50);
        res.on('close', () => clearInterval(timer));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<title>ok</title>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('connects to the address it vetted, keeping the host name for the Host header (no second lookup to rebind)', async () => {
    let lookups = 0;
    const resolve = async (hostname: string) => {
      lookups++;
      expect(hostname).toBe('zwgk.example.test');
      return [{ address: '127.0.0.1', family: 4 }];
    };
    // The name does not exist in DNS: it only works if the connection uses the vetted address.
    const page = await fetchPage(`http://zwgk.example.test:${port}/page`, { policy: loopback, resolve });
    expect(page).toMatchObject({ status: 'REACHABLE', httpStatus: 200 });
    expect(lookups).toBe(1);
    expect(seen.at(-1)).toMatchObject({
      path: '/page',
      host: `zwgk.example.test:${port}`,
      userAgent: expect.stringMatching(/^Mozilla\/5\.0 .*Chrome/),
    });
  });

  it('refuses a host when any of its addresses is private', async () => {
    const resolve = async () => [
      { address: '202.108.22.5', family: 4 },
      { address: '10.0.0.1', family: 4 },
    ];
    const before = seen.length;
    expect((await fetchPage('http://mixed.example.test/', { resolve })).status).toBe('BLOCKED');
    expect(seen.length).toBe(before);
  });

  it('refuses schemes other than http and https, and reports names that do not resolve as unreachable', async () => {
    expect((await fetchPage('ftp://127.0.0.1/file', { policy: loopback })).status).toBe('BLOCKED');
    expect((await fetchPage('file:///etc/passwd', { policy: loopback })).status).toBe('BLOCKED');
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    expect((await fetchPage('http://nowhere.example.test/', { policy: loopback, resolve })).status).toBe('UNREACHABLE');
  });

  it('times out a page that keeps sending, within the total deadline', async () => {
    const started = Date.now();
    const page = await fetchPage(`http://127.0.0.1:${port}/drip`, {
      policy: loopback,
      timeoutMs: 300,
      maxBytes: 10_000_000,
    });
    expect(page.status).toBe('TIMEOUT');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out a name lookup that hangs', async () => {
    const resolve = () => new Promise<never>(() => undefined);
    expect((await fetchPage('http://hang.example.test/', { policy: loopback, resolve, timeoutMs: 100 })).status).toBe(
      'TIMEOUT',
    );
  });
});
