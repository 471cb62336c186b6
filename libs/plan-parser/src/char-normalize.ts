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
    '（': '(', '）': ')', '：': ':', '；': ';', '，': ',', '．': '.', '。': '。', '［': '[', '］': ']',
    '【': '[', '】': ']', '〔': '[', '〕': ']', '〈': '<', '〉': '>', '！': '!', '？': '?', '　': ' ',
    '\u00a0': ' ', '\t': ' ', '﹝': '[', '﹞': ']', '⁃': '-', '－': '-', '～': '~', '｛': '[', '｝': ']',
    '﹙': '(', '﹚': ')', '︰': ':', '﹕': ':', '﹔': ';', '﹐': ',', '﹑': '、', '︐': ',', '︑': '、',
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

/** Whether the text is mostly traditional characters (used only for a warning-free hint). */
export function looksTraditional(text: string): boolean {
  let traditional = 0;
  const limit = Math.min(text.length, 4000);
  for (let i = 0; i < limit; i++) if (charMap.has(text[i]) && text.charCodeAt(i) > 0x3400) traditional++;
  return traditional > 20;
}
