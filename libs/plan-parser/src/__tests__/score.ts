import type { ParsedPlan } from '../types.js';

// Scores a parse against a hand-checked expectation the way ../shared/tools/eval-parse.mjs does:
// items aligned by (section, label), F1 of units, roles and dated time limits, share of equal titles.
// On top of it, an expectation may mark what a careful reader cannot settle from the text alone:
// `optional` time limits count neither way (as in eval-parse), an item's `ambiguous` fields
// ('units', 'deadlines', 'title') and the document's `ambiguousFields` are left out of the score.

export interface GoldDeadline {
  text: string;
  date: string | null;
  optional?: boolean;
}

export interface GoldItem {
  section: string | null;
  label: string;
  parentLabel?: string;
  title: string;
  leadUnits: string[];
  responsibleUnits: string[];
  deadlines: GoldDeadline[];
  ambiguous?: Array<'units' | 'deadlines' | 'title'>;
}

export interface Gold {
  file: string;
  title?: string | null;
  year?: number | null;
  issuer?: string | null;
  docNumber?: string | null;
  sections?: Array<{ label: string; title: string }>;
  items: GoldItem[];
  planMilestones?: GoldDeadline[];
  ambiguousFields?: string[];
}

export interface Score {
  items: number;
  goldItems: number;
  units: number;
  roles: number;
  deadlines: number;
  titles: number;
}

const norm = (s: unknown) =>
  String(s ?? '')
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[。;;,,、]+$/u, '');

export function f1(pred: string[], gold: string[]): number {
  const g = new Map<string, number>();
  for (const x of gold) g.set(x, (g.get(x) ?? 0) + 1);
  let tp = 0;
  for (const x of pred) {
    const n = g.get(x) ?? 0;
    if (n > 0) {
      tp++;
      g.set(x, n - 1);
    }
  }
  if (!pred.length && !gold.length) return 1;
  const p = pred.length ? tp / pred.length : 0;
  const r = gold.length ? tp / gold.length : 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function keyed<T extends { section?: string | null; label: string }>(items: T[]): Array<[string, T]> {
  const seen = new Map<string, number>();
  return items.map((it) => {
    const base = `${norm(it.section)}/${norm(it.label)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return [n > 1 ? `${base}#${n}` : base, it];
  });
}

export function score(plan: ParsedPlan, gold: Gold): Score {
  const parents = new Set(
    gold.items.filter((x) => x.parentLabel).map((x) => `${norm(x.section)}/${norm(x.parentLabel)}`),
  );
  const pi = keyed(plan.items);
  const predKeys = new Set(pi.map(([k]) => k));
  // A gold item that only groups numbered sub-items may be left out by the parser (as in eval-parse).
  const gi = keyed(gold.items).filter(
    ([k, it]) => !(parents.has(k) && !predKeys.has(k) && !it.leadUnits.length && !it.responsibleUnits.length),
  );
  const goldByKey = new Map(gi);
  const predByKey = new Map(pi);
  const skip = (k: string, field: 'units' | 'deadlines' | 'title') =>
    goldByKey.get(k)?.ambiguous?.includes(field) ?? false;
  const unitsP: string[] = [],
    unitsG: string[] = [],
    rolesP: string[] = [],
    rolesG: string[] = [],
    dlP: string[] = [],
    dlG: string[] = [];
  const dl = (k: string, d: { date: string | null; text: string }) => `${k}|${d.date ?? 'rule:' + norm(d.text)}`;
  for (const [k, it] of pi) {
    if (!skip(k, 'units')) {
      for (const u of it.leadUnits) (unitsP.push(`${k}|${norm(u)}`), rolesP.push(`${k}|L|${norm(u)}`));
      for (const u of it.responsibleUnits) (unitsP.push(`${k}|${norm(u)}`), rolesP.push(`${k}|R|${norm(u)}`));
    }
    if (!skip(k, 'deadlines')) for (const d of it.deadlines) dlP.push(dl(k, d));
  }
  let titled = 0;
  let titleOk = 0;
  for (const [k, it] of gi) {
    if (!skip(k, 'units')) {
      for (const u of it.leadUnits) (unitsG.push(`${k}|${norm(u)}`), rolesG.push(`${k}|L|${norm(u)}`));
      for (const u of it.responsibleUnits) (unitsG.push(`${k}|${norm(u)}`), rolesG.push(`${k}|R|${norm(u)}`));
    }
    if (!skip(k, 'deadlines')) {
      for (const d of it.deadlines) {
        if (d.optional) {
          const i = dlP.indexOf(dl(k, d));
          if (i >= 0) dlP.splice(i, 1);
        } else dlG.push(dl(k, d));
      }
    }
    if (!skip(k, 'title') && !gold.ambiguousFields?.includes('titles')) {
      titled++;
      if (norm(predByKey.get(k)?.title) === norm(it.title)) titleOk++;
    }
  }
  if (Array.isArray(gold.planMilestones) && !gold.ambiguousFields?.includes('planMilestones')) {
    for (const d of plan.planMilestones) dlP.push(dl('@plan', d));
    for (const d of gold.planMilestones) dlG.push(dl('@plan', d));
  }
  return {
    items: pi.length,
    goldItems: gi.length,
    units: f1(unitsP, unitsG),
    roles: f1(rolesP, rolesG),
    deadlines: f1(dlP, dlG),
    titles: titled ? titleOk / titled : 1,
  };
}

/** Exact on every compared field: the bar every wild document is held to. */
export const exact = (s: Score) =>
  s.items === s.goldItems && s.units === 1 && s.roles === 1 && s.deadlines === 1 && s.titles >= 0.9;
