import type { TaskRole } from '../../../common/enums.js';
import type { UnitKind } from '../../unit/index.js';

export const UNIT_NAME_ACTIONS = ['UNITS', 'KIND', 'DROP'] as const;
export type UnitNameAction = (typeof UNIT_NAME_ACTIONS)[number];

/** What a name as written means: these units, every unit of a kind, or nothing (drop the name). */
export interface UnitNameDecision {
  action: UnitNameAction;
  unitIds: readonly string[];
  kind: UnitKind | null;
}

/** The units a decision stands for in the directory as it is today (null: it no longer stands for any). */
export function decidedUnitIds(
  decision: UnitNameDecision,
  directory: readonly { id: string; kind: string }[],
): string[] | null {
  if (decision.action === 'DROP') return [];
  const ids =
    decision.action === 'KIND'
      ? directory.filter((u) => u.kind === decision.kind).map((u) => u.id)
      : decision.unitIds.filter((id) => directory.some((u) => u.id === id));
  return ids.length ? ids : null;
}

export interface NamedUnitRow {
  id: string | null;
  role: TaskRole;
  rawName: string;
  unitId: string | null;
  /** The clause naming the unit once for many key points (…均为责任单位，以下不再列出); the decided units keep it. */
  impliedFrom?: string | null;
}

/**
 * One key point's unit rows after deciding what `nameKey` means: its rows are replaced in place by
 * one row per decided unit (an empty list drops the name). A unit the key point already names keeps
 * one row, with the stronger role (lead wins). The order of the rest is kept. Pure.
 */
export function applyNameDecision<T extends NamedUnitRow>(
  rows: readonly T[],
  isDecidedName: (row: T) => boolean,
  unitIds: readonly string[],
): { rows: NamedUnitRow[]; removed: T[] } {
  const decided = rows.filter(isDecidedName);
  if (!decided.length) return { rows: [...rows], removed: [] };
  const role: TaskRole = decided.some((r) => r.role === 'LEAD') ? 'LEAD' : 'RESPONSIBLE';
  const rawName = decided[0].rawName;
  const impliedFrom = decided[0].impliedFrom ?? null;
  const kept = rows.filter((r) => !isDecidedName(r));
  const out: NamedUnitRow[] = [];
  let placed = false;
  for (const row of rows) {
    if (!isDecidedName(row)) {
      out.push({ ...row, role: role === 'LEAD' && row.unitId && unitIds.includes(row.unitId) ? 'LEAD' : row.role });
      continue;
    }
    if (placed) continue;
    placed = true;
    for (const unitId of unitIds) {
      if (kept.some((k) => k.unitId === unitId) || out.some((o) => o.unitId === unitId)) continue;
      out.push({ id: null, role, rawName, unitId, impliedFrom });
    }
  }
  return { rows: out, removed: decided };
}
