import { Span } from './span.js';
import { looksLikeUnit } from './unit-names.js';
import { GARBLE } from './noise.js';
import type { TableLine } from './table-rows.js';

export interface HeaderInfo {
  title: string | null;
  titleLine: number;
  year: number | null;
  issuer: string | null;
  docNumber: string | null;
  notAPlan: boolean;
  warnings: string[];
}

export interface Line {
  span: Span;
  noise: boolean;
  /** Set when the line is a header, row or wrapped continuation of a flattened table. */
  table?: TableLine;
  /** Cut from the line before it at a label (see segments.ts): joined back without a break if not one. */
  soft?: boolean;
  /** After a space-separated table header (see task-table.ts): items here are read as rows. */
  inTable?: boolean;
  /** Made by joining wrapped lines (mergeWrappedLines): may hold labels the break had split. */
  joined?: boolean;
  /** The line as written began with a space (before trimming). */
  spaceBefore?: boolean;
  /** The line as written ended with a space (before trimming). */
  spaceAfter?: boolean;
}

// A title at the start of a run-on text: no punctuation, ending in what the document is.
const BLOB_TITLE =
  /^([^。,;:《》()[\]“”]{4,60}?(?:工作要点|要点|工作方案|实施方案|方案|任务分工|分工|分解表|安排|计划|年度报告|报告|总结))(?!的|》)/u;
