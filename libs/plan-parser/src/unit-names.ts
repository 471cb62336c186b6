import { Span } from './span.js';
import { splitOutsideBrackets } from './brackets.js';

// Endings of organisation names, checked on the simplified match copy after dropping a trailing
// bracketed alias such as `省营商局(大数据局)`.
const ORG_SUFFIX =
  /(?:局|厅|委|办|室|院|会|部|署|中心|政府|单位|部门|机构|小组|公司|集团|站|所|队|处|科|组|社|行|馆|台|校|街道|街|乡|镇|区|县|市|省|州|盟|旗|关|团|联|府|庭|司|宫|园|场|厂|党委|党组|办事处|指挥部|法院|检察院|银行|海关|监狱|学校|医院|大学|学院|协会|联合会|商会|工会|妇联|团委|局等|厅等)$/u;
// Last characters of the suffixes above: other names fail without running the regex.
const ORG_LAST = new Set(
  ORG_SUFFIX.source
    .slice(3, -3)
    .split('|')
    .map((w) => w.charCodeAt(w.length - 1)),
);
const PLACE_SUFFIX = /(?:省|市|县|区|州|盟|旗|乡|镇|街|街道|自治区|直辖市|自治州|自治县|开发区|新区)$/u;
const GOV_SUFFIX = /(?:人民政府|政府|党委|管委会|管理委员会|办事处)$/u;
const GENERIC_AFTER_DENG =
  /^(?:其他|其它)?(?:有关|相关|各|其他)?[\u4e00-\u9fff]{0,6}?(?:部门|单位|机构|地区|政府|方面)?$/u;

const stripTrailingBracket = (s: string) => {
  // The bracket must close the name: anything else keeps it as it is without running the regex.
  const last = s.charCodeAt(s.length - 1);
  if (last !== 0x29 && last !== 0x5d) return s;
  const m = /[([][^()[\]]{0,30}[)\]]$/u.exec(s);
  return m && m.index > 0 ? s.slice(0, m.index) : s;
};

export function looksLikeUnit(match: string): boolean {
  const s = stripTrailingBracket(match);
  if (s.length < 2 || s.length > 40) return false;
  return (ORG_LAST.has(s.charCodeAt(s.length - 1)) && ORG_SUFFIX.test(s)) || s.charCodeAt(0) === 0x5404; /* 各 */
}

/** Whether the text ends like an organisation's name (without the `各…` allowance of looksLikeUnit). */
export function endsLikeUnit(match: string): boolean {
  const s = stripTrailingBracket(match);
  return s.length >= 2 && ORG_LAST.has(s.charCodeAt(s.length - 1)) && ORG_SUFFIX.test(s);
}

/** Text that cannot be a unit name: garbling, URLs, spam. It is kept, but reported. */
export function suspiciousUnit(match: string): boolean {
  if (/[?？\ufffd□■◆�]|https?:|www\.|\.com|\.cn/iu.test(match)) return true;
  if (/[A-Za-z]{3,}/u.test(match) && !/[\u4e00-\u9fff]{2}/u.test(match)) return true;
  return !looksLikeUnit(match) && !/^(?:[\u4e00-\u9fff]{1,2})$/u.test(match);
}

export interface UnitList {
  units: Span[];
  openEnded: boolean;
}

const CONJUNCTIONS = ['以及', '及', '和', '与'];

/** Splits `X和Y` only when both sides read as unit names (keeps 住房和城乡建设局 whole). */
function splitConjunctions(piece: Span): Span[] {
  for (const word of CONJUNCTIONS) {
    let from = 1;
    for (let at = piece.match.indexOf(word, from); at > 0; at = piece.match.indexOf(word, from)) {
      const left = piece.slice(0, at);
      const right = piece.slice(at + word.length);
      if (
        looksLikeUnit(left.match) &&
        right.length >= 2 &&
        (looksLikeUnit(right.match) || /^(?:其他|其它)/u.test(right.match))
      ) {
        return [...splitConjunctions(left), ...splitConjunctions(right)];
      }
      from = at + 1;
    }
  }
  return [piece];
}

const OTHER_UNITS = /^(?:其他|其它)(?:有关|相关)?(?:部门|单位|机构|部门和单位|单位和部门)?$/u;

