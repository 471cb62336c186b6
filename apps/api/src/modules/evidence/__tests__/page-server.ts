import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** TCP connections accepted so far: proves a refused address was never contacted. */
  connections(): number;
  /** Requests per path so far. */
  hits(path: string): number;
  close(): Promise<void>;
}

const html = (title: string, info: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><div class="info">${info}</div><p>正文内容。</p><div class="footer">版权所有 © 2031 测试市人民政府</div></body></html>`;

/**
 * Evidence pages served on 127.0.0.1, one path per case the checker must tell apart:
 * a live page dated before the time limit, one dated after, a 404, a 500, a slow page, a GBK page,
 * a redirect chain and a loop, an oversized page, a gzip page and a PDF.
 */
export async function startPageServer(opts: {
  slowMs: number;
  largeBytes: number;
  publishedOn: string;
  lateOn: string;
}): Promise<PageServer> {
  const hits = new Map<string, number>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (
      status: number,
      body: string | Buffer,
      type = 'text/html; charset=utf-8',
      headers: Record<string, string> = {},
    ) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    switch (path) {
      case '/live':
        return send(
          200,
          html('关于开展政务公开工作的通知_测试市人民政府', `来源：市政府办公室 发布时间：${opts.publishedOn} 10:00`),
        );
      case '/late':
        return send(
          200,
          html('迟发布的通知', `发布日期：${opts.lateOn.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}`),
        );
      case '/missing':
        return send(404, '<html><title>404 页面不存在</title></html>');
      case '/broken':
        return send(500, 'error', 'text/plain');
      case '/slow':
        return void setTimeout(
          () => !res.destroyed && send(200, html('慢页面', `发布时间：${opts.publishedOn}`)),
          opts.slowMs,
        );
      case '/gbk':
        return send(
          200,
          iconv.encode(html('政府信息公开目录', `发布日期：${opts.publishedOn}`).replace('utf-8', 'gb2312'), 'gbk'),
          'text/html',
        );
      case '/hop1':
        return send(302, '', 'text/html', { location: '/hop2' });
      case '/hop2':
        return send(301, '', 'text/html', {
          location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/live`,
        });
      case '/to-zero':
        return send(302, '', 'text/html', {
          location: `http://0.0.0.0:${(server.address() as AddressInfo).port}/live`,
        });
      case '/to-file':
        return send(302, '', 'text/html', { location: 'file:///etc/passwd' });
      case '/loop':
        return send(302, '', 'text/html', { location: '/loop' });
      case '/large':
        return send(200, html('超大页面', `发布时间：${opts.publishedOn}`) + 'x'.repeat(opts.largeBytes));
      case '/gzip':
        return send(200, zlib.gzipSync(html('压缩页面', `发布时间：${opts.publishedOn}`)), 'text/html; charset=utf-8', {
          'content-encoding': 'gzip',
        });
      case '/file.pdf':
        return send(200, Buffer.from('%PDF-1.4\n%%EOF\n'), 'application/pdf');
      default:
        return send(404, 'not found', 'text/plain');
    }
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    hits: (path) => hits.get(path) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