const PLAN_END = /(?:要点|方案|计划|安排|清单|任务分工|措施|任务|分工)$/u;
const DOC_WORD = /(?:要点|方案|计划|安排|意见|清单|任务|报告|总结|措施|办法|细则)/u;
const REPORT = /(?:报告|总结)(?:\((?:全文|摘要)\))?$/u;
const REPORT_WORD = /年度报告|工作总结|情况报告|工作报告|自查报告/u;
const DATE_LINE = /^(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日[ ?\ufffd]*$/u;
// A 文号: up to 14 characters of issuer code, then `〔2022〕59号`. Found from the bracketed year
// back, since trying the issuer code at every character of a long line is the costly part.
const DOC_NUMBER_TAIL = /[[(] ?(?:19|20)\d{2} ?[\])] ?\d{1,5} ?号/gu;
const CJK = /[\u4e00-\u9fff]/u;

function docNumberAt(match: string): { index: number; text: string } | null {
  DOC_NUMBER_TAIL.lastIndex = 0;
  for (let m = DOC_NUMBER_TAIL.exec(match); m; m = DOC_NUMBER_TAIL.exec(match)) {
    let start = m.index;
    while (start > 0 && m.index - start < 14 && CJK.test(match[start - 1])) start--;
    if (start < m.index) return { index: start, text: match.slice(start, m.index + m[0].length) };
  }
  return null;
}
const ISSUER_FIELD = /^[-•· ]*(?:发文机关|发布机关|发文单位|发布机构|印发机关)[ ]{0,2}:[ ]{0,2}(.{2,40})$/u;
const NUMBER_FIELD = /^[-•· ]*(?:文号|发文字号|字号)[ ]{0,2}:/u;

const stripGarble = (s: Span) => {
  const m = /[ ?\ufffd□]+$/u.exec(s.match);
  return m ? s.slice(0, m.index) : s;
};

function findTitle(lines: Line[]): { title: Span | null; index: number } {
  let planTitle = -1;
  let anyTitle = -1;
  let notice: { span: Span; index: number } | null = null;
  lines.forEach((l, i) => {
    const m = l.span.match;
    if (l.noise || m.length < 4 || m.length > 80) return;
    const notice_ = /关于印发(.{4,60}?)的通知$/u.exec(m);
    if (notice_ && !notice)
      notice = { span: l.span.slice(notice_.index + 4, notice_.index + 4 + notice_[1].length), index: i };
    // `关于…的报告` is a report's own title; `关于…` otherwise introduces a notice.
    if (/[。,:;]/u.test(m) || /通知$/u.test(m) || (/^关于/u.test(m) && !REPORT.test(m)) || /^[(《]/u.test(m)) return;
    if (PLAN_END.test(m) && !REPORT.test(m)) planTitle = i;
    else if (DOC_WORD.test(m) && anyTitle < 0) anyTitle = i;
  });
  if (planTitle >= 0) return { title: lines[planTitle].span, index: planTitle };
  if (anyTitle >= 0) return { title: lines[anyTitle].span, index: anyTitle };
  // A copy that lost its line breaks: the title starts the text, or follows the notice's date.
  for (const [i, l] of lines.entries()) {
    if (l.noise || l.span.length <= 80) continue;
    const m = l.span.match;
    const afterDate = /(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日 ?(?:\(此件[^)]{2,8}\))? ?/gu;
    for (let d = afterDate.exec(m); d; d = afterDate.exec(m)) {
      const t = BLOB_TITLE.exec(m.slice(d.index + d[0].length));
      if (t) return { title: l.span.slice(d.index + d[0].length, d.index + d[0].length + t[1].length), index: i };
    }
    const t = BLOB_TITLE.exec(m);
    if (t && !/^关于/u.test(t[1])) return { title: l.span.slice(0, t[1].length), index: i };
  }
  const n = notice as { span: Span; index: number } | null;
  if (n) return { title: n.span.trim('《》 '), index: n.index };
  return { title: null, index: -1 };
}

function findIssuer(lines: Line[], tail: Line[]): Span | null {
  const signature = (ls: Line[]) => {
    for (let i = 0; i + 1 < ls.length; i++) {
      if (!DATE_LINE.test(ls[i + 1].span.match)) continue;
      const candidate = stripGarble(ls[i].span).trim();
      if (
        candidate.length >= 2 &&
        candidate.length <= 40 &&
        !/[。,:;]/u.test(candidate.match) &&
        looksLikeUnit(candidate.match)
      )
        return candidate;
    }
    return null;
  };
  const inHeader = signature(lines);
  if (inHeader) return inHeader;
  for (const l of lines) {
    const m = ISSUER_FIELD.exec(l.span.match);
    if (m) return l.span.slice(l.span.length - m[1].length).trim();
  }
  for (const l of lines) {
    const m = /^(.{2,30}?)关于印发/u.exec(l.span.match);
    if (m && looksLikeUnit(m[1])) return l.span.slice(0, m[1].length);
  }
  return signature(tail);
}

function findDocNumber(lines: Line[]): Span | null {
  for (const l of lines) {
    // A 文号 has a bracket around its year: lines without one are skipped before the regex.
    const m = l.span.match.includes('[') || l.span.match.includes('(') ? docNumberAt(l.span.match) : null;
    if (!m) continue;
    const standalone = l.span.length <= m.text.length + 2 || NUMBER_FIELD.test(l.span.match);
    if (standalone) return l.span.slice(m.index, m.index + m.text.length).compact();
    // A web copy glues the 文号 to the notice's title: `…的通知渝府办发〔2022〕59号`.
    const glued = /的通知([\u4e00-\u9fff]{1,12}[[(] ?(?:19|20)\d{2} ?[\])] ?\d{1,5} ?号)$/u.exec(l.span.match);
    if (glued) return l.span.slice(l.span.length - glued[1].length).compact();
  }
  return null;
}

/**
 * Title, year, issuer and 文号 from the lines before the first section or item (`head`), with the
 * lines after the last item (`tail`) as a fallback for a signature at the end.
 */
export function readHeader(
  head: Line[],
  tail: Line[],
  optionYear: number | undefined,
  known: Span | null = null,
): HeaderInfo {
  const warnings: string[] = [];
  const { title, index } = known ? { title: known, index: head.findIndex((l) => l.span === known) } : findTitle(head);
  const issuer = findIssuer(head, tail);
  const docNumber = findDocNumber(head);
  const yearOf = (s: string | undefined) => {
    const m = /((?:19|20)\d{2}) ?年/u.exec(s ?? '');
    return m ? Number(m[1]) : null;
  };
  let year = yearOf(title?.match);
  if (year === null && optionYear) year = optionYear;
  if (year === null && docNumber) {
    const m = /[[(] ?((?:19|20)\d{2})/u.exec(docNumber.match);
    if (m) year = Number(m[1]);
  }
  if (year === null) {
    const dated = head.find((l) => DATE_LINE.test(l.span.match));
    if (dated) year = yearOf(dated.span.match);
  }
  if (year === null) {
    // A date inside a run-on header (the notice's date, a copy without line breaks).
    for (const l of head) {
      const d = /((?:19|20)\d{2}) ?年 ?\d{1,2} ?月 ?\d{1,2} ?日/u.exec(l.span.match);
      if (d) {
        year = Number(d[1]);
        break;
      }
    }
  }
  for (const l of head) {
    if (GARBLE.test(l.span.match)) {
      warnings.push(`文件开头有乱码字符:「${l.span.orig}」`);
      break;
    }
  }
  const titleMatch = title?.match ?? '';
  // A title ending in 报告/总结 is a report even when it names the plan it reports on
  // (`…工作要点落实情况的报告`); a report word inside a plan's title (`…年度报告编制工作方案`) is not.
  const notAPlan = REPORT.test(titleMatch) || (REPORT_WORD.test(titleMatch) && !PLAN_END.test(titleMatch));
  return {
    title: title ? title.compact().orig : null,
    titleLine: index,
    year,
    issuer: issuer ? issuer.compact().orig : null,
    docNumber: docNumber ? docNumber.orig : null,
    notAPlan,
    warnings,
  };
}
