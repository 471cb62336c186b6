import { Tokenizer } from 'htmlparser2';

/** Full-width digits, colons and slashes (common in Chinese pages) as ASCII, so one set of patterns reads both. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What is analysed of a page at most. The tokenizer is linear, so these bound memory and the work of
 * the date patterns that run over the text afterwards, not the scan itself.
 */
export const HTML_LIMITS = {
  /** Characters of markup scanned; a longer page is read from its start (titles and dates are near the top). */
  markup: 2 * 1024 * 1024,
  /** Characters of visible text kept. */
  text: 200_000,
  /** Characters of a title, an h1 or a meta value kept while scanning. */
  field: 2_000,
  /** Meta tags remembered. */
  metas: 200,
};

/** Block-level tags become line breaks, so a table cell label ("发布日期") and its value stay neighbours. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
]);
/** Their content is never visible text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template']);

/** One linear pass over a page: its visible text, title, first h1 and meta tags, each bounded. */
export interface ScannedPage {
  /** Visible text, one line per block, entities decoded, full-width forms as ASCII. */
  text: string;
  title: string | null;
  h1: string | null;
  /** `<meta name|property|itemprop="…" content="…">`, names lower-cased, first one wins. */
  metas: Map<string, string>;
}

/**
 * Scans HTML with htmlparser2's tokenizer (a state machine, linear in the input whatever the nesting or
 * unclosed comments and scripts) instead of regular expressions whose backtracking made a page of
 * unclosed `<!--` cost seconds per 100 KB. The tokenizer alone, not htmlparser2's Parser: the Parser
 * keeps its open-element stack with `unshift`, quadratic on deeply nested markup.
 */
export function scanHtml(input: string): ScannedPage {
  const html = input.length > HTML_LIMITS.markup ? input.slice(0, HTML_LIMITS.markup) : input;
  const parts: string[] = [];
  let textLength = 0;
  let hidden = 0;
  let title: string | null = null;
  let h1: string | null = null;
  let inTitle = false;
  let inH1 = false;
  const metas = new Map<string, string>();
  // The tag being read and its attributes (only what a meta tag needs).
  let tag = '';
  let attribute = '';
  let value = '';
  let attributes: Record<string, string> = {};

  const push = (chunk: string) => {
    if (textLength >= HTML_LIMITS.text) return;
    const kept = chunk.length > HTML_LIMITS.text - textLength ? chunk.slice(0, HTML_LIMITS.text - textLength) : chunk;
    parts.push(kept);
    textLength += kept.length;
  };
  const text = (data: string) => {
    if (inTitle && title!.length < HTML_LIMITS.field) title += data;
    if (inH1 && h1!.length < HTML_LIMITS.field) h1 += data;
    if (!hidden && !inTitle) push(data);
  };
  const open = (name: string) => {
    if (HIDDEN.has(name)) hidden++;
    else if (name === 'title' && title === null) {
      inTitle = true;
      title = '';
    } else if (name === 'h1' && h1 === null) {
      inH1 = true;
      h1 = '';
    }
    if (inH1) h1 += ' ';
    if (name === 'meta' && metas.size < HTML_LIMITS.metas) {
      const key = (attributes.name ?? attributes.property ?? attributes.itemprop)?.toLowerCase();
      if (key && attributes.content !== undefined && !metas.has(key)) metas.set(key, attributes.content);
    }
    push(BLOCK.has(name) ? '\n' : ' ');
  };
  const close = (name: string) => {
    if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
    if (name === 'title') inTitle = false;
    if (name === 'h1') inH1 = false;
    if (inH1) h1 += ' ';
    push(BLOCK.has(name) ? '\n' : ' ');
  };
  const name = (start: number, end: number) => html.slice(start, Math.min(end, start + 32)).toLowerCase();

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = name(start, end);
        attributes = {};
      },
      onattribname(start, end) {
        attribute = name(start, end);
        value = '';
      },
      onattribdata(start, end) {
        if (tag === 'meta' && value.length < HTML_LIMITS.field)
          value += html.slice(start, Math.min(end, start + HTML_LIMITS.field));
      },
      onattribentity(codepoint) {
        if (tag === 'meta' && value.length < HTML_LIMITS.field) value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (tag === 'meta' && !(attribute in attributes)) attributes[attribute] = value.slice(0, HTML_LIMITS.field);
      },
      onopentagend() {
        open(tag);
      },
      onselfclosingtag() {
        open(tag);
        close(tag);
      },
      onclosetag(start, end) {
        close(name(start, end));
      },
      ontext(start, end) {
        text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        text(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  return {
    text: toHalfWidth(parts.join('')).split('\n').map(collapse).filter(Boolean).join('\n'),
    title,
    h1,
    metas,
  };
}

/** The visible text of a page, one line per block: scripts, styles and comments dropped. */
export function htmlToText(html: string): string {
  return scanHtml(html).text;
}

export const MAX_TITLE_LENGTH = 300;

/** The page's title: `<title>`, else the government-site `ArticleTitle` meta, else the first `<h1>`. */
export function titleOf(page: ScannedPage): string | null {
  for (const candidate of [page.title, page.metas.get('articletitle'), page.h1]) {
    const title = candidate == null ? '' : collapse(candidate);
    if (title) return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
  }
  return null;
}

export function extractTitle(html: string): string | null {
  return titleOf(scanHtml(html));
}
