import { DocumentReadError } from './errors.js';

interface TextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

/** Text layer of a PDF, one line per visual line. Scanned PDFs without text are refused. */
export async function readPdf(bytes: Uint8Array): Promise<string> {
  // The legacy build is the one that runs on Node; loaded lazily so text/docx never pay for it.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    throw new DocumentReadError('CORRUPT_PDF', `无法打开 PDF 文件:${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  try {
    const lines: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line = '';
      let lastY: number | null = null;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        const y = item.transform[5];
        if (lastY !== null && Math.abs(y - lastY) > 2 && line) {
          lines.push(line);
          line = '';
        }
        line += item.str;
        lastY = y;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
          lastY = null;
        }
      }
      if (line) lines.push(line);
      page.cleanup();
    }
    const text = lines.join('\n');
    if (!text.replace(/\s/gu, '').length) throw new DocumentReadError('NO_TEXT_LAYER', 'PDF 没有文字层(可能是扫描件),请先做文字识别');
    return text;
  } finally {
    await doc.destroy();
  }
}
