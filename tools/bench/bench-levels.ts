// `npm run bench:levels [-- --seconds 10 --concurrency 10 --cities 16]`: 下级落实 (上下联动) for a province
// with 16 cities × 300 key points × 40 units (192,000 lower tasks): the first read that takes every city
// in, the read after one city changed, then the coverage/roll-up and a key point's drill-down at 1 and
// `--concurrency` connections (target: the scorecard's, p95 ≤ 50 ms). The province is the bench's
// synthetic one (generated when missing; `BENCH_DATABASE_URL` reuses it and the cities).
// `--cpu-prof <dir>`: the API runs under `node --cpu-prof`; where each load window's CPU went is printed.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SYNTH_PASSWORD, provinceCode } from '../synth/synth.js';
import { graphql, signIn, startApi } from './lib/api-process.js';
import { monotonicUs, newestProfile, summariseProfile, type ProfileWindow } from './lib/cpu-profile.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { printFigures, type Figure } from './lib/figures.js';
import { cityIds, ensureCities } from './lib/levels-cities.js';
import { measureLoad, ms } from './lib/load-figures.js';
import { ensureProvince, provinceIds } from './lib/province.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    cities: { type: 'string', default: '16' },
    today: { type: 'string', default: '2026-11-23' },
    'cpu-prof': { type: 'string' },
  },
});
const profileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null;
const profileWindows: ProfileWindow[] = [];
const log = (line: string) => console.log(`[bench] ${line}`);
const TARGET_MS = 50;
const SHAPE = { cities: Number(values.cities), keyPoints: 300, units: 40 };

// What 下级落实 asks for: the web page's coverage query (apps/web/src/modules/levels/graphql: what the
// page shows, the overdue units named only in a row's drill-down) and a row's drill-down.
const COVERAGE = `query LowerCoverage($year: Int) { lowerCoverage(year: $year) { year
  points { keyPointId label title coveredBy counts { ...C } lowerKeyPoints lowerTasks lowerRed lowerDone lowerOverdue }
  lowers { tenantId name covered share }
  } }
fragment C on LowerRollupCounts { tasks green yellow red doneShare overdue overdueUnitCount lastReportOn }`;
const DETAIL = `query LowerRollupDetail($keyPointId: ID!) { lowerRollupDetail(keyPointId: $keyPointId) {
  id lowerTenantId lowerTenantName label title
  tasks { id unitName status light dueDate lastReportOn overdue sharedReport { text files reportOn } } } }`;

interface Coverage {
  lowerCoverage: {
    points: { keyPointId: string; counts: { tasks: number }; lowerKeyPoints: number[] }[];
    lowers: { tenantId: string }[];
  };
}

const figures: Figure[] = [];
const figure = (name: string, value: string, target = '', met: boolean | null = null) =>
  figures.push({ name, value, target, met });
