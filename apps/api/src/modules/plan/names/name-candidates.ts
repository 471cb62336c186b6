import { resolveUnits } from '@duban/plan-parser';
import type { UnitModel } from '../../unit/index.js';
import { toUnitDirectory } from '../unit-directory.js';

/**
 * Below this the "closest" unit is a guess no one would take (各州人民政府 → 省政府办公厅 scored 0.33,
 * 昆明市人民政府 → 沈阳市人民政府 0.5); a misspelt name (省自然资源局 → 省自然资源厅) scores 0.8.
 */
export const MIN_CANDIDATE_SCORE = 0.6;

/**
 * The units an unresolved name may mean in today's directory (units added since the import count):
 * the units it now resolves to, else the closest ones that are similar enough. Pure.
 */
export function nameCandidates(name: string, directory: readonly UnitModel[]): { unit: UnitModel; score: number }[] {
  const byId = new Map(directory.map((u) => [u.id, u]));
  const result = resolveUnits([name], toUnitDirectory(directory));
  const hit = result.resolved[0];
  const scored = hit
    ? hit.unitIds.map((unitId) => ({ unitId, score: 1 }))
    : (result.unresolved[0]?.candidates ?? []).filter((c) => c.score >= MIN_CANDIDATE_SCORE);
  return scored.filter((c) => byId.has(c.unitId)).map((c) => ({ unit: byId.get(c.unitId)!, score: c.score }));
}