/** `X、Y等有关部门` → X, Y and openEnded; `及其他有关单位` likewise. */
function cutOpenEnd(piece: Span): { piece: Span | null; open: boolean } {
  const m = piece.match;
  if (OTHER_UNITS.test(m)) return { piece: null, open: true };
  const at = m.lastIndexOf('等');
  if (
    at >= 0 &&
    !/[高平同中初对均相]$/u.test(m.slice(0, at)) &&
    GENERIC_AFTER_DENG.test(m.slice(at + 1)) &&
    m.length - at <= 9
  ) {
    const before = piece.slice(0, at);
    return { piece: before.length ? before : null, open: true };
  }
  return { piece, open: false };
}

/**
 * Elliptic lists: `各有关部门、单位` → 各有关部门, 各有关单位; `新区各委、办、局` → 新区各委/办/局;
 * `各省、自治区、直辖市人民政府` and `各市、县(区)人民政府` share the government suffix.
 */
function expandEllipsis(pieces: Span[]): Span[] {
  const out = pieces.slice();
  // Shared suffix, distributed backwards over short place names.
  for (let i = 1; i < out.length; i++) {
    const gov = GOV_SUFFIX.exec(out[i].match);
    if (!gov) continue;
    const place = out[i].match.slice(0, gov.index);
    if (!place || withoutParens(place).length > 4) continue;
    let j = i - 1;
    while (j >= 0 && isShortPlace(out[j].match)) j--;
    if (j === i - 1) continue;
    const suffix = out[i].slice(gov.index);
    const each = out[j + 1].match.startsWith('各') ? out[j + 1].slice(0, 1) : null;
    for (let k = j + 1; k < i; k++) {
      out[k] = (each && !out[k].match.startsWith('各') ? each.concat(out[k]) : out[k]).concat(suffix);
    }
    if (each && !out[i].match.startsWith('各')) out[i] = each.concat(out[i]);
  }
  // Shared `…各(有关|相关)` prefix, distributed forwards over one- or two-character heads.
  for (let i = 1; i < out.length; i++) {
    const bare = withoutParens(out[i].match);
    if (bare.length > 2 || out[i].match.includes('各')) continue;
    const prev = out[i - 1].match;
    const at = prev.lastIndexOf('各');
    if (at < 0) continue;
    let headEnd = at + 1;
    const modifier = /^(?:有关|相关)/u.exec(prev.slice(headEnd));
    if (modifier && !out[i].match.startsWith(modifier[0])) headEnd += modifier[0].length;
    out[i] = out[i - 1].slice(0, headEnd).concat(out[i]);
  }
  return out;
}

/** The text without its `(…)` groups. */
const withoutParens = (s: string) => (s.includes('(') ? s.replace(/\([^)]*\)/gu, '') : s);

function isShortPlace(match: string): boolean {
  const bare = withoutParens(match.charCodeAt(0) === 0x5404 /* 各 */ ? match.slice(1) : match);
  return bare.length >= 1 && bare.length <= 3 && (PLACE_SUFFIX.test(bare) || bare.length === 1);
}

// Lists recur across a document's annotations; the reading depends on the text only (the match
// copy is a function of the original). Kept per document: parsePlan clears it.
const listMemo = new Map<string, UnitList>();
export const MEMO_LIMIT = 4096;
export function clearUnitListMemo(): void {
  listMemo.clear();
}

/** Splits one list of unit names (`、`, `,`, `和` between names) into names as written. */
export function splitUnitList(list: Span): UnitList {
  let r = listMemo.get(list.orig);
  if (!r) {
    r = readUnitList(list);
    if (listMemo.size >= MEMO_LIMIT) listMemo.clear();
    listMemo.set(list.orig, r);
  }
  return { units: r.units.slice(), openEnded: r.openEnded };
}

function readUnitList(list: Span): UnitList {
  let openEnded = false;
  const pieces: Span[] = [];
  for (const [a, b] of splitOutsideBrackets(list.match, 0, list.length, '、,;/')) {
    const raw = dropNotes(list.slice(a, b).compact().trim('。.,;:、 '));
    if (!raw.length) continue;
    for (const part of splitConjunctions(raw)) {
      const { piece, open } = cutOpenEnd(part);
      openEnded ||= open;
      if (piece && piece.length) pieces.push(piece);
    }
  }
  return { units: expandEllipsis(pieces), openEnded };
}

// A bracket inside a name that defines a short form or says what the unit covers is not part of
// the name: `各区县（自治县，以下简称区县）政府` → 各区县政府, `省司法厅（负责省政府规章）` → 省司法厅.
const NOTE = /^[([](?:[^()[\]]*?(?:以下简称|以下统称|简称|下同)[^()[\]]*|(?:负责|牵头|配合|承担|具体)[^()[\]]*)[)\]]/u;

