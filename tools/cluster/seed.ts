// The tenant the load generator works in: a small synthetic province (the benchmarks' generator) whose
// people sign in through the API like real users. Evidence URLs are dropped: the daily run re-checks
// them, and the harness sends no traffic beyond this machine.
import pg from 'pg';
import { generateSynthData, provinceCode, SYNTH_PASSWORD } from '../synth/synth.js';

export const CLUSTER_TENANT_PREFIX = 'cluster';

export interface Actor {
  username: string;
  kind: 'liaison' | 'office';
  taskIds: string[];
}

export interface SeededTenant {
  code: string;
  id: string;
  password: string;
  actors: Actor[];
}

export async function seedTenant(directUrl: string, today: string): Promise<SeededTenant> {
  const code = provinceCode(CLUSTER_TENANT_PREFIX);
  await generateSynthData({
    databaseUrl: directUrl,
    seed: 21,
    today,
    provinceOnly: true,
    codePrefix: CLUSTER_TENANT_PREFIX,
    province: { units: 12, years: 1, keyPointsPerYear: 16, unitsPerKeyPoint: 4, reportsPerTask: 1 },
    concurrency: 1,
    log: () => undefined,
  });
  const client = new pg.Client({ connectionString: directUrl });
  await client.connect();
  try {
    const {
      rows: [tenant],
    } = await client.query<{ id: string }>(`SELECT id FROM tenant WHERE code = $1`, [code]);
    await client.query(`DELETE FROM report_evidence WHERE tenant_id = $1 AND kind = 'URL'`, [tenant.id]);
    const open = `t.status IN ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED')`;
    const { rows: liaisons } = await client.query<{ username: string; task_ids: string[] }>(
      `SELECT u.username, (array_agg(t.id ORDER BY t.id))[1:6] AS task_ids
         FROM app_user u JOIN task t ON t.tenant_id = u.tenant_id AND t.unit_id = u.unit_id AND ${open}
        WHERE u.tenant_id = $1 AND u.role = 'UNIT_LIAISON'
        GROUP BY u.username ORDER BY count(*) DESC, u.username LIMIT 4`,
      [tenant.id],
    );
    const {
      rows: [office],
    } = await client.query<{ task_ids: string[] }>(
      `SELECT (array_agg(t.id ORDER BY t.id))[1:12] AS task_ids FROM task t WHERE t.tenant_id = $1 AND ${open}`,
      [tenant.id],
    );
    const actors: Actor[] = [
      ...liaisons.map((l) => ({ username: l.username, kind: 'liaison' as const, taskIds: l.task_ids })),
      { username: 'staff', kind: 'office', taskIds: office.task_ids },
      { username: 'office', kind: 'office', taskIds: [...office.task_ids].reverse() },
    ];
    if (liaisons.length === 0 || !office.task_ids?.length)
      throw new Error('the seeded tenant has no open tasks to report on');
    return { code, id: tenant.id, password: SYNTH_PASSWORD, actors };
  } finally {
    await client.end();
  }
}
