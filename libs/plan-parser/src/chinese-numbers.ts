const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百';

// Value of each numeral code unit: 0–9 for digits, 10 for 十, 100 for 百, -1 for anything else.
const VALUE = new Int16Array(0x10000).fill(-1);
for (const [ch, v] of Object.entries(DIGITS)) VALUE[ch.charCodeAt(0)] = v;
VALUE['十'.charCodeAt(0)] = 10;
VALUE['百'.charCodeAt(0)] = 100;

/** Parses 一 … 九十九 … 一百二十 (and plain ASCII digits); returns null for anything else. */
export function parseChineseNumber(text: string): number | null {
  const len = text.length;
  if (len >= 1 && len <= 4) {
    let ascii = true;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x30 || c > 0x39) {
        ascii = false;
        break;
      }
    }
    if (ascii) return Number(text);
  }
  if (!len || len > 6) return null;
  let total = 0;
  let current = 0;
  for (let i = 0; i < len; i++) {
    const v = VALUE[text.charCodeAt(i)];
    if (v < 0) return null;
    if (v < 10) current = v;
    else {
      total += (current || 1) * v;
      current = 0;
    }
  }
  return total + current;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function parseCircledNumber(ch: string): number | null {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : null;
}
export const CIRCLED_CHARS = CIRCLED;
