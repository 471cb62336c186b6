import { itemTextFollows, readLabel } from './labels.js';
import type { Line } from './header.js';

// Web copies lose their line breaks: a section heading, its items, their annotations and the closing
// paragraph can all sit on one line, even the whole document. Structure must come from the labels
// and the sentences, so long lines are cut before every label that follows a sentence end, a
// closing bracket, a colon or a space. Those cuts are soft: where the structure scan does not accept
// the label (a `3.` quoted inside a paragraph), the pieces are joined again as they were written.
// (The closing paragraph glued to the last item is cut off in structure.ts.)

// A label may start after these (in the match copy): sentence ends, closing brackets and quotes, `:`, space.
// Circled numbers (①②) are left alone: inside a line they enumerate points of one item.
const BEFORE_LABEL = /[。;!?:)\]”"」』 ](?=[(\d一二三四五六七八九十第])/g;
// A title glued to the first section (`…工作要点一、…`) when nothing else separates them.
const TITLE_BEFORE_SECTION = /(?:要点|方案|分工|分解表|安排|计划|清单)(?=一 ?[、.])/g;
// Only lines at least this long are cut: an ordinary paragraph keeps its inline enumerations whole.
const MIN_LENGTH = 8;

function closesSoon(m: string, at: number): boolean {
  const end = Math.min(m.length, at + 7);
  for (let k = at + 1; k < end; k++) {
    const c = m.charCodeAt(k);
    if (c === 0x3001 /* 、 */ || c === 0x2e || c === 0x2c || c === 0x29) return true;
  }
  // `第一部分`
  return m.charCodeAt(at) === 0x7b2c;
}

/**
 * `inTable`: in a task table a bracketed label may also end the line after a space — the merged
 * first column printed beside a heading (`三、提高政策 （七）` with its text on the next line).
 */
function cutsOf(match: string, inTable: boolean): Array<{ at: number; soft: boolean }> {
  const cuts: Array<{ at: number; soft: boolean }> = [];
  const label = (at: number) => {
    // A label closes within a few characters (`一、` `(十二)` `12.`): most candidates fail this cheaply.
    if (!closesSoon(match, at)) return false;
    const l = readLabel(match, at);
    if (!l) return false;
    if (at + l.length >= match.length)
      return inTable && match.charCodeAt(at) === 0x28 && match.charCodeAt(at - 1) === 0x20;
    return itemTextFollows(match, at + l.length);
  };
  BEFORE_LABEL.lastIndex = 0;
  for (let m = BEFORE_LABEL.exec(match); m; m = BEFORE_LABEL.exec(match)) {
    const at = m.index + 1;
    if (label(at)) cuts.push({ at, soft: true });
  }
  TITLE_BEFORE_SECTION.lastIndex = 0;
  if (match.includes('一、') || match.includes('一.'))
    for (let m = TITLE_BEFORE_SECTION.exec(match); m; m = TITLE_BEFORE_SECTION.exec(match)) {
      const at = m.index + m[0].length;
      if (label(at)) cuts.push({ at, soft: true });
    }
  return cuts.sort((a, b) => a.at - b.at);
}

/** Cuts lines at label starts (soft); other lines pass through. `onlyJoined`: just lines made by joining others. */
export function segmentLines(lines: Line[], onlyJoined = false): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const m = line.span.match;
    // A table line is marked only after the first cut: the second pass looks at those ending in a label.
    const tableTail = line.inTable === true && m.charCodeAt(m.length - 1) === 0x29;
    if (line.noise || line.table || m.length < MIN_LENGTH || (onlyJoined && !line.joined && !tableTail)) {
      out.push(line);
      continue;
    }
    const cuts = cutsOf(m, line.inTable ?? false);
    if (!cuts.length) {
      out.push(line);
      continue;
    }
    let from = 0;
    let soft = line.soft ?? false;
    const first = out.length;
    for (const cut of cuts) {
      if (cut.at <= from) continue;
      const piece = line.span.slice(from, cut.at).trim();
      // A piece cut at a space ends with one (a table row's cell boundary, see mergeWrappedLines).
      if (piece.length)
        out.push({
          span: piece,
          noise: false,
          soft,
          inTable: line.inTable,
          spaceAfter: m.charCodeAt(cut.at - 1) === 0x20,
        });
      from = cut.at;
      soft = cut.soft;
    }
    const rest = line.span.slice(from).trim();
    if (rest.length) out.push({ span: rest, noise: false, soft, inTable: line.inTable, spaceAfter: line.spaceAfter });
    if (out.length > first) out[first].spaceBefore = line.spaceBefore;
  }
  return out;
}
