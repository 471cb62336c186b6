// The synthetic data set: one province tenant plus filler city tenants up to a total task count.
// Each tenant is written in its own transaction; two tenants load at a time (one per core).
import pg from 'pg';
import { hashPassword } from '../../apps/api/src/modules/auth/password.js';
import { Prng } from '@duban/domain';
import { expectedTasks, FILLER_SHAPE, PROVINCE_SHAPE, type ShapeSize, type TenantShape } from './tenant-shape.js';
import { writeTenant } from './tenant-writer.js';
import { placeName } from './vocabulary.js';

/** Every generated user signs in with this password (hashed once, reused for all rows). */
export const SYNTH_PASSWORD = 'Synth2026pass';

export interface SynthOptions {
  databaseUrl: string;
  seed: number;
  /** 'YYYY-MM-DD': every generated event happens before this day. */
  today: string;
  totalTasks: number;
  provinceOnly: boolean;
  replace: boolean;
  codePrefix: string;
  province: ShapeSize;
  filler: ShapeSize;
  concurrency: number;
  batchRows: number;
  log: (line: string) => void;
}

export const DEFAULT_SYNTH_OPTIONS: Omit<SynthOptions, 'databaseUrl'> = {
  seed: 42,
  today: '2026-11-23',
  totalTasks: 1_000_000,
  provinceOnly: false,
  replace: false,
  codePrefix: 'synth',
  province: PROVINCE_SHAPE,
  filler: FILLER_SHAPE,
  concurrency: 2,
  batchRows: 20_000,
  log: (line) => console.log(line),
};

export interface SynthResult {
  tenants: { code: string; tasks: number }[];
  rows: Record<string, number>;
  seconds: number;
}

export function provinceCode(prefix: string): string {
  return `${prefix}-province`;
}

/** The tenants a run writes, deterministic for a seed. */
export function planTenants(
  o: Pick<SynthOptions, 'seed' | 'totalTasks' | 'provinceOnly' | 'codePrefix' | 'province' | 'filler'>,
): TenantShape[] {
  const rng = Prng.derive(o.seed, 0xfeed);
  const names = new Set<string>();
  const tenants: TenantShape[] = [
    {
      ...PROVINCE_SHAPE,
      ...o.province,
      level: 'province',
      code: provinceCode(o.codePrefix),
      govName: `${placeName(rng, names)}省`,
    },
  ];
  if (!o.provinceOnly) {
    const remaining = o.totalTasks - expectedTasks(o.province);
    const fillers = Math.max(0, Math.ceil(remaining / expectedTasks(o.filler)));
    for (let i = 1; i <= fillers; i++) {
      tenants.push({
        ...FILLER_SHAPE,
        ...o.filler,
        level: 'city',
        code: `${o.codePrefix}-city-${String(i).padStart(3, '0')}`,
        govName: `${placeName(rng, names)}市`,
      });
    }
  }
  return tenants;
}

async function removeTenant(client: pg.ClientBase, tenantId: string): Promise<void> {
  // audit_log is append-only by trigger, and deleting in dependency order by hand would need every
  // future table listed: as the (superuser) loader, skip triggers and clear every tenant-owned table.
  await client.query(`SET LOCAL session_replication_role = replica`);
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND c.column_name = 'tenant_id' AND t.table_type = 'BASE TABLE'`,
  );
  for (const r of rows)
    await client.query(`DELETE FROM ${client.escapeIdentifier(r.table_name)} WHERE tenant_id = $1`, [tenantId]);
  await client.query(`DELETE FROM tenant WHERE id = $1`, [tenantId]);
  await client.query(`SET LOCAL session_replication_role = origin`);
}

export async function generateSynthData(
  options: Partial<SynthOptions> & { databaseUrl: string },
): Promise<SynthResult> {
  const o: SynthOptions = { ...DEFAULT_SYNTH_OPTIONS, ...options };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(o.today)) throw new Error(`--today must be YYYY-MM-DD, got ${o.today}`);
  const started = performance.now();
  const tenants = planTenants(o);
  const pool = new pg.Pool({ connectionString: o.databaseUrl, max: o.concurrency + 1 });
  try {
    const { rows: existing } = await pool.query<{ id: string; code: string }>(
      `SELECT id, code FROM tenant WHERE code = ANY($1)`,
      [tenants.map((t) => t.code)],
    );
    if (existing.length > 0 && !o.replace) {
      throw new Error(
        `tenant ${existing
          .map((e) => e.code)
          .slice(0, 3)
          .join(', ')}${existing.length > 3 ? ' …' : ''} already exists: pass --replace to regenerate`,
      );
    }
    const existingId = new Map(existing.map((e) => [e.code, e.id]));
    const passwordHash = await hashPassword(SYNTH_PASSWORD);
    const rows: Record<string, number> = {};
    const done: SynthResult['tenants'] = [];
    let next = 0;
    let tasksSoFar = 0;
    const worker = async () => {
      const client = await pool.connect();
      try {
        for (let i = next++; i < tenants.length; i = next++) {
          const shape = tenants[i];
          const t0 = performance.now();
          await client.query('BEGIN');
          try {
            // Losing the last seconds of a load on a crash is fine; waiting for every fsync is not.
            await client.query('SET LOCAL synchronous_commit = off');
            const old = existingId.get(shape.code);
            if (old) await removeTenant(client, old);
            const counts = await writeTenant(client, shape, {
              seed: o.seed,
              tenantIndex: i,
              today: o.today,
              passwordHash,
              batchRows: o.batchRows,
            });
            await client.query('COMMIT');
            for (const [table, n] of Object.entries(counts)) rows[table] = (rows[table] ?? 0) + n;
            done.push({ code: shape.code, tasks: counts.task });
            tasksSoFar += counts.task;
            const secs = (performance.now() - started) / 1000;
            o.log(
              `${shape.code}: ${counts.task} tasks, ${counts.progress_report} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s ` +
                `(${done.length}/${tenants.length} tenants, ${tasksSoFar} tasks, ${secs.toFixed(0)} s, ${((secs / tasksSoFar) * 100_000).toFixed(1)} s per 100k tasks)`,
            );
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: Math.min(o.concurrency, tenants.length) }, worker));
    const a0 = performance.now();
    await pool.query('ANALYZE');
    o.log(`ANALYZE in ${((performance.now() - a0) / 1000).toFixed(1)} s`);
    done.sort((a, b) => a.code.localeCompare(b.code));
    return { tenants: done, rows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await pool.end();
  }
}
