import { DocumentReadError } from './errors.js';
import { ocrAvailable, ocrPdf, OcrTimeoutError, OCR_LIMITS, type OcrLimits } from './ocr.js';

interface TextItem {
  str: string;
  transform: number[];
  hasEOL?: boolean;
}

export interface PdfLimits {
  /** A PDF with more pages is refused before any page is read. */
  pages: number;
  /** Reading stops once this much text was collected. */
  chars: number;
}

export const PDF_LIMITS: PdfLimits = { pages: 300, chars: 2_000_000 };

export interface PdfText {
  text: string;
  /** Set when the text came from recognising a scan. */
  ocr: boolean;
  notes: string[];
}

export interface PdfOptions {
  /** Recognise scanned PDFs when tesseract is installed (default true). */
  ocr?: boolean;
  /** Bounds of the recognition, over OCR_LIMITS (a server gives it the time its worker has). */
  ocrLimits?: Partial<OcrLimits>;
  limits?: PdfLimits;
}

/**
 * Text layer of a PDF, one line per visual line. A PDF over the page limit is refused before any
 * page is read; a scan without a text layer is recognised with OCR where available, else refused.
 */
export async function readPdf(bytes: Uint8Array, options: PdfOptions = {}): Promise<PdfText> {
  const limits = options.limits ?? PDF_LIMITS;
  // The legacy build is the one that runs on Node; loaded lazily so text/docx never pay for it.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: false,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    throw new DocumentReadError(
      'CORRUPT_PDF',
      `无法打开 PDF 文件:${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
  try {
    if (doc.numPages > limits.pages) {
      throw new DocumentReadError(
        'TOO_LARGE',
        `PDF 共 ${doc.numPages} 页,超过 ${limits.pages} 页的上限;请只上传工作要点本身`,
      );
    }
    const notes: string[] = [];
    const lines: string[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      if (chars > limits.chars) {
        notes.push(`PDF 文字过多,只读取了前 ${p - 1} 页`);
        break;
      }
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let line = '';
      let lastY: number | null = null;
      const push = () => {
        lines.push(line);
        chars += line.length + 1;
        line = '';
      };
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as TextItem;
        const y = item.transform[5];
        if (lastY !== null && Math.abs(y - lastY) > 2 && line) push();
        line += item.str;
        lastY = y;
        if (item.hasEOL) {
          push();
          lastY = null;
        }
      }
      if (line) push();
      page.cleanup();
    }
    const text = lines.join('\n');
    if (text.replace(/\s/gu, '').length >= 10) return { text, ocr: false, notes };
    return await recognise(bytes, doc.numPages, options);
  } finally {
    await doc.destroy();
  }
}

async function recognise(bytes: Uint8Array, pages: number, options: PdfOptions): Promise<PdfText> {
  if (options.ocr === false || !(await ocrAvailable())) {
    throw new DocumentReadError(
      'NO_TEXT_LAYER',
      'PDF 没有文字层(可能是扫描件),无法读取文字;请上传 Word 原文或带文字的 PDF,或先做文字识别(OCR)',
    );
  }
  const limits = { ...OCR_LIMITS, ...options.ocrLimits };
  if (pages > limits.pages) {
    throw new DocumentReadError(
      'TOO_LARGE',
      `扫描件共 ${pages} 页,文字识别最多 ${limits.pages} 页;请只上传工作要点本身`,
    );
  }
  let text: string;
  try {
    text = await ocrPdf(bytes, pages, limits);
  } catch (error) {
    if (error instanceof OcrTimeoutError) {
      throw new DocumentReadError(
        'TOO_LARGE',
        `扫描件的文字识别超过 ${Math.round(limits.totalMs / 1000)} 秒,已中止;请上传 Word 原文或带文字的 PDF,或只上传工作要点本身`,
      );
    }
    throw new DocumentReadError(
      'NO_TEXT_LAYER',
      'PDF 没有文字层(可能是扫描件),文字识别失败;请上传 Word 原文或带文字的 PDF',
    );
  }
  if (text.replace(/\s/gu, '').length < 10) {
    throw new DocumentReadError(
      'NO_TEXT_LAYER',
      'PDF 没有文字层(可能是扫描件),文字识别也没有读出文字;请上传 Word 原文或带文字的 PDF',
    );
  }
  return { text, ocr: true, notes: ['这份 PDF 是扫描件,文字由文字识别(OCR)得到,可能有错字,请逐项核对'] };
}
