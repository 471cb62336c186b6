import { resolveUnits, type ParsedItem, type UnitDirectory } from '@duban/plan-parser';
import type { TaskRole } from '../../common/enums.js';
import { unitNameKey } from './names/unit-name-key.js';

export interface ProposedUnit {
  role: TaskRole;
  /** The name as written; a group (各市政府) gives one row per member, all with the group's name. */
  rawName: string;
  /** Null while a person has to decide (unknown or ambiguous name). */
  unitId: string | null;
}

export interface ProposedUnits {
  units: ProposedUnit[];
  /** Things a person should check, in the words of the plan's warnings list. */
  warnings: string[];
  /** Names left out because the office decided earlier to drop them. */
  dropped: string[];
}

/**
 * The office's earlier decisions, by unit name key: the units a name stands for today; an empty
 * list means "drop this name".
 */
export type DecidedNames = ReadonlyMap<string, readonly string[]>;

/**
 * The units an imported item proposes: lead names first, then responsible ones. A unit named
 * again (usually lead, then inside a group such as 省政府各部门) keeps its first, stronger role.
 * A name the office decided before is placed as decided, over what the resolver would guess.
 * Pure: the caller loads the directory and the decisions.
 */
export function proposedUnits(
  item: Pick<ParsedItem, 'label' | 'leadUnits' | 'responsibleUnits'>,
  directory: UnitDirectory,
  decided: DecidedNames = new Map(),
): ProposedUnits {
  const named = [
    ...item.leadUnits.map((name) => ({ name, role: 'LEAD' as const })),
    ...item.responsibleUnits.map((name) => ({ name, role: 'RESPONSIBLE' as const })),
  ];
  // One call for the whole item: the resolver carries a prefix from one name to the next (自治区编办、政府法制办).
  const resolution = resolveUnits(
    named.map((n) => n.name),
    directory,
  );
  const resolvedByName = new Map(resolution.resolved.map((r) => [r.name, r]));
  const units: ProposedUnit[] = [];
  const warnings: string[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  const add = (role: TaskRole, rawName: string, unitId: string) => {
    if (seen.has(unitId)) return;
    seen.add(unitId);
    units.push({ role, rawName, unitId });
  };
  for (const { name, role } of named) {
    const decision = decided.get(unitNameKey(name));
    if (decision) {
      if (!decision.length) dropped.push(name);
      for (const unitId of decision) add(role, name, unitId);
      continue;
    }
    const hit = resolvedByName.get(name);
    if (hit?.method === 'group') {
      for (const unitId of hit.unitIds) add(role, name, unitId);
      if (hit.selective)
        warnings.push(`第${item.label}项「${name}」只涉及部分单位，已列出全部同类单位，请删去不涉及的单位`);
    } else if (hit?.unitIds.length === 1) {
      add(role, name, hit.unitIds[0]);
    } else {
      units.push({ role, rawName: name, unitId: null });
    }
  }
  return { units, warnings, dropped };
}
