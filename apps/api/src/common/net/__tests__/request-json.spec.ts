import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressPolicy } from '../address-policy.js';
import { requestJson } from '../safe-fetch.js';

const loopback = AddressPolicy.forTestsOnLoopback();

describe('JSON requests through the vetted, pinned fetcher', () => {
  let server: http.Server;
  let port: number;
  const received: { method: string; path: string; host: string | undefined; type: string | undefined; body: string }[] =
    [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({
          method: req.method ?? '',
          path: req.url ?? '',
          host: req.headers.host,
          type: req.headers['content-type'],
          body,
        });
        if (req.url === '/redirect') {
          res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
          return res.end();
        }
        if (req.url === '/slow') return; // never answers
        if (req.url === '/html') {
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<html>busy</html>');
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errcode: 0, errmsg: 'ok', echo: body ? JSON.parse(body) : null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const resolve = async () => [{ address: '127.0.0.1', family: 4 }];

  it('posts JSON to the vetted address and reads the JSON answer', async () => {
    const res = await requestJson(`http://robot.example.test:${port}/robot/send?access_token=t`, {
      method: 'POST',
      body: { msgtype: 'text', text: { content: '督办' } },
      policy: loopback,
      resolve,
    });
    expect(res).toMatchObject({
      status: 'REACHABLE',
      httpStatus: 200,
      json: { errcode: 0, echo: { text: { content: '督办' } } },
    });
    expect(received.at(-1)).toMatchObject({
      method: 'POST',
      path: '/robot/send?access_token=t',
      host: `robot.example.test:${port}`,
      type: 'application/json; charset=utf-8',
    });
  });

  it('refuses an address its policy does not allow (loopback by default), without connecting', async () => {
    const before = received.length;
    const res = await requestJson(`http://robot.example.test:${port}/x`, { method: 'GET', resolve });
    expect(res.status).toBe('BLOCKED');
    expect(received.length).toBe(before);
  });

  it('does not follow a redirect, reports a non-JSON answer as text, and gives up at the deadline', async () => {
    const redirected = await requestJson(`http://127.0.0.1:${port}/redirect`, {
      method: 'POST',
      body: {},
      policy: loopback,
    });
    expect(redirected).toMatchObject({ status: 'REACHABLE', httpStatus: 302, json: null });
    const html = await requestJson(`http://127.0.0.1:${port}/html`, { method: 'GET', policy: loopback });
    expect(html).toMatchObject({ httpStatus: 200, json: null, text: '<html>busy</html>' });
    const slow = await requestJson(`http://127.0.0.1:${port}/slow`, {
      method: 'POST',
      body: {},
      policy: loopback,
      timeoutMs: 200,
    });
    expect(slow.status).toBe('TIMEOUT');
    expect((await requestJson('file:///etc/passwd', { method: 'GET', policy: loopback })).status).toBe('BLOCKED');
  });
});