const db = await openBenchDatabase(log);
const pool = new pg.Pool({ connectionString: db.url, max: 4 });
let api: Awaited<ReturnType<typeof startApi>> | null = null;
try {
  const loaded = await ensureProvince(pool, { databaseUrl: db.url, today: values.today!, provinceOnly: true, log });
  if (loaded) figure('data load (province)', loaded);
  const ids = await provinceIds(pool, values.today!);
  const t0 = performance.now();
  const cityTasks = await ensureCities(pool, { provinceId: ids.tenantId, year: ids.year, shape: SHAPE, log });
  if (cityTasks)
    figure('data load (cities)', `${cityTasks} tasks in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  else log('reusing the cities already linked to the province');
  const cities = await cityIds(pool, ids.tenantId);
  // A fresh copy and no stored answer on the first read below, whatever an earlier run left.
  await pool.query(`DELETE FROM lower_rollup_source WHERE tenant_id = $1`, [ids.tenantId]);
  await pool.query(`DELETE FROM scorecard_cache WHERE tenant_id = $1 AND scope_key LIKE 'lower-%'`, [ids.tenantId]);

  api = await startApi(db.url, {}, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  log(`API pid ${api.pid} at ${api.url}`);
  const office = { role: 'OFFICE_STAFF', ...(await signIn(api.url, provinceCode('synth'), 'staff', SYNTH_PASSWORD)) };
  const timed = async <T>(query: string, variables: Record<string, unknown>) => {
    const start = performance.now();
    const data = await graphql<T>(api!.url, office, query, variables);
    return { data, ms: performance.now() - start };
  };

  const first = await timed<Coverage>(COVERAGE, { year: ids.year });
  const c = first.data.lowerCoverage;
  const tasks = c.points.reduce((s, p) => s + p.counts.tasks, 0);
  const cells = c.points.reduce((s, p) => s + p.lowerKeyPoints.filter((n) => n > 0).length, 0);
  figure(
    'read model (what the roll-up reads)',
    `${c.lowers.length} cities, ${c.points.length} province key points, ${cells} cells, ${tasks} lower tasks`,
    `${cities.length} cities`,
    c.lowers.length === cities.length && tasks > 0,
  );
  figure(`first read, every city taken in (${cities.length} copies)`, ms(first.ms));
  // What every read writes to the socket (the JSON as the API sends it, give or take its envelope).
  figure(
    'coverage answer',
    `${(Buffer.byteLength(JSON.stringify({ data: first.data })) / 1024).toFixed(0)} KB of JSON`,
  );
  // Any write of a city moves its revision; the next read takes that city in again (median of 5).
  const afterWrite: number[] = [];
  for (let i = 0; i < 5; i++) {
    await pool.query(`UPDATE scorecard_revision SET revision = revision + 1 WHERE tenant_id = $1`, [
      cities[i % cities.length],
    ]);
    afterWrite.push((await timed(COVERAGE, { year: ids.year })).ms);
  }
  figure('read after one city changed (median of 5)', ms(afterWrite.sort((a, b) => a - b)[2]!));

  const keyPointId = c.points[0]!.keyPointId;
  // The plain reads ask for no encoding (as before); the browser's read sends Chromium's Accept-Encoding,
  // as the web page does, to take compressed answers wherever the API sends them.
  const browser = { 'accept-encoding': 'gzip, deflate, br, zstd' };
  const concurrency = Number(values.concurrency);
  const reads = [
    {
      name: 'coverage and roll-up (lowerCoverage)',
      query: COVERAGE,
      variables: { year: ids.year },
      at: [1, concurrency],
    },
    {
      name: 'coverage and roll-up, as a browser asks (Accept-Encoding)',
      query: COVERAGE,
      variables: { year: ids.year },
      at: [concurrency],
      headers: browser,
    },
    {
      name: 'drill-down of one key point (lowerRollupDetail)',
      query: DETAIL,
      variables: { keyPointId },
      at: [1, concurrency],
    },
  ];
  for (const read of reads) {
    for (const connections of read.at) {
      const fromUs = monotonicUs();
      const g = await measureLoad(
        {
          url: api.url,
          connections,
          seconds: Number(values.seconds),
          sessions: [office],
          operations: [{ name: read.name, query: read.query, variables: read.variables }],
          headers: read.headers,
        },
        api.pid,
      );
      profileWindows.push({ name: `${read.name} @${connections}`, fromUs, toUs: monotonicUs(), requests: g.requests });
      if (g.firstError) log(`${read.name}: ${g.firstError}`);
      figure(
        `${read.name} @${connections} p50/p95/p99`,
        g.summary,
        `p95 ≤ ${TARGET_MS} ms`,
        g.p95 <= TARGET_MS && g.errors === 0,
      );
    }
  }
} finally {
  await api?.stop();
  await pool.end();
  await db.stop();
}
// The profile is written when the API exits.
const profile = profileDir ? newestProfile(profileDir) : null;
if (profile) for (const line of summariseProfile(profile, profileWindows, 15)) log(line);
printFigures(figures);
