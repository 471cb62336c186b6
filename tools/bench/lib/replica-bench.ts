// The scorecard and the leadership's progress tree with and without a read replica (DATABASE_READ_URL):
// a real streaming standby of the bench cluster, the API started once without and once with it, each
// read loaded while an office keeps writing (each write moves the tenant's revision, so the next read
// recomputes instead of answering from the revision cache: the work a replica can take). Prints
// req/s, p95, the primary's and the standby's CPU per request, where the API's reads went, and the
// load average beside each (the machine is shared).
import type pg from 'pg';
import { withDatabase } from '../../../apps/api/src/database/database.js';
import { graphql, signIn, startApi } from './api-process.js';
import { clusterCpuSeconds, postmasterOf } from './cpu-time.js';
import type { Figure } from './figures.js';
import { loadAverage, measureLoad, ms } from './load-figures.js';
import { GQL, type BenchIds } from './operations.js';
import { standbyMissing, startStandby } from './standby.js';

export interface ReplicaBenchOptions {
  pool: pg.Pool;
  databaseUrl: string;
  embedded: boolean;
  ids: BenchIds;
  tenantCode: string;
  password: string;
  seconds: number;
  concurrency: number;
  /** Writes per second by the office during each load (0: the cached reads alone). */
  writesPerSecond: number;
  log: (line: string) => void;
}

/** Waits until the standby has replayed everything the primary has written so far. */
async function caughtUp(primary: pg.Pool, standbyUrl: string): Promise<void> {
  const { default: pgModule } = await import('pg');
  const standby = new pgModule.Client({ connectionString: standbyUrl });
  await standby.connect();
  try {
    const {
      rows: [{ lsn }],
    } = await primary.query(`SELECT pg_current_wal_lsn() AS lsn`);
    for (let i = 0; i < 600; i++) {
      const {
        rows: [{ done }],
      } = await standby.query(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done`, [lsn]);
      if (done) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the standby did not catch up within 60 s');
  } finally {
    await standby.end();
  }
}

export async function benchReplica(o: ReplicaBenchOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  const figure = (name: string, value: string) => figures.push({ name, value, target: '', met: null });
  const missing = !o.embedded
    ? 'BENCH_DATABASE_URL is set (the standby is made from the embedded cluster)'
    : await standbyMissing();
  if (missing) {
    figure('read replica', `skipped: ${missing}`);
    return figures;
  }
  const {
    rows: [{ pid }],
  } = await o.pool.query(`SELECT pg_backend_pid() AS pid`);
  const primaryPostmaster = postmasterOf(pid)!;
  const standby = await startStandby(o.databaseUrl, o.log);
  const replicaUrl = withDatabase(standby.url, new URL(o.databaseUrl).pathname.slice(1));
  try {
    await caughtUp(o.pool, replicaUrl);
    for (const [label, env] of [
      ['without replica', { DATABASE_READ_URL: '' }],
      ['with replica', { DATABASE_READ_URL: replicaUrl }],
    ] as const) {
      const api = await startApi(o.databaseUrl, env);
      try {
        const leader = { role: 'LEADERSHIP', ...(await signIn(api.url, o.tenantCode, 'leader', o.password)) };
        for (const [name, op] of [
          ['scorecard', { name: 'scorecard', query: GQL.scorecard, variables: { year: o.ids.year } }],
          ['progress tree', { name: 'progress', query: GQL.progress, variables: { planId: o.ids.planId } }],
        ] as const) {
          await graphql(api.url, leader, op.query, op.variables); // a broken query fails here, not as a figure
          const writes = writer(o);
          const primary0 = clusterCpuSeconds(primaryPostmaster);
          const standby0 = clusterCpuSeconds(standby.pid);
          const load = loadAverage();
          const g = await measureLoad(
            { url: api.url, connections: o.concurrency, seconds: o.seconds, sessions: [leader], operations: [op] },
            api.pid,
          );
          const written = await writes.stop();
          const perRequest = (s: number) => `${((s * 1000) / Math.max(1, g.requests)).toFixed(2)} ms`;
          const primaryCpu = clusterCpuSeconds(primaryPostmaster) - primary0;
          const standbyCpu = clusterCpuSeconds(standby.pid) - standby0;
          figure(
            `${name} @${o.concurrency}, ${label}`,
            `${g.requestsPerSecond.toFixed(1)} req/s, p95 ${ms(g.p95)}, ${g.errors} errors${g.firstError ? ` (${g.firstError})` : ''}; primary CPU ${perRequest(primaryCpu)}/req ` +
              `(${((primaryCpu / o.seconds) * 100).toFixed(0)} % of a core), standby ${perRequest(standbyCpu)}/req; ` +
              `${written} writes; load average ${load} → ${loadAverage()}`,
          );
        }
        if (label === 'with replica') {
          const ready = (await (await fetch(api.url.replace(/\/graphql$/, '/readyz'))).json()) as {
            readReplica?: unknown;
          };
          figure('read replica as the API saw it (/readyz)', JSON.stringify(ready.readReplica));
        }
      } finally {
        await api.stop();
      }
    }
  } finally {
    await standby.stop();
  }
  return figures;
}

/** An office writing at a steady rate: a no-op update of one task moves the tenant's revision. */
function writer(o: ReplicaBenchOptions): { stop(): Promise<number> } {
  let n = 0;
  let running = true;
  const loop = (async () => {
    if (!o.writesPerSecond) return;
    const gap = 1000 / o.writesPerSecond;
    while (running) {
      await o.pool.query(
        `UPDATE task SET urge_count = urge_count WHERE tenant_id = $1 AND id = (SELECT id FROM task WHERE tenant_id = $1 AND plan_id = $2 LIMIT 1)`,
        [o.ids.tenantId, o.ids.planId],
      );
      n++;
      await new Promise((r) => setTimeout(r, gap));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return n;
    },
  };
}
