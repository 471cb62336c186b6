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

export const UPPER_POINT_COLUMNS = `u.id, u.plan_year, u.plan_title, u.section_title, u.seq, u.label, u.title, u.text, u.refreshed_at`;
