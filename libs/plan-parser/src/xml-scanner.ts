import { DocumentReadError } from './errors.js';

// A push-based XML tokenizer for the parts of a .docx. It visits every character once: text is
// handed on as it arrives, a tag is buffered only up to its `>` (and refused beyond MAX_TAG), and
// comments, CDATA and processing instructions are skipped by searching for their terminator from
// where the previous chunk stopped. No regular expression runs over the document.

export interface XmlHandler {
  open(name: string, tag: XmlTag, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/** A start tag; attributes are read on demand (most tags are never asked). */
export class XmlTag {
  private attrs: Map<string, string> | null = null;

  constructor(private readonly source: string) {}

  attr(name: string): string | undefined {
    this.attrs ??= readAttributes(this.source);
    return this.attrs.get(name);
  }
}

const MAX_TAG = 64 * 1024;

type State = 'text' | 'open' | 'tag' | 'comment' | 'cdata' | 'pi' | 'decl';
type Skipped = 'comment' | 'cdata' | 'pi' | 'decl';

const TERMINATOR: Record<Skipped, string> = { comment: '-->', cdata: ']]>', pi: '?>', decl: '>' };
const OPENINGS: Array<[string, Skipped]> = [
  ['!--', 'comment'],
  ['![CDATA[', 'cdata'],
];

export class XmlScanner {
  private state: State = 'text';
  private tag = '';
  /** For skipped constructs: how many characters of the terminator the previous chunk ended with. */
  private matched = 0;
  private pendingText = '';

  constructor(private readonly handler: XmlHandler) {}

  write(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      switch (this.state) {
        case 'text': {
          const lt = chunk.indexOf('<', i);
          const end = lt < 0 ? n : lt;
          if (end > i) this.emitText(chunk.slice(i, end), lt < 0);
          if (lt < 0) return;
          this.flushText();
          this.state = 'open';
          this.tag = '';
          i = lt + 1;
          break;
        }
        case 'open':
          // The first characters decide what follows `<`: a comment, CDATA, an instruction or a tag.
          i = this.decide(chunk, i);
          break;
        case 'tag': {
          const gt = chunk.indexOf('>', i);
          const end = gt < 0 ? n : gt;
          this.tag += chunk.slice(i, end);
          if (this.tag.length > MAX_TAG)
            throw new DocumentReadError('CORRUPT_DOCX', '无法打开 .docx 文件(XML 标签过长)');
          if (gt < 0) return;
          i = gt + 1;
          this.state = 'text';
          this.finishTag(this.tag);
          break;
        }
        default:
          i = this.skip(chunk, i);
      }
    }
  }

  end(): void {
    if (this.state !== 'text') throw new DocumentReadError('CORRUPT_DOCX', '无法打开 .docx 文件(XML 不完整)');
    this.flushText(true);
  }

  private decide(chunk: string, from: number): number {
    let i = from;
    while (i < chunk.length) {
      const c = chunk[i++];
      if (c === '>' && this.tag.length > 0 && !this.tag.startsWith('![CDATA')) {
        // `<a>` or `<!x>`: a tag (or declaration) that ends right away.
        this.state = 'text';
        if (this.tag[0] !== '!' && this.tag[0] !== '?') this.finishTag(this.tag);
        return i;
      }
      this.tag += c;
      const opening = OPENINGS.find(([o]) => o === this.tag);
      if (opening) {
        this.state = opening[1];
        this.matched = 0;
        return i;
      }
      if (OPENINGS.some(([o]) => o.startsWith(this.tag))) continue;
      this.state = this.tag[0] === '?' ? 'pi' : this.tag[0] === '!' ? 'decl' : 'tag';
      if (this.state !== 'tag') this.matched = 0;
      return i;
    }
    return i;
  }

  private skip(chunk: string, from: number): number {
    const state = this.state as Skipped;
    const term = TERMINATOR[state];
    const isText = state === 'cdata';
    // Finish a terminator that the previous chunk started.
    let i = from;
    while (this.matched > 0 && i < chunk.length) {
      if (chunk[i] === term[this.matched]) {
        this.matched++;
        i++;
        if (this.matched === term.length) {
          this.state = 'text';
          this.matched = 0;
          return i;
        }
      } else {
        if (isText) this.emitText(term.slice(0, this.matched), false);
        this.matched = 0;
      }
    }
    const at = chunk.indexOf(term, i);
    if (at >= 0) {
      if (isText && at > i) this.emitText(chunk.slice(i, at), false);
      this.state = 'text';
      return at + term.length;
    }
    // Keep the longest tail that could start the terminator.
    let keep = Math.min(term.length - 1, chunk.length - i);
    while (keep > 0 && !term.startsWith(chunk.slice(chunk.length - keep))) keep--;
    if (isText && chunk.length - keep > i) this.emitText(chunk.slice(i, chunk.length - keep), false);
    this.matched = keep;
    return chunk.length;
  }

  private finishTag(raw: string): void {
    if (raw.charCodeAt(0) === 0x2f /* / */) {
      this.handler.close(tagName(raw, 1));
      return;
    }
    const selfClosing = raw.charCodeAt(raw.length - 1) === 0x2f;
    const name = tagName(raw, 0);
    this.handler.open(name, new XmlTag(raw), selfClosing);
    if (selfClosing) this.handler.close(name);
  }

  /** Text is passed on decoded; an entity cut by the chunk end waits for the next chunk. */
  private emitText(raw: string, mayContinue: boolean): void {
    let s = this.pendingText + raw;
    this.pendingText = '';
    if (mayContinue) {
      const amp = s.lastIndexOf('&');
      if (amp >= 0 && s.indexOf(';', amp) < 0 && s.length - amp < 12) {
        this.pendingText = s.slice(amp);
        s = s.slice(0, amp);
      }
    }
    if (s) this.handler.text(decodeEntities(s));
  }

  private flushText(final = false): void {
    if (!this.pendingText) return;
    const s = this.pendingText;
    this.pendingText = '';
    this.handler.text(final ? s : decodeEntities(s));
  }
}

function tagName(raw: string, from: number): string {
  let end = from;
  while (end < raw.length) {
    const c = raw.charCodeAt(end);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) break;
    end++;
  }
  return raw.slice(from, end);
}

