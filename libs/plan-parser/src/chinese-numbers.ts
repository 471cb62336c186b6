const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百';

/** Parses 一 … 九十九 … 一百二十 (and plain ASCII digits); returns null for anything else. */
export function parseChineseNumber(text: string): number | null {
  if (/^\d{1,4}$/.test(text)) return Number(text);
  if (!text || text.length > 6) return null;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch in DIGITS) current = DIGITS[ch];
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
export function parseCircledNumber(ch: string): number | null {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : null;
}
export const CIRCLED_CHARS = CIRCLED;
