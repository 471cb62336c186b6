// 上下联动 at a province's scale: lower city tenants linked to the bench province, each with its own
// published plan whose key points implement the province's of the bench year, assigned to its units.
// Written in set-based SQL (the roll-up reads tasks' facts, not their history), one transaction per city
// (a run stopped half-way keeps the cities it finished and the next run adds the rest), then reused.
import type pg from 'pg';

export interface CitiesShape {
  cities: number;
  /** Key points of each city's plan, each linked to one of the province's (in order, wrapping). */
  keyPoints: number;
  /** Units per city; every key point is assigned to each of them (one task each). */
  units: number;
}

const cityCode = (i: number) => `synth-levels-${String(i + 1).padStart(2, '0')}`;

/** Creates the cities not there yet, each in its own transaction; the tasks it wrote (null: none). */
export async function ensureCities(
  pool: pg.Pool,
  o: { provinceId: string; year: number; shape: CitiesShape; log?: (line: string) => void },
): Promise<number | null> {
  const codes = Array.from({ length: o.shape.cities }, (_, c) => cityCode(c));
  const { rows: there } = await pool.query<{ code: string }>(`SELECT code FROM tenant WHERE code = ANY($1)`, [codes]);
  const missing = codes.map((_, c) => c).filter((c) => !there.some((t) => t.code === codes[c]));
  if (!missing.length) return null;
  const client = await pool.connect();
  try {
    const upper = await client.query<{ id: string; seq: number; label: string; title: string; plan_title: string }>(
      `SELECT k.id, k.seq, k.label, k.title, p.title AS plan_title FROM key_point k
         JOIN plan p ON p.tenant_id = k.tenant_id AND p.id = k.plan_id
        WHERE k.tenant_id = $1 AND p.year = $2 AND p.status <> 'DRAFT' ORDER BY p.published_at, k.seq`,
      [o.provinceId, o.year],
    );
    if (!upper.rowCount) throw new Error(`the province has no published key points in ${o.year}`);
    for (const c of missing) {
      const started = performance.now();
      await client.query('BEGIN');
      // A throw-away benchmark cluster: losing the last city on a crash is fine, waiting for each fsync is not.
      await client.query('SET LOCAL synchronous_commit = off');
      const {
        rows: [city],
      } = await client.query<{ id: string }>(
        `INSERT INTO tenant (code, name, upper_tenant_id) VALUES ($1, $2, $3) RETURNING id`,
        [cityCode(c), `合成第${c + 1}市人民政府办公室`, o.provinceId],
      );
      await client.query(
        `INSERT INTO unit (tenant_id, name, kind, sort)
         SELECT $1, '市第' || n || '承办单位', 'DEPARTMENT', n FROM generate_series(1, $2) n`,
        [city!.id, o.shape.units],
      );
      await client.query(
        `INSERT INTO upper_plan_point (tenant_id, upper_tenant_id, source_key_point_id, plan_year, plan_title, seq, label, title)
         SELECT $1, $2, x.id, $3, x.pt, x.seq, x.label, x.title
           FROM unnest($4::uuid[], $5::int[], $6::text[], $7::text[], $8::text[]) AS x(id, seq, label, title, pt)`,
        [
          city!.id,
          o.provinceId,
          o.year,
          upper.rows.map((r) => r.id),
          upper.rows.map((r) => r.seq),
          upper.rows.map((r) => r.label),
          upper.rows.map((r) => r.title),
          upper.rows.map((r) => r.plan_title),
        ],
      );
      const {
        rows: [plan],
      } = await client.query<{ id: string }>(
        `INSERT INTO plan (tenant_id, year, title, status, published_at) VALUES ($1, $2, $3, 'PUBLISHED', now()) RETURNING id`,
        [city!.id, o.year, `${o.year}年合成第${c + 1}市政务公开工作要点`],
      );
      // Key point n implements the province's n-th (wrapping), worded after it.
      await client.query(
        `INSERT INTO key_point (tenant_id, plan_id, seq, label, title)
         SELECT $1, $2, n, '(' || n || ')', '结合本市实际，' || u.title
           FROM generate_series(1, $3) n
           JOIN LATERAL (SELECT title FROM upper_plan_point WHERE tenant_id = $1 ORDER BY seq OFFSET (n - 1) % $4 LIMIT 1) u ON true`,
        [city!.id, plan!.id, o.shape.keyPoints, upper.rowCount],
      );
      await client.query(
        `INSERT INTO key_point_upper_link (tenant_id, key_point_id, upper_point_id)
         SELECT k.tenant_id, k.id, u.id FROM key_point k
           JOIN LATERAL (SELECT id FROM upper_plan_point WHERE tenant_id = k.tenant_id ORDER BY seq OFFSET (k.seq - 1) % $2 LIMIT 1) u ON true
          WHERE k.tenant_id = $1`,
        [city!.id, upper.rowCount],
      );
      // Due dates spread over the year; most of what fell due is done (one in ten overdue), a third of the rest.
      await client.query(
        `INSERT INTO task (tenant_id, plan_id, key_point_id, unit_id, role, status, progress, assigned_on, due_date, original_due_date, light, completed_at, last_report_at)
         SELECT t.tenant_id, t.plan_id, t.kp, t.unit, 'LEAD', t.status, CASE WHEN t.status = 'DONE' THEN 100 ELSE 30 END,
                make_date($2, 1, 15), t.due, t.due,
                CASE WHEN t.status = 'DONE' THEN 'DONE' WHEN t.due < current_date THEN 'RED' WHEN t.due < current_date + 14 THEN 'YELLOW' ELSE 'GREEN' END,
                CASE WHEN t.status = 'DONE' THEN least(t.due, current_date)::timestamptz END,
                CASE WHEN t.status <> 'NOT_STARTED' THEN least(t.due, current_date)::timestamptz END
           FROM (
             SELECT s.*, CASE
                      WHEN s.due < current_date THEN CASE WHEN s.draw < 1 THEN 'IN_PROGRESS' ELSE 'DONE' END
                      ELSE (ARRAY['DONE','DONE','DONE','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','IN_PROGRESS','NOT_STARTED','NOT_STARTED','NOT_STARTED'])[1 + s.draw]
                    END AS status
               FROM (
                 SELECT k.tenant_id, k.plan_id, k.id AS kp, u.id AS unit,
                        make_date($2, 2, 1) + ((k.seq * 7 + u.sort * 13) % 330) AS due,
                        (k.seq * 31 + u.sort * 17) % 10 AS draw
                   FROM key_point k JOIN unit u ON u.tenant_id = k.tenant_id
                  WHERE k.tenant_id = $1
               ) s
           ) t`,
        [city!.id, o.year],
      );
      await client.query(
        `INSERT INTO scorecard_revision (tenant_id, revision) VALUES ($1, 1)
         ON CONFLICT (tenant_id) DO UPDATE SET revision = scorecard_revision.revision + 1`,
        [city!.id],
      );
      await client.query('COMMIT');
      o.log?.(
        `${cityCode(c)}: ${o.shape.keyPoints * o.shape.units} tasks in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  return missing.length * o.shape.keyPoints * o.shape.units;
}

/** The cities' ids, for moving one city's revision (what any of its writes does). */
export async function cityIds(pool: pg.Pool, provinceId: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM tenant WHERE upper_tenant_id = $1 AND code LIKE 'synth-levels-%' ORDER BY code`,
    [provinceId],
  );
  return rows.map((r) => r.id);
}
