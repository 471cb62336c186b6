const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'",
  middot: '·', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', copy: '©', reg: '®',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Full-width digits, colons and slashes (common in Chinese pages) as ASCII, so one set of patterns reads both. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The visible text of a page, one line per block: scripts, styles and comments dropped, tags turned into
 * breaks so that a table cell label ("发布日期") and its value in the next cell stay neighbours.
 */
export function htmlToText(html: string): string {
  return toHalfWidth(
    decodeEntities(
      html
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<\/?(?:p|div|br|tr|li|h[1-6]|table|section|article|header|footer|ul|ol|dl|dt|dd)\b[^>]*>/gi, '\n')
        .replace(/<[^>]+>/g, ' '),
    ),
  )
    .split('\n')
    .map(collapse)
    .filter(Boolean)
    .join('\n');
}

/** `<meta name|property="…" content="…">` pairs, names lower-cased. */
export function metaTags(html: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = /\b(?:name|property|itemprop)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    if (!name || !content) continue;
    const key = name.toLowerCase();
    if (!found.has(key)) found.set(key, decodeEntities(content[1] ?? content[2] ?? content[3] ?? ''));
  }
  return found;
}

export const MAX_TITLE_LENGTH = 300;

/** The page's title: `<title>`, else the government-site `ArticleTitle` meta, else the first `<h1>`. */
export function extractTitle(html: string): string | null {
  const fromTag = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const fromMeta = metaTags(html).get('articletitle');
  const fromH1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(html)?.[1]?.replace(/<[^>]+>/g, ' ');
  for (const candidate of [fromTag, fromMeta, fromH1]) {
    const title = candidate == null ? '' : collapse(decodeEntities(candidate));
    if (title) return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
  }
  return null;
}
