import { parsePlan } from '../index.js';

// The same document as it is found elsewhere (see metamorphic.spec.ts): hard-wrapped by a PDF,
// wrapped in a notice with a crawler's metadata, with full-width digits, saved by Word.

/** Breaks every line into pieces of `width` characters, `sep` between them. */
export function wrap(text: string, width: number, sep: string): string {
  return text
    .split('\n')
    .map((line) => {
      const pieces: string[] = [];
      for (let i = 0; i < line.length; i += width) pieces.push(line.slice(i, i + width));
      return pieces.join(sep);
    })
    .join('\n');
}

export const fullWidthDigits = (text: string) =>
  text.replace(/[0-9]/gu, (d) => String.fromCharCode(0xff10 + Number(d)));

/** The document inside a notice that issues it, as a crawler keeps it (发文机构/发布时间/发文字号 lines). */
export function inNotice(text: string): string {
  const title = parsePlan(text).title;
  const named = title ? `《${title}》` : '工作要点';
  return [
    '首页 > 政务公开 > 通知公告',
    '发文机构：某某省人民政府办公厅',
    '发布时间：2099-01-05',
    '发文字号：某政办发〔2099〕1号',
    `某某省人民政府办公厅关于转发${named}的通知`,
    '各市人民政府，省政府各部门：',
    `现将${named}转发给你们，请结合实际认真贯彻执行。`,
    '某某省人民政府办公厅',
    '2099年1月5日',
    '（此件公开发布）',
    text,
  ].join('\n');
}

/** A .docx with one paragraph per line of the text (what Word makes of a pasted plan). */
export async function asDocx(text: string): Promise<Uint8Array> {
  const { default: JSZip } = await import('jszip');
  const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
  const paragraphs = text
    .split('\n')
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escape(line)}</w:t></w:r></w:p>`);
  const zip = new JSZip();
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
