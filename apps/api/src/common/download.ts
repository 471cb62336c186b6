import { SetMetadata, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file the API hands out: an export, a template, a stored upload. */
export interface DownloadFile {
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export const STORED_FILE = 'duban:stored-file';
/** A route that hands back a file someone uploaded, byte for byte: no export footer is ever added to it. */
export const StoredFile = () => SetMetadata(STORED_FILE, true);

/** RFC 6266/5987: a UTF-8 Chinese file name plus an ASCII fallback for old clients. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a file as a download that is never cached by a shared proxy nor sniffed into another type
 * (the answer of every controller route that returns a file, with `@Res({ passthrough: true })`).
 */
export function sendDownload(res: Response, file: DownloadFile): StreamableFile {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.bytes.length));
  res.setHeader('Content-Disposition', attachment(file.filename));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  return new StreamableFile(file.bytes);
}
