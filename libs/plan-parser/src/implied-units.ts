import { Span } from './span.js';
import { splitUnitList, looksLikeUnit } from './unit-names.js';

// Units written once for many items: `各市州、县市区人民政府均为责任单位，以下不再列出`, a list
// marked `（下同）`, `以下各项均需各区县政府落实`, or a clause in the preamble naming who carries out
// every item (`本要点各项任务，各县（市、区）人民政府均为责任单位`). The units so named belong, in
// the role named, to every item the clause governs: the items after it, or all of them.

export type ImpliedRole = 'lead' | 'responsible';

export interface ImpliedClause {
  /** What to leave out when reading the item's own annotation (match copy offsets). */
  start: number;
  end: number;
  role: ImpliedRole;
  units: Span[];
  /** The clause as written, shown to the office as the reason. */
  source: string;
  /** The units are also the stating item's own annotation (a list marked 下同). */
  stated: boolean;
}

// `X均为责任单位，以下不再列出` / `…，下同`: the names come right before 均为/作为, back to the
// clause's start (found by looking back from the anchor, so the scan stays linear).
const ARE_ROLE_BELOW =
  /(?:均|都|亦|也)?(?:为|是|作为)(牵头|责任|配合|协办|参与|承办)(?:单位|部门)[,;]?(?:以下|下同|后同|下文|下列|其他各项|各项|本要点|本方案)[^。;)\]]{0,12}/gu;
const CLAUSE_START = new Set(Array.from('。;:()[]\n', (c) => c.charCodeAt(0)));
// `本要点各项任务，X均为责任单位` (a preamble clause for every item, before the list of items).
const EVERY_ITEM =
  /(?:本要点|本方案|本计划|以下|下列)(?:所列)?各项(?:工作|任务|要点|事项)?[,]?([^。;:()[\]]{2,60}?)(?:均|都)(?:为|是|作为)(牵头|责任|配合|协办|参与|承办)(?:单位|部门)/gu;
// `以下各项均需X落实` / `以下各项工作均由X负责`.
const EVERY_BELOW_BY =
  /(?:以下|下列)各项(?:工作|任务)?(?:均|都)(?:需|须|要|由)?([^。;:()[\]]{2,60}?)(?:负责|牵头)?(?:落实|负责|实施)/gu;
// A unit list marked `下同` inside an annotation (`责任单位:各市政府,下同`).
const SAME_BELOW =
  /(牵头单位|责任单位|牵头部门|责任部门|配合单位)[ ]{0,2}:([^;:()[\]。]{2,90}?)[,]?(?:\(下同\)|下同)/gu;

const MAY_IMPLY = /各项|下同|以下|后同|下文|下列/u;

function unitsOf(list: Span): Span[] {
  return splitUnitList(list).units.filter((u) => looksLikeUnit(u.match));
}

/** The clauses in `text` that name units for the items after it (or, in a preamble, for every item). */
export function findImpliedClauses(text: Span): ImpliedClause[] {
  const m = text.match;
  // Every form names a role in words ending 单位/部门, or says 各项: a cheap test skips the rest.
  if (!MAY_IMPLY.test(m)) return [];
  const found: ImpliedClause[] = [];
  const add = (start: number, end: number, roleWord: string, listStart: number, listEnd: number, cutFrom = start) => {
    if (found.some((f) => start < f.end && end > f.start)) return;
    const units = unitsOf(text.slice(listStart, listEnd));
    if (!units.length) return;
    const role: ImpliedRole = roleWord.startsWith('牵头') ? 'lead' : 'responsible';
    found.push({
      start: cutFrom,
      end,
      role,
      units,
      source: text.slice(start, end).orig.trim(),
      stated: cutFrom > start,
    });
  };
  EVERY_ITEM.lastIndex = 0;
  for (let r = EVERY_ITEM.exec(m); r; r = EVERY_ITEM.exec(m)) {
    const listStart = r.index + r[0].indexOf(r[1]);
    add(r.index, r.index + r[0].length, r[2], listStart, listStart + r[1].length);
  }
  ARE_ROLE_BELOW.lastIndex = 0;
  for (let r = ARE_ROLE_BELOW.exec(m); r; r = ARE_ROLE_BELOW.exec(m)) {
    let start = r.index;
    while (start > 0 && r.index - start < 90 && !CLAUSE_START.has(m.charCodeAt(start - 1))) start--;
    if (r.index - start >= 2) add(start, r.index + r[0].length, r[1], start, r.index);
  }
  EVERY_BELOW_BY.lastIndex = 0;
  for (let r = EVERY_BELOW_BY.exec(m); r; r = EVERY_BELOW_BY.exec(m)) {
    const listStart = r.index + r[0].indexOf(r[1]);
    add(r.index, r.index + r[0].length, '责任', listStart, listStart + r[1].length);
  }
  SAME_BELOW.lastIndex = 0;
  for (let r = SAME_BELOW.exec(m); r; r = SAME_BELOW.exec(m)) {
    const listStart = r.index + r[0].indexOf(r[2], r[1].length);
    // Only the 下同 marker is left out: the list stays the item's own annotation.
    add(r.index, r.index + r[0].length, r[1], listStart, listStart + r[2].length, listStart + r[2].length);
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * `text` with the clauses blanked out of its match copy (same length, so offsets still hold): what
 * they name is not read again as the item's own annotation.
 */
export function blankClauses(text: Span, clauses: ImpliedClause[]): Span {
  if (!clauses.length) return text;
  let match = text.match;
  for (const c of clauses) match = match.slice(0, c.start) + ' '.repeat(c.end - c.start) + match.slice(c.end);
  return new Span(text.orig, match);
}
