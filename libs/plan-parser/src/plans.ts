import type { Line } from './header.js';
import type { Span } from './span.js';
import { readLabel } from './labels.js';

// Offices publish a plan inside the notice that issues it: `关于印发《X》的通知`, addressees, a
// paragraph or a few numbered requirements of its own, the signature and date, then the plan under
// its own title. Everything before that title is the wrapper: it gives the title, issuer and 文号
// but never a section or an item. A notice may issue several plans, each under its own title.

export interface PlanRange {
  /** Index of the plan's own title line, or -1 when the document has no notice around the plan. */
  titleIndex: number;
  start: number;
  end: number;
}

export interface DocumentPlans {
  lines: Line[];
  /** Index of the notice's title line, or -1. */
  noticeIndex: number;
  plans: PlanRange[];
}

const NOTICE = /关于(?:印发|转发|下发|发布|公布|修订印发)(.{2,90}?)的(?:通知|函)/u;
const NAMED = /《([^《》]{4,80})》/gu;
// What the issued document is called: a plan, a task division, a work arrangement.
export const PLAN_WORD = /(?:要点|方案|分工|分解表|任务表|安排|计划|清单|任务|措施)$/u;
// Characters after which a title may start inside a line: line start, bracket, sentence end, a date's 日, a 文号's 号.
const TITLE_BOUNDARY = new Set(Array.from(')]。日号: ', (c) => c.charCodeAt(0)));
const HOW_FAR = 60;

const compact = (s: string) => s.replace(/\s+/gu, '');

/**
 * The names of the documents a notice issues: `关于印发X的通知`, `现将《X》印发…` (whatever X is
 * called), and other `《X》` in the notice that end in a plan word.
 */
function issuedNames(lines: Line[], notice: number, upTo: number): string[] {
  const names = new Set<string>();
  const add = (raw: string, anyName: boolean) => {
    const name = compact(raw).replace(/^《|》$/gu, '');
    if (name.length >= 4 && (anyName || PLAN_WORD.test(name)) && !name.includes('《') && !/通知$/u.test(name))
      names.add(name);
  };
  const title = NOTICE.exec(noticeText(lines, notice));
  if (title) {
    add(title[1], true);
    // `关于转发国务院办公厅2020年政务公开工作要点的通知`: the plan title is the part after the issuer.
    const forwarded = /^.{2,20}?(?:办公厅|办公室|人民政府|政府)((?:19|20)\d{2}.+)$/u.exec(compact(title[1]));
    if (forwarded) add(forwarded[1], true);
  }
  // The notice's text as one string (a name may be wrapped across lines: `《…工作要` / `点》`), up
  // to its date and no further than a few thousand characters.
  let m = '';
  for (let i = notice; i < Math.min(upTo, notice + HOW_FAR) && m.length < 6000; i++) {
    m += lines[i].span.match;
    if (i > notice && DATE.test(lines[i].span.match)) break;
  }
  NAMED.lastIndex = 0;
  for (let r = NAMED.exec(m); r; r = NAMED.exec(m)) {
    const before = m.slice(Math.max(0, r.index - 2), r.index);
    const after = m.slice(r.index + r[0].length, r.index + r[0].length + 2);
    add(r[1], /将$/u.test(before) || /^(?:印发|转发|已经|和《|、《|及《)/u.test(after));
  }
  return [...names];
}

/** The notice title at `i`, with the next line when the title was broken after 关于印发. */
function noticeText(lines: Line[], i: number): string {
  const m = lines[i].span.match;
  return NOTICE.test(m) || i + 1 >= lines.length ? m : m + lines[i + 1].span.match;
}

/** Where a plan's own title starts in a line: at its start, or after a boundary (a flattened copy). */
function titleAt(span: Span, names: string[]): { at: number; length: number; name: string } | null {
  const m = span.match;
  for (const name of names) {
    for (let at = m.indexOf(name[0]); at >= 0; at = m.indexOf(name[0], at + 1)) {
      if (at > 0 && !TITLE_BOUNDARY.has(m.charCodeAt(at - 1))) continue;
      // Compare ignoring the spaces PDF copies put inside titles.
      let k = at;
      let n = 0;
      while (k < m.length && n < name.length) {
        if (m.charCodeAt(k) === 0x20) k++;
        else if (m[k] === name[n]) {
          k++;
          n++;
        } else break;
      }
      if (n < name.length) continue;
      const after = m.slice(k, k + 3);
      // Inside `关于印发…的通知` or a 《》 quote the name refers to the plan; it is not its title.
      if (after.startsWith('的') || after.startsWith('》') || (at > 0 && m[at - 1] === '《')) continue;
      return { at, length: k - at, name };
    }
  }
  return null;
}

