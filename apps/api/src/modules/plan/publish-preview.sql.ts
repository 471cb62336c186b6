import type { PublishPreviewModel } from './dto/publish-preview.model.js';
import { unitNameKey } from './names/unit-name-key.js';

/**
 * Per plan ($2): what publishing would create. A key point "without units" is one with no unit row
 * and no sub-items (a parent item is carried by its sub-items). Tasks are distinct (key point, unit).
 * Unresolved names are counted once per name (a name decided once for the draft), occurrences apart.
 */
export const PUBLISH_PREVIEW_SQL = `
  SELECT p.id AS plan_id,
    (SELECT count(*) FROM key_point k WHERE k.tenant_id = p.tenant_id AND k.plan_id = p.id)::int AS key_points,
    (SELECT count(DISTINCT (ku.key_point_id, ku.unit_id)) FROM key_point_unit ku
       JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
      WHERE k.tenant_id = p.tenant_id AND k.plan_id = p.id AND ku.unit_id IS NOT NULL)::int AS tasks_to_create,
    (SELECT count(DISTINCT ku.unit_id) FROM key_point_unit ku
       JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
      WHERE k.tenant_id = p.tenant_id AND k.plan_id = p.id)::int AS units_involved,
    (SELECT count(*) FROM key_point k WHERE k.tenant_id = p.tenant_id AND k.plan_id = p.id
        AND NOT EXISTS (SELECT 1 FROM key_point_unit ku WHERE ku.tenant_id = k.tenant_id AND ku.key_point_id = k.id)
        AND NOT EXISTS (SELECT 1 FROM key_point c WHERE c.tenant_id = k.tenant_id AND c.parent_id = k.id))::int AS without_units,
    (SELECT count(*) FROM key_point_unit ku
       JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
      WHERE k.tenant_id = p.tenant_id AND k.plan_id = p.id AND ku.unit_id IS NULL)::int AS unresolved,
    (SELECT coalesce(array_agg(DISTINCT ku.raw_name), '{}') FROM key_point_unit ku
       JOIN key_point k ON k.tenant_id = ku.tenant_id AND k.id = ku.key_point_id
      WHERE k.tenant_id = p.tenant_id AND k.plan_id = p.id AND ku.unit_id IS NULL) AS unresolved_names
  FROM plan p
  WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`;

/** A row of PUBLISH_PREVIEW_SQL. */
export interface PublishPreviewRow {
  plan_id: string;
  key_points: number;
  tasks_to_create: number;
  units_involved: number;
  without_units: number;
  unresolved: number;
  unresolved_names: string[];
}

export function toPublishPreview(row: PublishPreviewRow | null): PublishPreviewModel {
  return {
    planId: row?.plan_id ?? null,
    keyPoints: row?.key_points ?? 0,
    tasksToCreate: row?.tasks_to_create ?? 0,
    unitsInvolved: row?.units_involved ?? 0,
    keyPointsWithoutUnits: row?.without_units ?? 0,
    unresolvedNames: new Set<string>((row?.unresolved_names ?? []).map(unitNameKey)).size,
    unresolvedOccurrences: row?.unresolved ?? 0,
  };
}
