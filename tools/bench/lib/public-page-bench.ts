// 政务公开: the province plan's public page, anonymous, as a browser asks for it (Accept-Encoding: gzip, br).
import type pg from 'pg';
import { provinceCode } from '../../synth/synth.js';
import type { ApiProcess } from './api-process.js';
import type { Figure } from './figures.js';
import { measureLoad, ms } from './load-figures.js';
import type { BenchIds } from './operations.js';

const BROWSER = { 'accept-encoding': 'gzip, br' };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Bytes as sent for an encoding (fetch would decode them, so ask for the length and skip the body). */
async function sentBytes(url: string, encoding: string): Promise<{ status: number; bytes: number; encoding: string }> {
  const res = await fetch(url, { headers: { 'accept-encoding': encoding } });
  await res.arrayBuffer();
  return {
    status: res.status,
    bytes: Number(res.headers.get('content-length') ?? NaN),
    encoding: res.headers.get('content-encoding') ?? 'identity',
  };
}

/**
 * Turns the plan's page on, prints its size plain, gzip and brotli, then loads it at 1 and
 * `concurrency` connections with the API's CPU per request and the machine's load average beside
 * (the targets assume the cores are not busy with other work).
 */
export async function benchPublicPage(
  pool: pg.Pool,
  api: Pick<ApiProcess, 'url' | 'pid'>,
  ids: BenchIds,
  load: { seconds: number; concurrency: number },
): Promise<Figure[]> {
  const o = { ...load, apiOrigin: new URL(api.url).origin, apiPid: api.pid };
  const figures: Figure[] = [];
  const figure = (name: string, value: string, target = '', met: boolean | null = null) =>
    figures.push({ name, value, target, met });
  await pool.query(`UPDATE plan SET public_page = true WHERE tenant_id = $1 AND id = $2`, [ids.tenantId, ids.planId]);
  const path = `/gk/${provinceCode('synth')}/${ids.year}`;
  const url = o.apiOrigin + path;
  const t0 = performance.now();
  const plain = await sentBytes(url, 'identity');
  figure('public page first request (makes the snapshot)', ms(performance.now() - t0));
  const gzip = await sentBytes(url, 'gzip');
  const br = await sentBytes(url, 'br');
  figure(
    'public page size (province plan)',
    `${kb(plain.bytes)} as HTML, ${kb(gzip.bytes)} gzip, ${kb(br.bytes)} brotli (HTTP ${plain.status}, ${br.encoding})`,
    '< 100 KB',
    plain.status === 200 && plain.bytes < 100 * 1024,
  );
  for (const connections of [1, o.concurrency]) {
    const g = await measureLoad(
      {
        url: o.apiOrigin,
        connections,
        seconds: o.seconds,
        sessions: [],
        operations: [],
        getPath: path,
        getHeaders: BROWSER,
      },
      o.apiPid,
    );
    const wide = connections === o.concurrency;
    figure(
      `public page @${connections} p50/p95/p99 (gzip, br)`,
      g.summary,
      wide ? 'p95 ≤ 10 ms, ≥ 1,000 req/s' : 'p95 ≤ 10 ms',
      wide ? g.p95 <= 10 && g.requestsPerSecond >= 1000 && g.errors === 0 : g.p95 <= 10 && g.errors === 0,
    );
  }
  return figures;
}