/** A stand-alone title line of the plan when the notice names it differently (typos, 简称). */
function looksLikePlanTitle(match: string): boolean {
  return (
    !readLabel(match) &&
    match.length >= 6 &&
    match.length <= 80 &&
    PLAN_WORD.test(match) &&
    !/[。,;:!?]/u.test(match) &&
    !/^关于.*的通知|通知$/u.test(match)
  );
}

const DATE = /(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日/u;

/**
 * Finds the notice around the plan(s) and each plan's title. Lines holding a title after other text
 * (a flattened copy) are cut there, so the returned lines may differ from the input.
 */
export function findPlans(input: Line[]): DocumentPlans {
  let lines = input;
  const noticeIndex = lines.findIndex(
    (l, i) => i < HOW_FAR && !l.noise && /关于/u.test(l.span.match) && NOTICE.test(noticeText(lines, i)),
  );
  if (noticeIndex < 0) return { lines, noticeIndex, plans: [{ titleIndex: -1, start: 0, end: lines.length }] };
  const names = issuedNames(lines, noticeIndex, lines.length);
  // Names that are one another's ending (`国务院办公厅2020年…要点` / `2020年…要点`) are one plan.
  const identity = (name: string) => names.find((other) => other !== name && name.endsWith(other)) ?? name;
  const seen = new Set<string>();
  const titles: number[] = [];
  let dated = false;
  const identities = new Set(names.map(identity));
  // The last line mentioning each name, found once (a title is not followed by its own name).
  const mentions = new Map<string, number>();
  const lastMention = (name: string) => {
    let at = mentions.get(name);
    if (at === undefined) {
      at = -1;
      for (let k = lines.length - 1; k > noticeIndex && at < 0; k--) if (lines[k].span.match.includes(name)) at = k;
      mentions.set(name, at);
    }
    return at;
  };
  // A line holds a title only if it has a name's first characters (spaces aside): most lines fail this.
  const heads = names.map((n) => n.slice(0, 3));
  for (let i = noticeIndex; i < lines.length; i++) {
    if (titles.length && seen.size >= identities.size) break;
    const line = lines[i];
    if (line.noise || line.table) continue;
    const m = line.span.match;
    if (i !== noticeIndex && titles.length && !heads.some((h) => m.includes(h))) continue;
    let from = 0;
    if (i === noticeIndex || /的(?:通知|函)$/u.test(m)) {
      // The notice's own title (or its second line) is not the plan's; a flattened copy may carry
      // the plan's title later in the same line.
      const t = NOTICE.exec(m);
      if (!t) {
        dated ||= DATE.test(m);
        continue;
      }
      from = t.index + t[0].length;
    }
    const found = titleAt(
      from ? line.span.slice(from) : line.span,
      names.filter((n) => !seen.has(identity(n))),
    );
    if (found) {
      const at = from + found.at;
      if (at > 0) {
        lines = cutAt(lines, i, at);
        continue; // the title now starts the next line
      }
      if (found.length < line.span.length) lines = cutAt(lines, i, found.length);
      seen.add(identity(found.name));
      titles.push(i);
      continue;
    }
    // A title line that ends with the name the notice gives (`中国气象局` + `2021年政务公开工作要点`).
    const named = looksLikePlanTitle(m)
      ? names.find((n) => !seen.has(identity(n)) && compact(m).endsWith(n))
      : undefined;
    if (named) {
      seen.add(identity(named));
      titles.push(i);
      continue;
    }
    // A notice that names its plan differently from the plan's own title line (a typo, a 简称).
    if (!titles.length && dated && looksLikePlanTitle(m) && !names.some((n) => lastMention(n) >= i)) {
      titles.push(i);
      // The notice's plan is found, under another wording: nothing else is looked for.
      for (const n of names) seen.add(identity(n));
      continue;
    }
    if (i > noticeIndex) dated ||= DATE.test(m);
  }
  if (!titles.length) return { lines, noticeIndex, plans: [{ titleIndex: -1, start: noticeIndex, end: lines.length }] };
  const plans = titles.map((t, k) => ({
    titleIndex: t,
    start: t + 1,
    end: k + 1 < titles.length ? titles[k + 1] : lines.length,
  }));
  return { lines, noticeIndex, plans };
}

/** Splits line `index` at `at`: the piece after the cut becomes a line of its own. */
function cutAt(lines: Line[], index: number, at: number): Line[] {
  const line = lines[index];
  const head = line.span.slice(0, at).trim();
  const tail = line.span.slice(at).trim();
  const pieces: Line[] = [];
  if (head.length) pieces.push({ ...line, span: head });
  if (tail.length) pieces.push({ span: tail, noise: false });
  return [...lines.slice(0, index), ...pieces, ...lines.slice(index + 1)];
}
