// The bench's province tenant: generated once into the bench database, then reused.
import type pg from 'pg';
import { generateSynthData, provinceCode } from '../../synth/synth.js';
import type { BenchIds } from './operations.js';

/** Generates the synthetic data unless the province is there already; a line about the load when it ran. */
export async function ensureProvince(
  pool: pg.Pool,
  o: { databaseUrl: string; today: string; provinceOnly: boolean; log: (line: string) => void },
): Promise<string | null> {
  const code = provinceCode('synth');
  if ((await pool.query(`SELECT 1 FROM tenant WHERE code = $1`, [code])).rowCount) {
    o.log(`reusing the data already in ${code}`);
    return null;
  }
  const result = await generateSynthData(o);
  const tasks = result.tenants.reduce((s, t) => s + t.tasks, 0);
  return `${tasks} tasks in ${result.seconds.toFixed(0)} s (${((result.seconds / tasks) * 100_000).toFixed(1)} s per 100k tasks)`;
}

/** The province, its 政务公开工作要点 of the bench's year and its first unit. */
export async function provinceIds(pool: pg.Pool, today: string): Promise<BenchIds> {
  const year = Number(today.slice(0, 4));
  const {
    rows: [ids],
  } = await pool.query(
    `SELECT t.id AS tenant_id, p.id AS plan_id, u.id AS unit_id FROM tenant t
       JOIN plan p ON p.tenant_id = t.id AND p.year = $2 AND p.title LIKE '%政务公开工作要点'
       JOIN unit u ON u.tenant_id = t.id AND u.sort = 1 WHERE t.code = $1`,
    [provinceCode('synth'), year],
  );
  return { tenantId: ids.tenant_id, planId: ids.plan_id, unitId: ids.unit_id, year, today };
}
