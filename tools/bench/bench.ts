// `npm run bench [-- --quick]`: the province tenant's everyday reads through the API under load,
// each against the same read in hand-written SQL, plus publishing a 60×200 plan and a 60-second
// mixed load of 200 sessions. Prints every figure with its target.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { provinceCode, SYNTH_PASSWORD } from '../synth/synth.js';
import { graphql, signIn, startApi } from './lib/api-process.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { explainSummary } from './lib/explain.js';
import { printFigures, type Figure } from './lib/figures.js';
import type { LoadOperation, LoadResult, Session } from './lib/load-types.js';
import { GQL, SQL } from './lib/operations.js';
import { ensureProvince, provinceIds } from './lib/province.js';
import { benchPublicPage } from './lib/public-page-bench.js';
import { createPublishDraft } from './lib/publish-draft.js';
import { runLoadWorker } from './lib/run-worker.js';
import { sqlLoad } from './lib/sql-load.js';
import { tenantScopeCost } from './lib/tenant-scope-cost.js';
import { postgresCpuSeconds, processCpuSeconds } from './lib/cpu-time.js';
import { statementStats } from './lib/statement-stats.js';
import { loadavg } from 'node:os';
import { benchReplica } from './lib/replica-bench.js';
import { monotonicUs, newestProfile, summariseProfile, type ProfileWindow } from './lib/cpu-profile.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    'mixed-seconds': { type: 'string', default: '60' },
    'mixed-sessions': { type: 'string', default: '200' },
    today: { type: 'string', default: '2026-11-23' },
    // Only the everyday reads (each against its SQL): skips the public page, publishing and the mixed load.
    'reads-only': { type: 'boolean', default: false },
    // The scorecard and progress tree with and without a streaming standby (DATABASE_READ_URL).
    'replica-only': { type: 'boolean', default: false },
    'skip-replica': { type: 'boolean', default: false },
    'writes-per-second': { type: 'string', default: '2' },
    // Every read computed afresh (no kept answer), as the first read after a write is.
    computed: { type: 'boolean', default: false },
    // Only these reads (comma-separated: scorecard, ledger, ledgerFiltered, myTasks, progress).
    only: { type: 'string' },
    // The API runs under `node --cpu-prof` into this directory; each read's load window is summarised.
    'cpu-prof': { type: 'string' },
  },
});
const only = values.only ? new Set(values.only.split(',')) : null;
const profileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null;
const profileWindows: ProfileWindow[] = [];
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const log = (line: string) => console.log(`[bench] ${line}`);
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

const figures: Figure[] = [];
const figure = (name: string, value: string, target = '', met: boolean | null = null) =>
  figures.push({ name, value, target, met });

