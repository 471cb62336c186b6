import { DocumentReadError } from './errors.js';
import { entryText, inflateEntry, readZipEntries, type ZipEntry } from './zip-entries.js';
import { XmlScanner, type XmlHandler, type XmlTag } from './xml-scanner.js';

// Word keeps automatic list numbers ((一), 1.) out of the text: they come from numbering.xml, either
// on the paragraph itself or through its style. They are rebuilt here because the parser depends on
// them to find items. Table rows become one line with their cells separated by tabs (a cell merged
// into the one above is an empty cell), the shape the parser reads as a task table.

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
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese')
    return CIRCLED[n - 1] ?? String(n);
  if (format === 'lowerLetter') return String.fromCharCode(96 + ((n - 1) % 26) + 1);
  if (format === 'upperLetter') return String.fromCharCode(64 + ((n - 1) % 26) + 1);
  if (format === 'bullet' || format === 'none') return '';
  return String(n);
}

/** Reads an XML part through the linear scanner. */
function scan(text: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  scanner.write(text);
  scanner.end();
}

type Numbering = Map<string, Map<number, Level>>;

function readNumbering(xml: string | null): Numbering {
  const result: Numbering = new Map();
  if (!xml) return result;
  const abstracts = new Map<string, Map<number, Level>>();
  let abstract: Map<number, Level> | null = null;
  let level: Level | null = null;
  let num: string | null = null;
  scan(xml, {
    open(name, tag) {
      if (name === 'w:abstractNum') {
        abstract = new Map();
        abstracts.set(tag.attr('w:abstractNumId') ?? '', abstract);
      } else if (name === 'w:lvl' && abstract) {
        level = { format: 'decimal', text: '', start: 1 };
        abstract.set(Number(tag.attr('w:ilvl') ?? '0'), level);
      } else if (level && name === 'w:numFmt') level.format = tag.attr('w:val') ?? 'decimal';
      else if (level && name === 'w:lvlText') level.text = tag.attr('w:val') ?? '';
      else if (level && name === 'w:start') level.start = Number(tag.attr('w:val') ?? '1');
      else if (name === 'w:num') num = tag.attr('w:numId') ?? null;
      else if (num !== null && name === 'w:abstractNumId') {
        const levels = abstracts.get(tag.attr('w:val') ?? '');
        if (levels) result.set(num, levels);
      }
    },
    close(name) {
      if (name === 'w:lvl') level = null;
      else if (name === 'w:abstractNum') abstract = null;
      else if (name === 'w:num') num = null;
    },
    text() {},
  });
  return result;
}

interface StyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

/** Paragraph styles that carry list numbering (`标题 2` numbered (一), (二)…). */
function readStyles(xml: string | null): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  if (!xml) return styles;
  let current: StyleNumbering | null = null;
  scan(xml, {
    open(name, tag) {
      if (name === 'w:style') {
        current = {};
        styles.set(tag.attr('w:styleId') ?? '', current);
      } else if (current && name === 'w:basedOn') current.basedOn = tag.attr('w:val');
      else if (current && name === 'w:numId') current.numId = tag.attr('w:val');
      else if (current && name === 'w:ilvl') current.ilvl = Number(tag.attr('w:val') ?? '0');
    },
    close(name) {
      if (name === 'w:style') current = null;
    },
    text() {},
  });
  return styles;
}

function styleNumbering(styles: Map<string, StyleNumbering>, id: string): { numId?: string; ilvl?: number } {
  let numId: string | undefined;
  let ilvl: number | undefined;
  // Follows basedOn a few steps: Word resolves numbering through the style chain.
  for (let s = styles.get(id), guard = 0; s && guard < 8; s = s.basedOn ? styles.get(s.basedOn) : undefined, guard++) {
    numId ??= s.numId;
    ilvl ??= s.ilvl;
  }
  return { numId, ilvl };
}

interface Paragraph {
  text: string;
  numId?: string;
  ilvl?: number;
  style?: string;
}

interface Cell {
  paragraphs: string[];
  /** `vMerge` without `restart`: this cell continues the one above. */
  continued: boolean;
  span: number;
}

