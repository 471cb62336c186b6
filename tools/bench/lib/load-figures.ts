// One load run as the benches print it: latency percentiles and throughput at a number of
// connections, with the API's CPU per request and the machine's load average beside (the machine is
// shared: the figures mean little without it).
import os from 'node:os';
import { processCpuSeconds } from './cpu-time.js';
import type { LoadResult, LoadSpec } from './load-types.js';
import { runLoadWorker } from './run-worker.js';

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

export interface MeasuredLoad extends LoadResult {
  /** The API process's CPU time per request, in ms. */
  apiMsPerRequest: number;
  /** p50 / p95 / p99, req/s, errors, API CPU and the load average before → after, as one figure's value. */
  summary: string;
}

export async function measureLoad(spec: LoadSpec, apiPid: number): Promise<MeasuredLoad> {
  const before = loadAverage();
  const apiCpu0 = processCpuSeconds(apiPid);
  const g = await runLoadWorker(spec);
  const apiMsPerRequest = ((processCpuSeconds(apiPid) - apiCpu0) * 1000) / Math.max(1, g.requests);
  return {
    ...g,
    apiMsPerRequest,
    summary:
      `${ms(g.p50)} / ${ms(g.p95)} / ${ms(g.p99)}, ${g.requestsPerSecond.toFixed(0)} req/s, ${g.errors} errors, ` +
      `API CPU ${apiMsPerRequest.toFixed(3)} ms/req, load average ${before} → ${loadAverage()}`,
  };
}
