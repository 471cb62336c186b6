import { randomUUID } from 'node:crypto';
import { keyPointSchedule } from '@duban/domain';
import type { ParsedItem, ParsedPlan, UnitDirectory } from '@duban/plan-parser';
import type { TaskRole } from '../../common/enums.js';
import { LIMITS } from './plan-validation.js';
import { proposedUnits, type DecidedNames } from './proposed-units.js';

export interface DraftRows {
  sections: { id: string; label: string; title: string; sort: number }[];
  keyPoints: {
    id: string;
    sectionId: string | null;
    parentId: string | null;
    seq: number;
    label: string;
    title: string;
    text: string;
    dueDate: string | null;
    unitsOpenEnded: boolean;
  }[];
  deadlines: { keyPointId: string; text: string; date: string | null; sort: number }[];
  units: {
    keyPointId: string;
    role: TaskRole;
    rawName: string;
    unitId: string | null;
    sort: number;
    impliedFrom: string | null;
  }[];
  milestones: { text: string; date: string | null; sort: number }[];
  /** The parser's warnings plus those from placing unit names. */
  warnings: string[];
}

/**
 * A parsed document → the rows of a draft plan, ids made here so the whole draft goes in as a few
 * multi-row inserts. Pure. A key point's due date is its latest dated time limit, else null
 * (meaning the tenant's default, set when publishing). Names the office decided before are placed
 * as decided; the ones it dropped are left out and listed in one warning.
 */
export function draftRows(
  parsed: ParsedPlan,
  year: number,
  directory: UnitDirectory,
  decided: DecidedNames = new Map(),
): DraftRows {
  const sectionIds = new Map<string, string>();
  const sections = parsed.sections.map((s, i) => {
    const id = randomUUID();
    sectionIds.set(s.label, id);
    return { id, label: s.label, title: s.title || s.label, sort: i + 1 };
  });
  const ids = parsed.items.map(() => randomUUID());
  const rows: DraftRows = {
    sections,
    keyPoints: [],
    deadlines: [],
    units: [],
    milestones: [],
    warnings: [...parsed.warnings],
  };
  const dropped = new Map<string, number>();
  parsed.items.forEach((item, index) => {
    const id = ids[index];
    const schedule = keyPointSchedule({ planYear: year, deadlines: item.deadlines });
    rows.keyPoints.push({
      id,
      sectionId: item.section != null ? (sectionIds.get(item.section) ?? null) : null,
      parentId: parentOf(parsed.items, index, ids),
      seq: item.seq,
      label: item.label,
      title: (item.title || item.text.slice(0, 60)).slice(0, LIMITS.title) || item.label,
      text: item.text,
      dueDate: schedule.dueDateSource === 'DEADLINE' ? schedule.dueDate : null,
      unitsOpenEnded: item.unitsOpenEnded,
    });
    item.deadlines.forEach((d, i) => rows.deadlines.push({ keyPointId: id, text: d.text, date: d.date, sort: i + 1 }));
    const proposed = proposedUnits(item, directory, decided);
    rows.warnings.push(...proposed.warnings);
    for (const name of proposed.dropped) dropped.set(name, (dropped.get(name) ?? 0) + 1);
    // A unit named once for many items keeps the clause that names it.
    const implied = new Map(
      (item.impliedUnits ?? []).map((u) => [
        `${u.role === 'lead' ? 'LEAD' : 'RESPONSIBLE'}|${u.name}`,
        u.source.slice(0, 500),
      ]),
    );
    proposed.units.forEach((u, i) =>
      rows.units.push({
        keyPointId: id,
        role: u.role,
        rawName: u.rawName.slice(0, LIMITS.rawName),
        unitId: u.unitId,
        sort: i + 1,
        impliedFrom: implied.get(`${u.role}|${u.rawName}`) ?? null,
      }),
    );
  });
  rows.milestones = parsed.planMilestones.map((x, i) => ({ text: x.text, date: x.date, sort: i + 1 }));
  if (dropped.size) {
    const names = [...dropped].map(([name, n]) => `「${name}」（${n} 处）`).join('、');
    rows.warnings.push(
      `按以往的决定略去了单位名称 ${names}；如需恢复，请在“已记住的单位名称”中删除该决定后手动添加单位`,
    );
  }
  return rows;
}

/** A sub-item's parent: the nearest earlier top-level item with its parent label. */
function parentOf(items: ParsedItem[], index: number, ids: string[]): string | null {
  const label = items[index].parentLabel;
  if (!label) return null;
  for (let i = index - 1; i >= 0; i--) if (items[i].label === label && !items[i].parentLabel) return ids[i];
  return null;
}
