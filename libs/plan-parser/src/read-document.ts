import { decodeText } from './decode.js';
import { readDocx } from './docx-reader.js';
import { readPdf } from './pdf-reader.js';
import { DocumentReadError } from './errors.js';
import type { OcrLimits } from './ocr.js';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

export interface ExtractedDocument {
  text: string;
  /** Set when the text was recognised from a scan (OCR). */
  ocr: boolean;
  /** What the user should know about the reading (in Chinese), e.g. that OCR was used. */
  notes: string[];
}

export interface ReadOptions {
  /** Recognise scanned PDFs where tesseract is installed (default true). */
  ocr?: boolean;
  /** Bounds of the recognition (pages, time per process, time in all), over the defaults. */
  ocrLimits?: Partial<OcrLimits>;
}

/**
 * Bytes of an uploaded or local document → its text and notes about the reading. The content
 * decides the format (a .txt that is really a PDF is read as PDF); the file name only rejects
 * formats we cannot read (.doc, .wps…).
 */
export async function extractDocument(
  bytes: Uint8Array,
  filename = '',
  options: ReadOptions = {},
): Promise<ExtractedDocument> {
  const ext = /\.([a-z0-9]+)$/iu.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    return readPdf(bytes, { ocr: options.ocr, ocrLimits: options.ocrLimits });
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext && ext !== 'docx' && ext !== 'docm')
      throw new DocumentReadError('UNSUPPORTED_FORMAT', `不支持的文件格式 .${ext}(支持 .txt、.docx、.pdf)`);
    return { text: await readDocx(bytes), ocr: false, notes: [] };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new DocumentReadError('UNSUPPORTED_FORMAT', '旧版 Word(.doc)/WPS 文件无法读取,请另存为 .docx 或 .pdf');
  }
  if (ext === 'pdf') throw new DocumentReadError('CORRUPT_PDF', '文件扩展名是 .pdf,但内容不是 PDF');
  if (ext === 'docx') throw new DocumentReadError('CORRUPT_DOCX', '文件扩展名是 .docx,但内容不是 .docx');
  return { text: decodeText(bytes), ocr: false, notes: [] };
}

/** `extractDocument`'s text alone. */
export async function readDocument(bytes: Uint8Array, filename = '', options: ReadOptions = {}): Promise<string> {
  return (await extractDocument(bytes, filename, options)).text;
}
