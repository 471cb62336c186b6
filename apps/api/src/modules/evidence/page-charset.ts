import iconv from 'iconv-lite';

/**
 * Chinese government sites still serve many pages in GBK/GB2312. GB18030 is a superset of both, so
 * decoding every GB label as GB18030 reads all of them (and the few characters GBK lacks).
 */
const GB_LABELS = new Set([
  'gb2312',
  'gbk',
  'x-gbk',
  'gb_2312-80',
  'csgb2312',
  'chinese',
  'iso-ir-58',
  'cp936',
  'ms936',
  'windows-936',
  'gb18030',
]);

/** An encoding label as iconv-lite knows it, or null when it is not one we can decode. */
export function normaliseCharset(label: string | null | undefined): string | null {
  const value = (label ?? '')
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (!value) return null;
  if (GB_LABELS.has(value)) return 'gb18030';
  if (value === 'utf8' || value === 'utf-8' || value === 'unicode-1-1-utf-8') return 'utf-8';
  // HTML treats latin1 labels as windows-1252; the difference does not matter for titles and dates.
  return iconv.encodingExists(value) ? value : null;
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return normaliseCharset(match?.[1]);
}

/** `<meta charset="gbk">` or `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` near the top. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  // The declaration must be in ASCII within the first 1024 bytes by the HTML spec; sites overshoot, so 4 KB.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (direct) {
      const found = normaliseCharset(direct[1]);
      if (found) return found;
    }
  }
  return null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

export interface DecodedPage {
  text: string;
  charset: string;
}

/**
 * HTML bytes → text. Order: byte-order mark, the HTTP header, the page's meta declaration, then a guess.
 * A page that claims UTF-8 but is not valid UTF-8 is almost always a GBK page with a wrong template
 * header, so it is read as GB18030 instead of as a screen of replacement characters.
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null | undefined): DecodedPage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
    return { text: buffer.subarray(3).toString('utf8'), charset: 'utf-8' };
  if (buffer[0] === 0xff && buffer[1] === 0xfe)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), charset: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff)
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), charset: 'utf-16be' };
  let charset = charsetFromContentType(contentType) ?? charsetFromMeta(buffer);
  if (!charset || charset === 'utf-8') charset = isValidUtf8(trimPartialUtf8(buffer)) ? 'utf-8' : 'gb18030';
  return { text: iconv.decode(buffer, charset), charset };
}

/** A body cut at the size limit may end inside a multi-byte character; that alone must not make it "not UTF-8". */
function trimPartialUtf8(buffer: Buffer): Buffer {
  let end = buffer.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = buffer[end - i];
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (needed > i) end -= i;
    break;
  }
  return buffer.subarray(0, end);
}
