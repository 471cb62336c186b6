import iconv from 'iconv-lite';
import { DocumentReadError } from './errors.js';

/**
 * Bytes of a plain-text document → string. UTF-8 (with or without BOM) and UTF-16 with a BOM are
 * read directly; anything that is not valid UTF-8 is read as GB18030 (a superset of GBK/GB2312).
 * Binary data (NUL bytes, many control characters) is refused rather than parsed into nonsense.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DocumentReadError('EMPTY', '文件是空的');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
  return checkText(text.replace(/^\ufeff/u, ''));
}

function checkText(text: string): string {
  const sample = text.slice(0, 20000);
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw new DocumentReadError('BINARY', '文件是二进制数据,不是文本、.docx 或带文字层的 .pdf');
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || (c >= 0x7f && c < 0xa0)) control++;
    if (c === 0xfffd) replacement++;
  }
  if (sample.length && (control + replacement) / sample.length > 0.05) {
    throw new DocumentReadError('BINARY', '文件是二进制数据或编码无法识别,不是文本、.docx 或带文字层的 .pdf');
  }
  if (!text.trim()) throw new DocumentReadError('EMPTY', '文件没有文字内容');
  return text;
}