function readAttributes(raw: string): Map<string, string> {
  const attrs = new Map<string, string>();
  let i = tagName(raw, 0).length;
  const n = raw.length;
  while (i < n) {
    while (i < n && (raw[i] === ' ' || raw[i] === '\t' || raw[i] === '\n' || raw[i] === '\r' || raw[i] === '/')) i++;
    const eq = raw.indexOf('=', i);
    if (eq < 0) break;
    const name = raw.slice(i, eq).trim();
    let q = eq + 1;
    while (q < n && raw[q] === ' ') q++;
    const quote = raw[q];
    if (quote !== '"' && quote !== "'") break;
    const close = raw.indexOf(quote, q + 1);
    if (close < 0) break;
    attrs.set(name, decodeEntities(raw.slice(q + 1, close)));
    i = close + 1;
  }
  return attrs;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** `&lt;` `&#20013;` `&#x4e2d;` → characters, in one pass; unknown entities stay as written. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = s.indexOf(';', amp);
    if (semi < 0 || semi - amp > 10) {
      amp = s.indexOf('&', amp + 1);
      continue;
    }
    const body = s.slice(amp + 1, semi);
    let value: string | undefined = NAMED[body];
    if (value === undefined && body.charCodeAt(0) === 0x23 /* # */) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (Number.isFinite(code) && code > 0 && code <= 0x10ffff) value = String.fromCodePoint(code);
    }
    if (value !== undefined) {
      out += s.slice(from, amp) + value;
      from = semi + 1;
    }
    amp = s.indexOf('&', semi + 1);
  }
  return out + s.slice(from);
}
