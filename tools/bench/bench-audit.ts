// `npm run bench:audit [-- --concurrency 50 --rounds 3]`: what the audit log costs an audited request.
// One tenant, `--concurrency` liaisons of one unit submit a report each at the same moment (a write
// audited in its own transaction), then the office opens each of those reports at the same moment (a
// read of another unit's data, audited too). For each burst: wall time, the slowest request (its wait),
// the median, and the SQL statements PostgreSQL ran per request (pg_stat_statements, BEGIN/COMMIT
// included), beside the audit rows written. The API runs as its own process on a throw-away embedded
// PostgreSQL with pg_stat_statements loaded.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { runMigrations, withDatabase } from '../../apps/api/src/database/database.js';
import { startEmbeddedPostgres, type EmbeddedServer } from '../../apps/api/src/database/embedded-postgres.js';
import { Factory, TEST_PASSWORD } from '../../apps/api/test/factory.js';
import type { TestApp } from '../../apps/api/test/test-app.js';
import { graphql, signIn, startApi, type ApiProcess } from './lib/api-process.js';
import { printFigures, type Figure } from './lib/figures.js';

const { values } = parseArgs({
  options: { concurrency: { type: 'string', default: '50' }, rounds: { type: 'string', default: '3' } },
});
const N = Number(values.concurrency);
const ROUNDS = Number(values.rounds);
const log = (line: string) => console.log(`[bench] ${line}`);

const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;
const READ = `query($id: ID!) { report(id: $id) { id status } }`;

/** A throw-away cluster with pg_stat_statements preloaded (a preload needs a restart, hence two starts). */
async function statsCluster(dir: string): Promise<{ server: EmbeddedServer; url: string }> {
  const first = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  const admin = new pg.Client({ connectionString: first.url });
  await admin.connect();
  await admin.query(`ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'`);
  await admin.query(`CREATE DATABASE duban_bench`);
  await admin.end();
  await first.stop();
  const server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  const url = withDatabase(server.url, 'duban_bench');
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await c.end();
  await runMigrations(url);
  return { server, url };
}

interface Burst {
  wallMs: number;
  maxMs: number;
  medianMs: number;
  statements: number;
  chainStatements: number;
  auditRows: number;
  errors: number;
}

