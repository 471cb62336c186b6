import { Span } from './span.js';
import { topLevelGroups, splitOutsideBrackets, type BracketGroup } from './brackets.js';
import { splitUnitList, looksLikeUnit, clearUnitListMemo, MEMO_LIMIT } from './unit-names.js';

export type Role = 'lead' | 'responsible';

export interface Annotation {
  start: number;
  end: number;
  lead: Span[];
  responsible: Span[];
  openEnded: boolean;
}

const LEAD_LABELS = '牵头单位|牵头部门|牵头处室|牵头科室|牵头领导|主办单位|主责单位|主责部门|主要责任单位|牵头';
const OTHER_LABELS =
  '责任单位|责任部门|责任处室|责任科室|责任主体|配合单位|配合部门|协办单位|协助单位|参与单位|参加单位|协同单位|落实单位|实施单位|承办单位|完成单位|具体落实单位|分工';
const LABEL = new RegExp(`(${LEAD_LABELS}|${OTHER_LABELS})[ ]{0,2}[:]`, 'g');
const LEAD_LABEL = new RegExp(`^(?:${LEAD_LABELS})$`, 'u');

// Verbs that close a clause of an annotation: `X牵头落实`, `Y按照职责分工负责`, `Z配合`.
const TRAILING_WORDS = [
  '按照职责分工',
  '按职责分工',
  '根据职责分工',
  '按职能分工',
  '按照职责',
  '按职责',
  '职责分工',
  '分工',
  '分别',
  '具体',
  '共同',
  '负责',
  '落实',
  '实施',
  '推进',
  '承担',
  '参与',
  '配合',
  '协助',
  '协办',
  '办理',
  '执行',
  '完成',
  '组织',
  '牵头',
  '主责',
  '主办',
  '抓好',
  '做好',
  '等',
];
// The trailing words grouped by their last character, in list order: only one group can match.
const TRAILING_BY_LAST = new Map<number, string[]>();
for (const w of TRAILING_WORDS) {
  const last = w.charCodeAt(w.length - 1);
  const list = TRAILING_BY_LAST.get(last) ?? [];
  list.push(w);
  TRAILING_BY_LAST.set(last, list);
}
function trailingWord(rest: Span): string | undefined {
  const m = rest.match;
  const list = TRAILING_BY_LAST.get(m.charCodeAt(m.length - 1));
  if (!list) return undefined;
  for (const w of list) if (m.endsWith(w) && m.length > w.length) return w;
  return undefined;
}
/** Whether a clause would be read as closed by a role verb (`parseAnnotationClause(c).verb`). */
export function hasClauseVerb(clause: Span): boolean {
  if (clause.match.indexOf('会同') > 0) return true;
  const word = trailingWord(clause);
  return word !== undefined && word !== '等';
}
const COOPERATE = /(?:配合|协助|协办|参与|具体落实|具体负责|按.{0,2}职责|分工)/u;

export interface ClauseResult {
  lead: Span[];
  responsible: Span[];
  openEnded: boolean;
  verb: boolean;
}

function stripTrailingVerbs(clause: Span): { rest: Span; lead: boolean; cooperate: boolean; verb: boolean } {
  let rest = clause;
  let lead = false;
  let verb = false;
  const cooperate = COOPERATE.test(clause.match);
  for (let guard = 0; guard < 12; guard++) {
    const word = trailingWord(rest);
    if (!word) break;
    if (word === '等') {
      // `X等` keeps the 等 so the unit list flags the open end.
      break;
    }
    if (word === '牵头' || word === '主责' || word === '主办') lead = true;
    verb = true;
    rest = rest.slice(0, rest.length - word.length).trim(' ');
  }
  // A leading 由 / 请 / 各自 (`由X牵头`) is not part of the names.
  const c = rest.match.charCodeAt(0);
  const by = c === 0x7531 /* 由 */ || c === 0x8bf7 /* 请 */ ? 1 : rest.match.startsWith('各自') ? 2 : 0;
  if (by && rest.length > by + 1) rest = rest.slice(by);
  return { rest, lead, cooperate: cooperate && !lead, verb };
}

/** One unlabelled clause (`由X牵头`, `Y等部门配合`) read as units and their role. */
export function parseAnnotationClause(clause: Span): ClauseResult {
  return parseClause(clause, null);
}

