import { badInput } from '../../common/app-error.js';
import { DOCX_MIME, XLSX_MIME } from '../../common/download.js';

export const MAX_FILENAME_LENGTH = 200;

/** A sniffed content type and the file-name extensions that may carry it. */
interface AllowedType {
  mimeType: string;
  extensions: readonly string[];
}

/** Keyed by file-type's `ext`. OLE (cfb) covers the old .doc/.xls; the name decides which one it is. */
const SNIFFED: Record<string, AllowedType[]> = {
  pdf: [{ mimeType: 'application/pdf', extensions: ['pdf'] }],
  docx: [{ mimeType: DOCX_MIME, extensions: ['docx'] }],
  xlsx: [{ mimeType: XLSX_MIME, extensions: ['xlsx'] }],
  cfb: [
    { mimeType: 'application/msword', extensions: ['doc'] },
    { mimeType: 'application/vnd.ms-excel', extensions: ['xls'] },
  ],
  png: [{ mimeType: 'image/png', extensions: ['png'] }],
  jpg: [{ mimeType: 'image/jpeg', extensions: ['jpg', 'jpeg'] }],
  gif: [{ mimeType: 'image/gif', extensions: ['gif'] }],
  webp: [{ mimeType: 'image/webp', extensions: ['webp'] }],
};

const TEXT: AllowedType[] = [
  { mimeType: 'text/plain; charset=utf-8', extensions: ['txt'] },
  { mimeType: 'text/csv; charset=utf-8', extensions: ['csv'] },
];

export const ALLOWED_EXTENSIONS = [...Object.values(SNIFFED), TEXT].flat().flatMap((t) => t.extensions);
const ALLOWED_LIST = 'PDF、Word、Excel、图片(PNG/JPG/GIF/WEBP)、文本(TXT/CSV)';

/** Keeps the last path segment, drops control characters; browsers and curl differ in what they send. */
export function cleanFilename(raw: string | undefined): string {
  const name = (raw ?? '')
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (!name) throw badInput('文件名不能为空', 'filename');
  if (name.length > MAX_FILENAME_LENGTH) throw badInput(`文件名不能超过 ${MAX_FILENAME_LENGTH} 个字符`, 'filename');
  return name;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot + 1).toLowerCase() : '';
}

/** Plain text: valid UTF-8 without NUL bytes (binary formats file-type does not know contain NULs). */
function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides a file's type from its bytes and requires the name's extension to agree, so an executable
 * or an HTML page renamed to .pdf is refused. Returns the MIME type to store and serve.
 */
export async function sniffUpload(bytes: Buffer, filename: string): Promise<string> {
  if (bytes.length === 0) throw badInput('文件内容为空', 'file');
  const extension = extensionOf(filename);
  // Imported here: file-type (ESM only) costs a start-up ~50 ms of CPU for a check only uploads need.
  const { fileTypeFromBuffer } = await import('file-type');
  const detected = await fileTypeFromBuffer(bytes);
  const candidates = detected ? SNIFFED[detected.ext] : isUtf8Text(bytes) ? TEXT : undefined;
  if (!candidates) throw badInput(`不支持的文件类型，只能上传${ALLOWED_LIST}`, 'file');
  const match = candidates.find((c) => c.extensions.includes(extension));
  if (!match) {
    const expected = candidates
      .flatMap((c) => c.extensions)
      .map((e) => `.${e}`)
      .join('/');
    throw badInput(`文件扩展名与文件内容不符：内容应为 ${expected} 文件`, 'file');
  }
  return match.mimeType;
}