const figures: Figure[] = [];
const figure = (name: string, value: string) => figures.push({ name, value, target: '', met: null });
const dir = await mkdtemp(path.join(os.tmpdir(), 'duban-bench-audit-'));
await chmod(dir, 0o755);
let server: EmbeddedServer | null = null;
let api: ApiProcess | null = null;
const pool = { current: null as pg.Pool | null };
try {
  const cluster = await statsCluster(dir);
  server = cluster.server;
  const db = (pool.current = new pg.Pool({ connectionString: cluster.url, max: 2 }));
  const f = new Factory({} as TestApp, db);
  const tenant = await f.tenant();
  const unit = await f.unit(tenant, '市发展改革委');
  const { tasks } = await f.tasks(tenant, [unit], N * ROUNDS, { status: () => 'IN_PROGRESS' });
  const liaisons = await Promise.all(Array.from({ length: N }, () => f.user(tenant, 'UNIT_LIAISON', unit)));
  const staff = await f.user(tenant, 'OFFICE_STAFF');

  api = await startApi(cluster.url);
  const url = api.url;
  log(`API pid ${api.pid}; ${N} liaisons signing in`);
  const liaisonSessions = [];
  for (const u of liaisons) liaisonSessions.push(await signIn(url, tenant.code, u.username, TEST_PASSWORD));
  const office = await signIn(url, tenant.code, staff.username, TEST_PASSWORD);

  const auditRows = async () =>
    Number((await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE tenant_id = $1`, [tenant.id])).rows[0].n);
  /** Statements since the reset, and of them those that touch the chain (head, pending records, seal). */
  const statements = async () => {
    const { rows } = await db.query(
      `SELECT coalesce(sum(calls), 0)::int AS n,
              coalesce(sum(calls) FILTER (WHERE query ~* 'audit_chain|seq IS NULL|SET seq = s.seq'), 0)::int AS chain
         FROM pg_stat_statements
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query NOT ILIKE '%pg_stat_statements%'`,
    );
    return rows[0] as { n: number; chain: number };
  };

  /** Every call at once; figures of the burst. */
  const burst = async (calls: (() => Promise<unknown>)[]): Promise<Burst> => {
    await db.query('SELECT pg_stat_statements_reset()');
    const rowsBefore = await auditRows();
    const latencies: number[] = [];
    let errors = 0;
    const t0 = performance.now();
    await Promise.all(
      calls.map(async (call) => {
        const t = performance.now();
        try {
          await call();
        } catch (error) {
          errors++;
          if (errors === 1) log(`error: ${(error as Error).message.slice(0, 200)}`);
        }
        latencies.push(performance.now() - t);
      }),
    );
    const wallMs = performance.now() - t0;
    // Seals follow the commits by some milliseconds, off the request path: counted, not timed.
    await new Promise((r) => setTimeout(r, 300));
    // The counting statement before the burst ran after the reset too.
    const counted = await statements();
    latencies.sort((a, b) => a - b);
    return {
      wallMs,
      maxMs: latencies[latencies.length - 1],
      medianMs: latencies[Math.floor(latencies.length / 2)],
      statements: (counted.n - 1) / calls.length,
      chainStatements: counted.chain / calls.length,
      auditRows: (await auditRows()) - rowsBefore,
      errors,
    };
  };

  const show = (name: string, runs: Burst[]) => {
    const best = (k: keyof Burst) => Math.min(...runs.map((r) => r[k]));
    const worst = (k: keyof Burst) => Math.max(...runs.map((r) => r[k]));
    figure(
      `${name}: wall / slowest / median (best of ${runs.length})`,
      `${best('wallMs').toFixed(0)} / ${best('maxMs').toFixed(0)} / ${best('medianMs').toFixed(0)} ms (worst wall ${worst('wallMs').toFixed(0)} ms)`,
    );
    const last = runs[runs.length - 1];
    figure(
      `${name}: statements per request`,
      `${last.statements.toFixed(1)}, of them ${last.chainStatements.toFixed(1)} on the chain (${last.auditRows} audit rows, ${runs.reduce((s, r) => s + r.errors, 0)} errors in ${runs.length * N})`,
    );
  };

  const writes: Burst[] = [];
  const reads: Burst[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const mine = tasks.slice(round * N, (round + 1) * N);
    const ids: string[] = [];
    writes.push(
      await burst(
        mine.map((task, i) => async () => {
          const data = await graphql<{ submitReport: { id: string } }>(url, liaisonSessions[i], SUBMIT, {
            taskId: task.id,
            input: { text: '已在门户网站公开。', progress: 50, claimsCompletion: false, evidenceUrls: [], fileIds: [] },
          });
          ids.push(data.submitReport.id);
        }),
      ),
    );
    reads.push(await burst(ids.map((id) => () => graphql(url, office, READ, { id }))));
  }
  show(`${N} concurrent report submissions (one tenant)`, writes);
  show(`${N} concurrent office reads of a unit's report`, reads);
  // What a write costs alone (no queue): one submission at a time.
  const alone = tasks.slice(0, 1);
  const single = await burst([
    () =>
      graphql(url, liaisonSessions[0], SUBMIT, {
        taskId: alone[0].id,
        input: { text: '再次报送。', progress: 60, claimsCompletion: false, evidenceUrls: [], fileIds: [] },
      }),
  ]);
  figure(
    'one report submission alone',
    `${single.wallMs.toFixed(1)} ms, ${single.statements} statements (${single.chainStatements} on the chain)`,
  );
  const someReport = (await db.query(`SELECT id FROM progress_report LIMIT 1`)).rows[0].id as string;
  const read1 = await burst([() => graphql(url, office, READ, { id: someReport })]);
  figure(
    'one office read alone',
    `${read1.wallMs.toFixed(1)} ms, ${read1.statements} statements (${read1.chainStatements} on the chain)`,
  );
  printFigures(figures);
} finally {
  await api?.stop();
  await pool.current?.end();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
}
