import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';

// The parser matches on a "match copy" of the text that has exactly the same length as the original,
// so every position found in the copy slices the original: output stays as written (traditional
// characters, full-width brackets) while the rules only need to know simplified, half-width forms.

function parseDict(dict: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of dict.split('|')) {
    const [from, to] = entry.split(' ');
    // Only one-code-unit to one-code-unit pairs keep positions aligned.
    if (from && to && from.length === 1 && to.length === 1) map.set(from, to);
  }
  return map;
}

function buildCharMap(): Map<string, string> {
  const toSimplified = parseDict(TSCharacters);
  const map = new Map<string, string>(toSimplified);
  // Regional variants (為, 衛, 著…) first become OpenCC's standard form, then simplified; only keep
  // the variant step when it really lands on a traditional character, so simplified text is untouched.
  for (const variants of [parseDict(TWVariantsRev), parseDict(HKVariantsRev)]) {
    for (const [from, standard] of variants) {
      const simplified = toSimplified.get(standard);
      if (simplified && !map.has(from) && simplified !== from) map.set(from, simplified);
    }
  }
  const fullWidth: Record<string, string> = {
    '（': '(',
    '）': ')',
    '：': ':',
    '；': ';',
    '，': ',',
    '．': '.',
    '。': '。',
    '［': '[',
    '］': ']',
    '【': '[',
    '】': ']',
    '〔': '[',
    '〕': ']',
    '〈': '<',
    '〉': '>',
    '！': '!',
    '？': '?',
    '　': ' ',
    '\u00a0': ' ',
    '\t': ' ',
    '﹝': '[',
    '﹞': ']',
    '⁃': '-',
    '－': '-',
    '～': '~',
    '｛': '[',
    '｝': ']',
    '﹙': '(',
    '﹚': ')',
    '︰': ':',
    '﹕': ':',
    '﹔': ';',
    '﹐': ',',
    '﹑': '、',
    '︐': ',',
    '︑': '、',
  };
  for (const [from, to] of Object.entries(fullWidth)) map.set(from, to);
  for (let i = 0; i < 10; i++) map.set(String.fromCharCode(0xff10 + i), String(i));
  for (let i = 0; i < 26; i++) {
    map.set(String.fromCharCode(0xff21 + i), String.fromCharCode(0x41 + i));
    map.set(String.fromCharCode(0xff41 + i), String.fromCharCode(0x61 + i));
  }
  return map;
}

const charMap = buildCharMap();
// A flat code-unit table: one array read per character keeps the copy as fast as reading the text.
const table = new Uint16Array(0x10000);
for (const [from, to] of charMap) table[from.charCodeAt(0)] = to.charCodeAt(0);
const utf16 = new TextDecoder('utf-16le');

/** Same-length copy: simplified characters, ASCII brackets/colons/digits, one kind of space. */
export function toMatchText(text: string): string {
  const out = new Uint16Array(text.length);
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const mapped = table[c];
    if (mapped) changed = true;
    out[i] = mapped || c;
  }
  return changed ? utf16.decode(out) : text;
}

// Any UTF-16 surrogate code unit (non-unicode mode: pairs and lone halves alike).
const SURROGATE = /[\ud800-\udfff]/;

/**
 * `toMatchText` of a whole document, for splitting into lines afterwards: null when the text holds
 * surrogates, because the per-line copy turns a lone surrogate into U+FFFD only in lines where some
 * character is mapped, which a copy of the whole text cannot reproduce. Without surrogates every
 * line of this copy equals the line's own `toMatchText`. Node's Buffer converts both ways natively;
 * only the mapped code units are written.
 */
export function documentMatchText(text: string): string | null {
  presentStamp = 0;
  if (typeof Buffer !== 'function') return SURROGATE.test(text) ? null : toMatchText(text);
  const bytes = text.length * 2;
  // A scratch buffer is reused for ordinary documents (fresh buffers per call cost more in GC).
  let buf = scratch;
  if (bytes > SCRATCH_MAX) buf = Buffer.allocUnsafeSlow(bytes);
  else if (!buf || buf.length < bytes) buf = scratch = Buffer.allocUnsafeSlow(Math.max(bytes, 32 * 1024));
  buf.write(text, 0, bytes, 'utf16le');
  const units = new Uint16Array(buf.buffer, buf.byteOffset, text.length);
  let changed = false;
  const stamp = nextStamp();
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    // Surrogates are found in the same pass (a separate regex pass over the text cost as much).
    if (unit >= 0xd800 && unit <= 0xdfff) {
      presentStamp = 0;
      return null;
    }
    const mapped = table[unit];
    present[unit] = stamp;
    if (mapped) {
      units[i] = mapped;
      present[mapped] = stamp;
      changed = true;
    }
  }
  presentStamp = stamp;
  return changed ? buf.toString('utf16le', 0, bytes) : text;
}
let scratch: Buffer | null = null;

// Which code units the last copy made by documentMatchText contains: a table stamped per document,
// so nothing is cleared between documents.
const present = new Uint32Array(0x10000);
let presentStamp = 0;
let lastStamp = 0;
function nextStamp(): number {
  presentStamp = 0; // nothing is known while a copy is being made
  if (lastStamp === 0xffffffff) {
    present.fill(0);
    lastStamp = 0;
  }
  return ++lastStamp;
}

/**
 * Whether the text last passed to documentMatchText or its match copy contains `code`; null when
 * that call did not record it (text with surrogates, or no Buffer). Valid until the next call.
 */
export function lastDocumentHas(): ((code: number) => boolean) | null {
  const stamp = presentStamp;
  return stamp === 0 ? null : (code) => present[code] === stamp && presentStamp === stamp;
}
const SCRATCH_MAX = 512 * 1024;

/** Whether the text is mostly traditional characters (used only for a warning-free hint). */
export function looksTraditional(text: string): boolean {
  let traditional = 0;
  const limit = Math.min(text.length, 4000);
  for (let i = 0; i < limit; i++) if (charMap.has(text[i]) && text.charCodeAt(i) > 0x3400) traditional++;
  return traditional > 20;
}