function parseClause(clause: Span, labelRole: Role | null): ClauseResult {
  const result: ClauseResult = { lead: [], responsible: [], openEnded: false, verb: false };
  const add = (list: Span, role: Role) => {
    const { units, openEnded } = splitUnitList(list);
    (role === 'lead' ? result.lead : result.responsible).push(...units);
    result.openEnded ||= openEnded;
  };
  // `X会同Y负责`: X leads, Y shares the responsibility.
  const with_ = clause.match.indexOf('会同');
  if (with_ > 0) {
    add(clause.slice(0, with_), 'lead');
    const right = stripTrailingVerbs(clause.slice(with_ + 2));
    add(right.rest, 'responsible');
    result.verb = true;
    return result;
  }
  const { rest, lead, cooperate, verb } = stripTrailingVerbs(clause);
  result.verb = verb;
  const role: Role = lead ? 'lead' : cooperate ? 'responsible' : (labelRole ?? 'responsible');
  add(rest, role);
  return result;
}

// Plans repeat the same annotation (`牵头单位:省政府办公厅;责任单位:各市政府`) item after item. The
// reading of a body depends on its text only (the match copy is a function of the original), so it
// is kept per document; parsePlan clears it before each document.
const bodyMemo = new Map<string, ClauseResult>();
export function clearAnnotationMemo(): void {
  bodyMemo.clear();
  groupMemo.clear();
  clearUnitListMemo();
}

function parseAnnotationBody(body: Span): ClauseResult {
  let r = bodyMemo.get(body.orig);
  if (!r) {
    r = readAnnotationBody(body);
    if (bodyMemo.size >= MEMO_LIMIT) bodyMemo.clear();
    bodyMemo.set(body.orig, r);
  }
  return { lead: r.lead.slice(), responsible: r.responsible.slice(), openEnded: r.openEnded, verb: r.verb };
}

function readAnnotationBody(body: Span): ClauseResult {
  const result: ClauseResult = { lead: [], responsible: [], openEnded: false, verb: false };
  // Segments start at role labels; text before the first label has no label role.
  const labels: Array<{ at: number; end: number; role: Role }> = [];
  LABEL.lastIndex = 0;
  // Every role label ends in `:`; most bodies have none.
  if (body.match.includes(':'))
    for (let m = LABEL.exec(body.match); m; m = LABEL.exec(body.match)) {
      labels.push({ at: m.index, end: m.index + m[0].length, role: LEAD_LABEL.test(m[1]) ? 'lead' : 'responsible' });
    }
  const segments: Array<{ from: number; to: number; role: Role | null }> = [];
  if (!labels.length) segments.push({ from: 0, to: body.length, role: null });
  else {
    if (labels[0].at > 0) segments.push({ from: 0, to: labels[0].at, role: null });
    labels.forEach((l, i) =>
      segments.push({ from: l.end, to: i + 1 < labels.length ? labels[i + 1].at : body.length, role: l.role }),
    );
  }
  for (const seg of segments) {
    for (const [a, b] of splitOutsideBrackets(body.match, seg.from, seg.to, ',;。:')) {
      const clause = body.slice(a, b).compact().trim('。.,;: ');
      if (!clause.length) continue;
      const r = parseClause(clause, seg.role);
      result.lead.push(...r.lead);
      result.responsible.push(...r.responsible);
      result.openEnded ||= r.openEnded;
      result.verb ||= r.verb;
    }
  }
  return result;
}

const VERB_END = /(?:落实|负责|牵头|实施|配合|推进|承担|办理|执行|参与|协助|完成)[。.;,]?$/u;
const NOT_ANNOTATION = /\d{4}|[〔\]]\d|号$|http|www|《|》|“|”|:\/\//u;

function isUnitList(r: ClauseResult): boolean {
  const all = [...r.lead, ...r.responsible];
  return all.length > 0 && all.every((u) => looksLikeUnit(u.match));
}

/**
 * What a bracketed group holds, from its text alone: `fixed` is the annotation it is wherever it
 * stands (or null); `atSentenceEnd` reads the bare unit list that counts only when the group closes
 * a sentence (the caller checks the position).
 */
interface GroupReading {
  fixed: ClauseResult | null;
  atSentenceEnd: (() => ClauseResult | null) | null;
}

const groupMemo = new Map<string, GroupReading>();