function dropNotes(piece: Span): Span {
  const m = piece.match;
  if (!m.includes('(') && !m.includes('[')) return piece;
  let out: Span | null = null;
  let from = 0;
  for (let at = m.search(/[([]/u); at >= 0 && at < m.length;) {
    const note = NOTE.exec(m.slice(at));
    if (note) {
      out = out ? out.concat(piece.slice(from, at)) : piece.slice(from, at);
      from = at + note[0].length;
    }
    const next = m.slice(at + 1).search(/[([]/u);
    at = next < 0 ? -1 : at + 1 + next;
  }
  if (!out) return piece;
  return out.concat(piece.slice(from));
}

// Endings after which a new name may start when names were written together without a separator.
const JOIN_END = new Set(Array.from('厅委局办院室', (c) => c.charCodeAt(0)));
const LEVEL_START = /^(?:省|市|区|县|州|自治区|国家)/u;

/**
 * Names written together (`省财政厅省国税局`, `人力资源社会保障厅发展改革委`) → separate names. With
 * the tenant's directory, known names decide; otherwise a name ends at 厅/委/局/办/院/室 where the
 * next name starts with the same kind of prefix (both a level like 省, or neither), each at least
 * four characters (so `市委组织部` or `市公安局交通管理局` stay whole).
 */
export function splitJoinedNames(name: Span, directory: readonly string[] = []): Span[] {
  const m = name.match;
  if (m.length < 8) return [name];
  if (directory.length) {
    const known = directoryCover(m, directory);
    if (known) return known.map(([a, b]) => name.slice(a, b));
  }
  const cuts: number[] = [];
  let start = 0;
  for (let i = 3; i < m.length - 3; i++) {
    if (eachStartsName(m, start, i + 1)) {
      cuts.push(i + 1);
      start = i + 1;
      continue;
    }
    if (!JOIN_END.has(m.charCodeAt(i))) continue;
    // Both sides are read only as far as a name reaches, so a long run of text costs linear time.
    if (i + 1 - start > NAME_MAX) continue;
    const left = m.slice(start, i + 1);
    const right = m.slice(i + 1, i + 1 + NAME_MAX);
    if (left.length < 4 || !looksLikeUnit(left) || right.length < 3) continue;
    if (LEVEL_START.test(left) !== LEVEL_START.test(right)) continue;
    // The right part must itself end a name somewhere (at its own ending or the end).
    const rightIsName = i + 1 + NAME_MAX >= m.length && looksLikeUnit(right);
    if (!rightIsName && ![...right].some((c, k) => k >= 2 && JOIN_END.has(c.charCodeAt(0)))) continue;
    cuts.push(i + 1);
    start = i + 1;
  }
  if (!cuts.length) return [name];
  const pieces: Span[] = [];
  let from = 0;
  for (const c of [...cuts, m.length]) {
    pieces.push(name.slice(from, c));
    from = c;
  }
  return pieces.every((p) => looksLikeUnit(p.match)) ? pieces : [name];
}

/**
 * `市政府办公厅各区县政府`: a name of four or more characters and then one starting with 各 (the
 * collective names: 各区县政府, 各有关部门). Both sides must be names of four characters or more,
 * so `市政府各部门` and `各区县政府各部门` (the departments of each) stay whole.
 */
function eachStartsName(m: string, start: number, at: number): boolean {
  if (m.charCodeAt(at) !== 0x5404 /* 各 */ || at - start < 4 || at - start > NAME_MAX) return false;
  const left = m.slice(start, at);
  if (!looksLikeUnit(left)) return false;
  // Only as far as a name reaches: a long run of text must not be read again from every 各 in it.
  let end = at + 1;
  while (end < m.length && end - at <= NAME_MAX && m.charCodeAt(end) !== 0x5404) end++;
  const right = m.slice(at, end);
  return right.length >= 4 && right.length <= NAME_MAX && looksLikeUnit(right);
}

/** Longer than any official name: a piece this long is running text. */
const NAME_MAX = 30;

/** Covers `m` with directory names end to end (longest first), or null. */
function directoryCover(m: string, directory: readonly string[]): Array<[number, number]> | null {
  if (directory.includes(m)) return null;
  const out: Array<[number, number]> = [];
  let at = 0;
  while (at < m.length) {
    let best = 0;
    for (const d of directory) if (d.length > best && m.startsWith(d, at)) best = d.length;
    if (!best) return null;
    out.push([at, at + best]);
    at += best;
  }
  return out.length > 1 ? out : null;
}
