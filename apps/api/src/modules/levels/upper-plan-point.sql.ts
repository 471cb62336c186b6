/** A lower tenant's copy holds at most this many upper key points: a province's plans over a few years stay far below it. */
export const MAX_UPPER_POINTS = 2000;

/** An upper tenant's published key points, in its own scope: only what the lower's read model copies (no units, no tasks). */
export const UPPER_PUBLISHED_POINTS_SQL = `
  SELECT k.id, p.year AS plan_year, p.title AS plan_title, s.title AS section_title, k.seq, k.label, k.title, k.text
    FROM plan p
    JOIN key_point k ON k.tenant_id = p.tenant_id AND k.plan_id = p.id
    LEFT JOIN plan_section s ON s.tenant_id = k.tenant_id AND s.id = k.section_id
   WHERE p.tenant_id = $1 AND p.status = 'PUBLISHED'
   ORDER BY p.year DESC, p.published_at DESC, k.seq
   LIMIT $2`;

/** Replaces a lower tenant's read model with the rows given (same upper key point keeps its row id, so links survive a refresh). */
export const UPSERT_UPPER_POINTS_SQL = `
  INSERT INTO upper_plan_point (tenant_id, upper_tenant_id, source_key_point_id, plan_year, plan_title, section_title, seq, label, title, text, refreshed_at)
  SELECT $1, $2, * , now() FROM unnest($3::uuid[], $4::int[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[], $10::text[])
  ON CONFLICT (tenant_id, source_key_point_id) DO UPDATE SET
    upper_tenant_id = EXCLUDED.upper_tenant_id, plan_year = EXCLUDED.plan_year, plan_title = EXCLUDED.plan_title,
    section_title = EXCLUDED.section_title, seq = EXCLUDED.seq, label = EXCLUDED.label, title = EXCLUDED.title,
    text = EXCLUDED.text, refreshed_at = now()`;

/** A row of UPPER_PUBLISHED_POINTS_SQL: what the lower tenant copies of one upper key point. */
export interface UpperPublishedPointRow {
  id: string;
  plan_year: number;
  plan_title: string;
  section_title: string | null;
  seq: number;
  label: string;
  title: string;
  text: string;
}

/** A row of UPPER_POINT_COLUMNS: one key point of the upper plan as the lower tenant keeps it. */
export interface UpperPointRow extends UpperPublishedPointRow {
  refreshed_at: Date;
}

export const UPPER_POINT_COLUMNS = `u.id, u.plan_year, u.plan_title, u.section_title, u.seq, u.label, u.title, u.text, u.refreshed_at`;

type Sql = { query(sql: string, parameters?: unknown[]): Promise<unknown> };

/**
 * Replaces a lower tenant's copy with the upper key points read by UPPER_PUBLISHED_POINTS_SQL (none: no
 * upper). Runs inside the caller's transaction: the service's, in the lower tenant's scope, or the
 * operator CLI's after it links or unlinks.
 */
export async function replaceUpperPoints(
  db: Sql,
  lowerTenantId: string,
  upperTenantId: string | null,
  points: UpperPublishedPointRow[],
): Promise<void> {
  // Upper key points no longer published (or another upper) go, and their links with them.
  await db.query(
    `DELETE FROM upper_plan_point WHERE tenant_id = $1 AND NOT (source_key_point_id = ANY($2::uuid[]) AND upper_tenant_id IS NOT DISTINCT FROM $3)`,
    [lowerTenantId, points.map((p) => p.id), upperTenantId],
  );
  if (!points.length) return;
  const col = (k: keyof UpperPublishedPointRow) => points.map((p) => p[k]);
  await db.query(UPSERT_UPPER_POINTS_SQL, [
    lowerTenantId,
    upperTenantId,
    col('id'),
    col('plan_year'),
    col('plan_title'),
    col('section_title'),
    col('seq'),
    col('label'),
    col('title'),
    col('text'),
  ]);
}