const db = await openBenchDatabase(log);
const pool = new pg.Pool({ connectionString: db.url, max: CONCURRENCY + 4 });
// An idle connection ended by the server (a restart, another tool on a shared machine) is replaced on next use.
pool.on('error', (error) => log(`an idle bench connection was closed: ${error.message}`));
let api: Awaited<ReturnType<typeof startApi>> | null = null;
try {
  const code = provinceCode('synth');
  const loaded = await ensureProvince(pool, {
    databaseUrl: db.url,
    today: values.today!,
    provinceOnly: values.quick!,
    log,
  });
  if (loaded) figure('data load', loaded);
  const {
    rows: [totals],
  } = await pool.query(
    `SELECT (SELECT count(*) FROM task)::int AS tasks, (SELECT count(*) FROM tenant)::int AS tenants`,
  );
  figure('database', `${totals.tasks} tasks in ${totals.tenants} tenants`);

  const ids = await provinceIds(pool, values.today!);
  const year = ids.year;

  if (!values['replica-only']) {
    const stats = await statementStats(pool);
    if (!stats.available) log('pg_stat_statements is not loaded: statements per request read n/a');
    if (profileDir) mkdirSync(profileDir, { recursive: true });
    api = await startApi(db.url, {}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
    log(`API pid ${api.pid} at ${api.url}, RSS ${api.rssMb().toFixed(0)} MB`);
    figure('API processes (WEB_CONCURRENCY)', process.env.WEB_CONCURRENCY ?? '1');
    figure('reads', values.computed ? 'computed afresh (--computed)' : 'repeated: kept answers after the first');
    const office = { role: 'OFFICE_ADMIN', ...(await signIn(api.url, code, 'office', SYNTH_PASSWORD)) };
    const leadership = { role: 'LEADERSHIP', ...(await signIn(api.url, code, 'leader', SYNTH_PASSWORD)) };
    const liaison = { role: 'UNIT_LIAISON', ...(await signIn(api.url, code, 'u001.liaison', SYNTH_PASSWORD)) };

    const compare = async (
      name: string,
      target: number | null,
      gql: LoadOperation,
      session: Session,
      sql: (c: pg.PoolClient) => Promise<unknown>,
    ) => {
      if (only && !only.has(gql.name)) return;
      const goal = target ? `p95 ≤ ${target} ms` : '';
      await graphql(api!.url, session, gql.query, gql.variables); // fail loudly on a broken query before loading it
      // One connection: the latency one person waits for. Then CONCURRENCY connections: throughput
      // and queueing when the API, PostgreSQL and the load generator share this machine's cores.
      for (const connections of [1, CONCURRENCY]) {
        const at = `${name} @${connections}`;
        const apiCpu0 = processCpuSeconds(api!.pid);
        const pgCpu0 = postgresCpuSeconds();
        await stats.reset();
        const fromUs = monotonicUs();
        const g: LoadResult = await runLoadWorker({
          url: api!.url,
          connections,
          seconds: SECONDS,
          sessions: [session],
          operations: [gql],
          distinctDocuments: values.computed,
        });
        profileWindows.push({ name: at, fromUs, toUs: monotonicUs(), requests: g.requests });
        const apiMs = ((processCpuSeconds(api!.pid) - apiCpu0) * 1000) / Math.max(1, g.requests);
        const pgMs = ((postgresCpuSeconds() - pgCpu0) * 1000) / Math.max(1, g.requests);
        const load = loadavg()[0];
        const st = await stats.perRequest(g.requests);
        if (process.env.BENCH_STATEMENTS && connections === 1) {
          for (const q of await stats.top()) log(`  ${q.calls} × ${q.meanMs.toFixed(3)} ms  ${q.query.slice(0, 160)}`);
        }
        const s = await sqlLoad(pool, connections, SECONDS, sql);
        if (g.requests === 0) {
          figure(`${at} GraphQL`, `no response completed within ${SECONDS} s (${g.errors} errors)`, goal, false);
          continue;
        }
        figure(
          `${at} GraphQL p50/p95/p99`,
          `${ms(g.p50)} / ${ms(g.p95)} / ${ms(g.p99)}, ${g.requestsPerSecond.toFixed(0)} req/s (load average ${load.toFixed(1)})`,
          goal,
          target ? g.p95 <= target : null,
        );
        figure(
          `${at} statements per request`,
          st
            ? `${st.statements.toFixed(1)} (+ ${st.overhead.toFixed(1)} transaction/scope), PostgreSQL execution ${st.executionMs.toFixed(2)} ms`
            : 'n/a',
        );
        figure(`${at} GraphQL errors`, `${g.errors}${g.firstError ? ` (${g.firstError})` : ''}`, '0', g.errors === 0);
        figure(
          `${at} CPU per request`,
          `API ${apiMs.toFixed(2)} ms, PostgreSQL ${pgMs ? `${pgMs.toFixed(2)} ms` : 'n/a (remote)'}`,
        );
        figure(`${at} SQL p50/p95`, `${ms(s.p50)} / ${ms(s.p95)}, ${s.requestsPerSecond.toFixed(0)} req/s`);
        const ratio = g.p95 / s.p95;
        figure(`${at} GraphQL/SQL (p95)`, `${ratio.toFixed(2)}×`, '≤ 2×', ratio <= 2);
      }
    };

    log(`each read: ${SECONDS} s at 1 and at ${CONCURRENCY} connections`);
    await compare(
      'scorecard (plan year)',
      50,
      { name: 'scorecard', query: GQL.scorecard, variables: { year } },
      leadership,
      (c) => c.query(SQL.scorecard.text, SQL.scorecard.params(ids)),
    );
    if (!only || only.has('scorecard')) {
      // The first scorecard read after a write pays for the whole aggregation (later reads are served
      // from the result cache until the next write): a no-op update of one task counts as a write.
      const cold: number[] = [];
      for (let i = 0; i < 5; i++) {
        await pool.query(
          `UPDATE task SET urge_count = urge_count WHERE tenant_id = $1 AND id = (SELECT id FROM task WHERE tenant_id = $1 AND plan_id = $2 LIMIT 1)`,
          [ids.tenantId, ids.planId],
        );
        const t0 = performance.now();
        await graphql(api.url, leadership, GQL.scorecard, { year });
        cold.push(performance.now() - t0);
      }
      cold.sort((a, b) => a - b);
      figure('scorecard first read after a write (median of 5)', ms(cold[2]));
    }
    for (const [name, read] of [
      ['ledger page (50 rows, filtered)', 'ledger'],
      ['ledger filtered (status, due range)', 'ledgerFiltered'],
    ] as const) {
      await compare(name, 30, { name: read, query: GQL[read], variables: { planId: ids.planId } }, office, (c) =>
        c.query(SQL[read].text, SQL[read].params(ids)),
      );
    }
    await compare('own tasks (unit)', 20, { name: 'myTasks', query: GQL.myTasks }, liaison, (c) =>
      c.query(SQL.myTasks.text, SQL.myTasks.params(ids)),
    );
    await compare(
      'plan progress tree',
      50,
      { name: 'progress', query: GQL.progress, variables: { planId: ids.planId } },
      office,
      async (c) => {
        for (const q of SQL.progress) await c.query(q.text, q.params(ids));
      },
    );

    if (profileDir) {
      // The profile is written when the API exits.
      await api.stop();
      api = null;
      const file = newestProfile(profileDir);
      // Kept beside the profile, to read it again another way (summariseProfile, or DevTools with the times).
      if (file) writeFileSync(`${file}.windows.json`, JSON.stringify(profileWindows));
      if (file) for (const line of summariseProfile(file, profileWindows)) log(line);
      else log(`no .cpuprofile in ${profileDir}`);
    } else if (!values['reads-only']) {
      figures.push(...(await benchPublicPage(pool, api, ids, { seconds: SECONDS, concurrency: CONCURRENCY })));

      figure('EXPLAIN ledger SQL', await explainSummary(pool, SQL.ledger.text, SQL.ledger.params(ids)));
      figure('EXPLAIN scorecard SQL', await explainSummary(pool, SQL.scorecard.text, SQL.scorecard.params(ids)));
      {
        const {
          rows: [task],
        } = await pool.query(`SELECT id FROM task WHERE tenant_id = $1 LIMIT 1`, [ids.tenantId]);
        const cost = await tenantScopeCost(db.url, ids.tenantId, task.id);
        const pair = (c: { unscoped: number; scoped: number }) =>
          `${c.unscoped.toFixed(3)} → ${c.scoped.toFixed(3)} ms (+${(c.scoped - c.unscoped).toFixed(3)} ms)`;
        figure('tenant scope: one statement alone, unscoped → scoped', pair(cost.statement));
        figure('tenant scope: one statement in a transaction, unscoped → scoped', pair(cost.transaction));
      }

      {
        const draftId = await createPublishDraft(pool, ids.tenantId, year, 60);
        const t0 = performance.now();
        let error = '';
        try {
          await graphql(
            api.url,
            office,
            `
              mutation ($id: ID!) {
                publishPlan(id: $id, version: 1) {
                  id
                  status
                }
              }
            `,
            { id: draftId },
          );
        } catch (e) {
          error = (e as Error).message;
        }
        const seconds = (performance.now() - t0) / 1000;
        const {
          rows: [made],
        } = await pool.query(`SELECT count(*)::int AS n FROM task WHERE tenant_id = $1 AND plan_id = $2`, [
          ids.tenantId,
          draftId,
        ]);
        figure(
          'publish 60 items × 200 units',
          error ? `failed: ${error}` : `${seconds.toFixed(2)} s, ${made.n} tasks`,
          '≤ 3 s',
          !error && seconds <= 3,
        );
      }

      // Mixed load: 200 signed-in people of the province doing what they do on a working morning.
      const nSessions = Number(values['mixed-sessions']);
      const { rows: liaisons } = await pool.query(
        `SELECT u.username, (SELECT t.id FROM task t WHERE t.tenant_id = u.tenant_id AND t.unit_id = u.unit_id AND t.status = 'IN_PROGRESS'
                                                 AND NOT EXISTS (SELECT 1 FROM progress_report r WHERE r.tenant_id = t.tenant_id AND r.task_id = t.id AND r.status IN ('PENDING_OFFICE','PENDING_LEADER'))
                                                 ORDER BY t.due_date DESC LIMIT 1) AS task_id
       FROM app_user u WHERE u.tenant_id = $1 AND u.role = 'UNIT_LIAISON' ORDER BY u.username LIMIT $2`,
        [ids.tenantId, nSessions - 3],
      );
      const sessions: Session[] = [
        office,
        leadership,
        { role: 'OFFICE_STAFF', ...(await signIn(api.url, code, 'staff', SYNTH_PASSWORD)) },
      ];
      for (const l of liaisons)
        sessions.push({
          role: 'UNIT_LIAISON',
          taskId: l.task_id ?? undefined,
          ...(await signIn(api.url, code, l.username, SYNTH_PASSWORD)),
        });
      const office_ = ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'];
      const mixed: LoadOperation[] = [
        { name: 'myTasks', query: GQL.myTasks, roles: ['UNIT_LIAISON'], weight: 6 },
        { name: 'progress', query: GQL.progress, variables: { planId: ids.planId }, weight: 2 },
        { name: 'ledger', query: GQL.ledger, variables: { planId: ids.planId }, roles: office_, weight: 4 },
        { name: 'submitReport', query: GQL.submitReport, roles: ['UNIT_LIAISON'], taskOfSession: true, weight: 0.1 },
      ];
      let maxRss = api.rssMb();
      const sampler = setInterval(() => (maxRss = Math.max(maxRss, api!.rssMb())), 1000);
      const mixedSeconds = Number(values['mixed-seconds']);
      log(`mixed load: ${sessions.length} sessions, ${mixedSeconds} s (${mixed.map((o) => o.name).join(', ')})`);
      const m = await runLoadWorker({
        url: api.url,
        connections: sessions.length,
        seconds: mixedSeconds,
        sessions: sessions.filter((s) => s.role !== 'UNIT_LIAISON' || s.taskId),
        operations: mixed,
      });
      clearInterval(sampler);
      figure(
        `mixed load ${sessions.length} sessions p50/p95/p99`,
        `${ms(m.p50)} / ${ms(m.p95)} / ${ms(m.p99)}, ${m.requestsPerSecond.toFixed(0)} req/s`,
      );
      figure(
        'mixed load errors',
        `${m.errors} of ${m.requests}${m.firstError ? ` (${m.firstError})` : ''}`,
        '0',
        m.errors === 0,
      );
      figure('API max RSS during mixed load', `${maxRss.toFixed(0)} MB`, '< 400 MB', maxRss < 400);
    }
  }
  if (!values['skip-replica']) {
    // Its own API processes, one without and one with the replica: the reads' API is not needed now.
    await api?.stop();
    api = null;
    figures.push(
      ...(await benchReplica({
        pool,
        databaseUrl: db.url,
        embedded: db.embedded,
        ids,
        tenantCode: code,
        password: SYNTH_PASSWORD,
        seconds: SECONDS,
        concurrency: CONCURRENCY,
        writesPerSecond: Number(values['writes-per-second']),
        log,
      })),
    );
  }
} finally {
  await api?.stop();
  await pool.end();
  await db.stop();
}

printFigures(figures);
