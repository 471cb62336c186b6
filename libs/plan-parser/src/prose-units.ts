import { Span } from './span.js';
import { splitOutsideBrackets } from './brackets.js';
import { parseAnnotationClause, hasClauseVerb, type Annotation } from './annotations.js';

// Units written in prose without brackets, as the closing sentence of an item or a paragraph:
// `由X牵头,Y配合。`, `X牵头,Y等部门配合。`, `X负责。`. Only clauses that are nothing but a list of
// unit names and a role verb count, read from the end of the sentence backwards, so an ordinary
// sentence (`各部门要认真落实。`) is never taken for an annotation.

// Words that do not occur in official names but do in prose sentences around them.
const PROSE_WORD = /[由要应将把对在的是按从向给让使]|进一步|加强|做好|推进|开展|认真|切实|积极/u;
const UNIT_END =
  /(?:局|厅|委|办|室|院|会|部|署|中心|政府|单位|部门|机构|小组|公司|站|所|处|科|街道|乡镇|办事处|管委会|党委|党组|法院|检察院|海关|集团|联|团委)(?:\([^()]{1,20}\))?$/u;

const isProseUnit = (u: Span) =>
  u.length >= 2 && u.length <= 30 && UNIT_END.test(u.match) && !PROSE_WORD.test(u.match.replace(/^由/u, ''));

/** Annotations written as the last clauses of each paragraph of `item`, in order. */
export function findProseAnnotations(item: Span): Annotation[] {
  const found: Annotation[] = [];
  const text = item.match;
  let paragraphStart = 0;
  while (paragraphStart < text.length) {
    let paragraphEnd = text.indexOf('\n', paragraphStart);
    if (paragraphEnd < 0) paragraphEnd = text.length;
    const a = lastSentenceAnnotation(item, paragraphStart, paragraphEnd);
    if (a) found.push(a);
    paragraphStart = paragraphEnd + 1;
  }
  return found;
}

function lastSentenceAnnotation(item: Span, from: number, to: number): Annotation | null {
  const text = item.match;
  let end = to;
  // Code units: 。 is 0x3002; `!` `?` `.` and space are ASCII.
  for (
    let c = text.charCodeAt(end - 1);
    end > from && (c === 0x3002 || c === 0x20 || c === 0x2e);
    c = text.charCodeAt(end - 1)
  )
    end--;
  let start = end;
  for (
    let c = text.charCodeAt(start - 1);
    start > from && c !== 0x3002 && c !== 0x21 && c !== 0x3f;
    c = text.charCodeAt(start - 1)
  )
    start--;
  if (end - start < 3 || end - start > 160) return null;
  const clauses = splitOutsideBrackets(text, start, end, ',;');
  const annotation: Annotation = { start: end, end, lead: [], responsible: [], openEnded: false };
  for (let k = clauses.length - 1; k >= 0; k--) {
    let [a, b] = clauses[k];
    // A bracketed aside before the units (often a mirror site's address) is not part of them.
    if (text.charCodeAt(a) === 0x28 || text.charCodeAt(a) === 0x5b) {
      const close = text.slice(a, b).search(/[)\]]/u);
      if (close > 0) a += close + 1;
    }
    const clause = item.slice(a, b).compact().trim('。., ');
    // Without a closing role verb the clause is not an annotation: skip reading its units.
    if (!hasClauseVerb(clause)) break;
    const parsed = parseAnnotationClause(clause);
    const units = [...parsed.lead, ...parsed.responsible];
    if (!parsed.verb || !units.length || !units.every(isProseUnit)) break;
    annotation.start = a;
    annotation.lead.unshift(...parsed.lead);
    annotation.responsible.unshift(...parsed.responsible);
    annotation.openEnded ||= parsed.openEnded;
  }
  return annotation.start < end ? annotation : null;
}