/** Reads document.xml as it is inflated: lines out, one per paragraph or table row. */
class BodyReader implements XmlHandler {
  readonly lines: string[] = [];
  private paragraphs: Paragraph[] = [];
  private rows: Array<{ cells: Cell[] }> = [];
  private cells: Cell[] = [];
  private inText = 0;
  private inRun = 0;
  private skipDepth = 0;
  private readonly counters = new Map<string, number[]>();

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, StyleNumbering>,
  ) {}

  open(name: string, tag: XmlTag): void {
    if (this.skipDepth) {
      this.skipDepth++;
      return;
    }
    switch (name) {
      // Deleted text, field codes and the fallback copy of drawings are not part of the text.
      case 'w:delText':
      case 'w:instrText':
      case 'mc:Fallback':
        this.skipDepth = 1;
        return;
      case 'w:p':
        this.paragraphs.push({ text: '' });
        return;
      case 'w:r':
        this.inRun++;
        return;
      case 'w:t':
        this.inText++;
        return;
      case 'w:tab':
        if (this.inRun) this.append(' ');
        return;
      case 'w:br':
      case 'w:cr':
        if (this.inRun) this.append('\n');
        return;
      case 'w:noBreakHyphen':
        if (this.inRun) this.append('-');
        return;
      case 'w:pStyle':
        this.setParagraph('style', tag.attr('w:val'));
        return;
      case 'w:numId':
        this.setParagraph('numId', tag.attr('w:val'));
        return;
      case 'w:ilvl':
        this.setParagraph('ilvl', Number(tag.attr('w:val') ?? '0'));
        return;
      case 'w:tr':
        this.rows.push({ cells: this.cells });
        this.cells = [];
        return;
      case 'w:tc':
        this.cells.push({ paragraphs: [], continued: false, span: 1 });
        return;
      case 'w:vMerge': {
        const cell = this.cells[this.cells.length - 1];
        if (cell && tag.attr('w:val') !== 'restart') cell.continued = true;
        return;
      }
      case 'w:gridSpan': {
        const cell = this.cells[this.cells.length - 1];
        if (cell) cell.span = Math.max(1, Math.min(64, Number(tag.attr('w:val') ?? '1') || 1));
        return;
      }
    }
  }

  close(name: string): void {
    if (this.skipDepth) {
      this.skipDepth--;
      return;
    }
    switch (name) {
      case 'w:r':
        this.inRun = Math.max(0, this.inRun - 1);
        return;
      case 'w:t':
        this.inText = Math.max(0, this.inText - 1);
        return;
      case 'w:p': {
        const p = this.paragraphs.pop();
        if (p) this.finishParagraph(p);
        return;
      }
      case 'w:tc': {
        // A nested table's rows were already joined into this cell's paragraphs.
        return;
      }
      case 'w:tr': {
        const cells = this.cells;
        const outer = this.rows.pop();
        this.cells = outer?.cells ?? [];
        const line = cells
          .flatMap((c) => [c.continued ? '' : c.paragraphs.join(' ').trim(), ...Array<string>(c.span - 1).fill('')])
          .join('\t');
        this.emit(line);
        return;
      }
    }
  }

  text(text: string): void {
    if (!this.skipDepth && this.inText) this.append(text);
  }

  /** Paragraphs a damaged document never closed still give their text. */
  finish(): void {
    while (this.paragraphs.length) this.finishParagraph(this.paragraphs.pop()!);
  }

  private append(s: string): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (p) p.text += s;
  }

  private setParagraph<K extends 'style' | 'numId' | 'ilvl'>(key: K, value: Paragraph[K]): void {
    const p = this.paragraphs[this.paragraphs.length - 1];
    if (p && value !== undefined) p[key] = value;
  }

  private finishParagraph(p: Paragraph): void {
    let { numId, ilvl } = p;
    if (numId === undefined && p.style) ({ numId, ilvl } = styleNumbering(this.styles, p.style));
    let text = p.text;
    const levels = numId ? this.numbering.get(numId) : undefined;
    const level = ilvl ?? 0;
    if (numId && levels && levels.has(level)) {
      const counts = this.counters.get(numId) ?? [];
      for (let l = 0; l <= level; l++) counts[l] ??= (levels.get(l)?.start ?? 1) - 1;
      counts[level]++;
      counts.length = level + 1;
      this.counters.set(numId, counts);
      const prefix = levels.get(level)!.text.replace(/%(\d)/gu, (_, d: string) => {
        const l = Number(d) - 1;
        return formatNumber(counts[l] ?? 1, levels.get(l)?.format ?? 'decimal');
      });
      text = prefix + text;
    }
    this.emit(text);
  }

  /** A finished paragraph or row goes into the enclosing cell, or out as a line. */
  private emit(line: string): void {
    const cell = this.cells[this.cells.length - 1];
    if (cell && this.rows.length) cell.paragraphs.push(line.replace(/\t/gu, ' '));
    else this.lines.push(line);
  }
}

/** Text of a .docx: one line per paragraph, table rows as tab-separated cells, list numbers restored. */
export async function readDocx(bytes: Uint8Array): Promise<string> {
  const entries = readZipEntries(bytes);
  const find = (name: string): ZipEntry | undefined => entries.find((e) => e.name === name);
  const document = find('word/document.xml');
  if (!document) throw new DocumentReadError('CORRUPT_DOCX', '.docx 文件里没有 word/document.xml');
  const numberingEntry = find('word/numbering.xml');
  const stylesEntry = find('word/styles.xml');
  const reader = new BodyReader(
    readNumbering(numberingEntry ? await entryText(bytes, numberingEntry) : null),
    readStyles(stylesEntry ? await entryText(bytes, stylesEntry) : null),
  );
  const scanner = new XmlScanner(reader);
  const decoder = new TextDecoder('utf-8');
  await inflateEntry(bytes, document, (chunk) => scanner.write(decoder.decode(chunk, { stream: true })));
  scanner.write(decoder.decode());
  scanner.end();
  reader.finish();
  return reader.lines.join('\n');
}