function readGroup(body: Span): GroupReading {
  const none: GroupReading = { fixed: null, atSentenceEnd: null };
  const inner = body.match.trim();
  if (inner.length < 2 || inner.length > 400) return none;
  LABEL.lastIndex = 0;
  const labelled = inner.includes(':') && LABEL.test(inner);
  if (labelled) return { fixed: parseAnnotationBody(body), atSentenceEnd: null };
  if (!NOT_ANNOTATION.test(inner) && (VERB_END.test(inner) || inner.includes('会同') || inner.includes('牵头'))) {
    const r = parseAnnotationBody(body);
    return { fixed: r.verb && isUnitList(r) ? r : null, atSentenceEnd: null };
  }
  if (NOT_ANNOTATION.test(inner)) return none;
  let read: ClauseResult | null | undefined;
  const atEnd = () => {
    if (read === undefined) {
      const r = parseAnnotationBody(body);
      read = isUnitList(r) && [...r.lead, ...r.responsible].every((u) => u.length >= 3) ? r : null;
    }
    return read;
  };
  return { fixed: null, atSentenceEnd: atEnd };
}

/**
 * Every unit annotation in an item's text, in order: bracketed groups with role labels, verb-closed
 * lists (`(各部门、各单位落实)`), bare lists of unit names closing a sentence, and unbracketed
 * `牵头单位:…` tails.
 */
export function findAnnotations(item: Span): Annotation[] {
  const found: Annotation[] = [];
  const groups = topLevelGroups(item.match);
  for (const g of groups) {
    const body = item.slice(g.innerStart, g.innerEnd);
    let reading = groupMemo.get(body.orig);
    if (!reading) {
      reading = readGroup(body);
      if (groupMemo.size >= MEMO_LIMIT) groupMemo.clear();
      groupMemo.set(body.orig, reading);
    }
    const parsed =
      reading.fixed ??
      (reading.atSentenceEnd && atSentenceEnd(item.match, g.start, g.end) ? reading.atSentenceEnd() : null);
    if (parsed && (parsed.lead.length || parsed.responsible.length)) {
      found.push({
        start: g.start,
        end: g.end,
        lead: parsed.lead.slice(),
        responsible: parsed.responsible.slice(),
        openEnded: parsed.openEnded,
      });
    }
  }
  // Unbracketed `牵头单位:X;责任单位:Y` up to the end of its line.
  LABEL.lastIndex = 0;
  // A label outside the groups has its `:` outside them too: without one there is nothing to scan.
  if (colonOutside(item.match, groups))
    for (let m = LABEL.exec(item.match); m; m = LABEL.exec(item.match)) {
      const at = m.index;
      if (groups.some((g) => at >= g.start && at < g.end)) continue;
      const lineEnd = item.match.indexOf('\n', at);
      const end = lineEnd < 0 ? item.length : lineEnd;
      const parsed = parseAnnotationBody(item.slice(at, end));
      if (parsed.lead.length || parsed.responsible.length) {
        found.push({ start: at, end, lead: parsed.lead, responsible: parsed.responsible, openEnded: parsed.openEnded });
      }
      LABEL.lastIndex = end;
    }
  return found.sort((a, b) => a.start - b.start);
}

function colonOutside(match: string, groups: BracketGroup[]): boolean {
  let k = 0;
  for (let at = match.indexOf(':'); at >= 0; at = match.indexOf(':', at + 1)) {
    while (k < groups.length && groups[k].end <= at) k++;
    if (k === groups.length || at < groups[k].start) return true;
  }
  return false;
}

function atSentenceEnd(match: string, start: number, end: number): boolean {
  const before = match.slice(Math.max(0, start - 1), start);
  const after = match.slice(end).trimStart().slice(0, 1);
  return (
    before === '。' ||
    before === ';' ||
    before === '' ||
    after === '' ||
    after === '\n' ||
    after === '。' ||
    after === '(' ||
    after === '['
  );
}

/** Units in a table cell whose column names the role (`牵头单位`, `责任单位`); verbs in it still count. */
export function unitsOfCell(cell: Span, role: Role): { lead: Span[]; responsible: Span[]; openEnded: boolean } {
  const r = parseAnnotationBody(cell);
  // In a lead column, names without their own role verb are the leads.
  if (role === 'lead' && !r.lead.length) return { lead: r.responsible, responsible: [], openEnded: r.openEnded };
  return { lead: r.lead, responsible: r.responsible, openEnded: r.openEnded };
}
