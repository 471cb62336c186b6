import { parsePlan } from '@duban/plan-parser';
import type { Deadline, ParsedItem } from '@duban/plan-parser';

/** A sentence or line the office marked as a key point, read like the parser reads an item. */
export type MarkedKeyPoint = Pick<
  ParsedItem,
  'label' | 'title' | 'text' | 'leadUnits' | 'responsibleUnits' | 'unitsOpenEnded' | 'deadlines'
>;

const ITEM_LABEL =
  /^\s*(?:[（(]\s*([一二三四五六七八九十百零〇\d]+)\s*[)）]|(\d+)\s*[.．、]|([一二三四五六七八九十百]+)\s*[、.．])\s*/u;
const SECTION_LABEL = /^\s*([一二三四五六七八九十百]+)\s*[、.．]\s*/u;
const TRAILING = /[\s。；;，,：:]+$/u;

/** Hard-wrapped lines of a selection joined back into one paragraph. */
const joinLines = (s: string) => s.replace(/\s*\n\s*/gu, '').trim();

/**
 * Reads a marked passage as the parser reads a numbered item (units from its annotation, time limits
 * and their dates): an unnumbered passage is given a number for the parser, and keeps none.
 */
export function readMarkedKeyPoint(passage: string, year: number): MarkedKeyPoint {
  const joined = joinLines(passage);
  const m = ITEM_LABEL.exec(joined);
  const label = m ? (m[1] ? `(${m[1]})` : m[2] ? `${m[2]}.` : `${m[3]}、`) : '';
  const body = m ? joined.slice(m[0].length) : joined;
  const items = parsePlan(`1.${body}`, { year }).items;
  const unique = (xs: string[]) => [...new Set(xs)];
  const deadlines = new Map<string, Deadline>();
  for (const item of items) for (const d of item.deadlines) deadlines.set(d.text, d);
  return {
    label,
    title: (items[0]?.title || body.split(/[。；;]/u)[0]).replace(TRAILING, '').slice(0, 300) || body.slice(0, 60),
    text: body,
    leadUnits: unique(items.flatMap((i) => i.leadUnits)),
    responsibleUnits: unique(items.flatMap((i) => i.responsibleUnits)),
    unitsOpenEnded: items.some((i) => i.unitsOpenEnded),
    deadlines: [...deadlines.values()],
  };
}

/** A marked heading: `一、围绕…` → label 一 and its title. */
export function readMarkedSection(passage: string): { label: string | null; title: string } {
  const joined = joinLines(passage);
  const m = SECTION_LABEL.exec(joined);
  return {
    label: m ? m[1] : null,
    title: (m ? joined.slice(m[0].length) : joined).replace(TRAILING, '').slice(0, 300),
  };
}

export interface Placed {
  id: string;
  /** Position in the source, null when it cannot be found there (added by hand). */
  at: number | null;
}

/**
 * Where something found at `at` goes among `placed` (in their current order): after the last one
 * found before it, else before the first one found after it, else at the end. Returns the index
 * of the new entry.
 */
export function insertionIndex(placed: readonly Placed[], at: number): number {
  let lastBefore = -1;
  let firstAfter = -1;
  placed.forEach((p, i) => {
    if (p.at === null) return;
    if (p.at < at) lastBefore = i;
    else if (firstAfter < 0) firstAfter = i;
  });
  if (lastBefore >= 0) return lastBefore + 1;
  if (firstAfter >= 0) return firstAfter;
  return placed.length;
}
