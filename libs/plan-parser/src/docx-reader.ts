import JSZip from 'jszip';
import { DocumentReadError } from './errors.js';

// Word keeps automatic list numbers (（一）, 1.) out of the text: they come from numbering.xml.
// They are rebuilt here because the parser depends on them to find items.
interface Level {
  format: string;
  text: string;
  start: number;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chineseCounting(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function formatNumber(n: number, format: string): string {
  if (/chinese|ideograph|japaneseCounting|taiwaneseCounting/u.test(format)) return chineseCounting(n);
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') return CIRCLED[n - 1] ?? String(n);
  if (format === 'lowerLetter') return String.fromCharCode(96 + ((n - 1) % 26) + 1);
  if (format === 'upperLetter') return String.fromCharCode(64 + ((n - 1) % 26) + 1);
  if (format === 'bullet' || format === 'none') return '';
  return String(n);
}

const attr = (xml: string, name: string) => new RegExp(`${name}="([^"]*)"`, 'u').exec(xml)?.[1];

function readNumbering(xml: string | null): Map<string, Map<number, Level>> {
  const result = new Map<string, Map<number, Level>>();
  if (!xml) return result;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/gu)) {
    const levels = new Map<number, Level>();
    for (const l of a[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/gu)) {
      const body = l[2];
      levels.set(Number(l[1]), {
        format: attr(/<w:numFmt\b[^>]*>/u.exec(body)?.[0] ?? '', 'w:val') ?? 'decimal',
        text: attr(/<w:lvlText\b[^>]*>/u.exec(body)?.[0] ?? '', 'w:val') ?? '',
        start: Number(attr(/<w:start\b[^>]*>/u.exec(body)?.[0] ?? '', 'w:val') ?? '1'),
      });
    }
    abstracts.set(a[1], levels);
  }
  for (const n of xml.matchAll(/<w:num\b[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/gu)) {
    const abstractId = attr(/<w:abstractNumId\b[^>]*>/u.exec(n[2])?.[0] ?? '', 'w:val');
    const levels = abstractId ? abstracts.get(abstractId) : undefined;
    if (levels) result.set(n[1], levels);
  }
  return result;
}

const unescapeXml = (s: string) =>
  s
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/gu, '&');

/** Text of a .docx: one line per paragraph, table cells separated by spaces, list numbers restored. */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new DocumentReadError('CORRUPT_DOCX', '无法打开 .docx 文件(压缩包损坏)');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) throw new DocumentReadError('CORRUPT_DOCX', '.docx 文件里没有 word/document.xml');
  const numbering = readNumbering((await zip.file('word/numbering.xml')?.async('string')) ?? null);
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  for (const p of documentXml.matchAll(/<w:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/w:p>)/gu)) {
    const body = p[1] ?? '';
    let text = '';
    for (const t of body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:tab\/>|<w:br\b[^>]*\/>|<w:cr\/>/gu)) {
      if (t[1] !== undefined) text += unescapeXml(t[1]);
      else text += t[0].startsWith('<w:tab') ? ' ' : '\n';
    }
    const numId = attr(/<w:numId\b[^>]*>/u.exec(body)?.[0] ?? '', 'w:val');
    const ilvl = Number(attr(/<w:ilvl\b[^>]*>/u.exec(body)?.[0] ?? '', 'w:val') ?? '0');
    const levels = numId ? numbering.get(numId) : undefined;
    if (numId && levels && levels.has(ilvl)) {
      const counts = counters.get(numId) ?? [];
      for (let l = 0; l <= ilvl; l++) counts[l] ??= (levels.get(l)?.start ?? 1) - 1;
      counts[ilvl]++;
      counts.length = ilvl + 1;
      counters.set(numId, counts);
      const prefix = levels.get(ilvl)!.text.replace(/%(\d)/gu, (_, d: string) => {
        const l = Number(d) - 1;
        return formatNumber(counts[l] ?? 1, levels.get(l)?.format ?? 'decimal');
      });
      text = prefix + text;
    }
    lines.push(text);
  }
  return lines.join('\n');
}
