// `npm run bench:public-page [-- --seconds 10 --concurrency 10]`: only the public page (政务公开) of the
// province plan, as `npm run bench` measures it, on the province alone (generated when missing).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startApi } from './lib/api-process.js';
import { openBenchDatabase } from './lib/bench-database.js';
import { printFigures, type Figure } from './lib/figures.js';
import { ensureProvince, provinceIds } from './lib/province.js';
import { benchPublicPage } from './lib/public-page-bench.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '10' },
    today: { type: 'string', default: '2026-11-23' },
  },
});
const log = (line: string) => console.log(`[bench] ${line}`);

const figures: Figure[] = [];
const db = await openBenchDatabase(log);
const pool = new pg.Pool({ connectionString: db.url, max: 4 });
let api: Awaited<ReturnType<typeof startApi>> | null = null;
try {
  const loaded = await ensureProvince(pool, { databaseUrl: db.url, today: values.today!, provinceOnly: true, log });
  if (loaded) figures.push({ name: 'data load', value: loaded, target: '', met: null });
  const ids = await provinceIds(pool, values.today!);
  api = await startApi(db.url);
  log(`API pid ${api.pid} at ${api.url}`);
  const load = { seconds: Number(values.seconds), concurrency: Number(values.concurrency) };
  figures.push(...(await benchPublicPage(pool, api, ids, load)));
} finally {
  await api?.stop();
  await pool.end();
  await db.stop();
}
printFigures(figures);
