import { fileActionKey } from '../../common/utils/action-key';
import { postMultipart, UploadError } from '../../uploads/utils/multipart';

export { UploadError };

export interface UploadedFile {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Sends one evidence file to `POST /files` (multipart, field `file`); errors carry the API's Chinese
 * message. Sending the same chosen file again reuses its idempotency key, so it is stored once.
 */
export async function uploadFile(
  file: File,
  onProgress?: (percent: number) => void,
  signal?: AbortSignal,
): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const body = await postMultipart<UploadedFile>('/files', form, {
    onProgress,
    signal,
    idempotencyKey: fileActionKey(file),
  });
  if (typeof body.id !== 'string') throw new UploadError('上传失败，请稍后重试', 'INTERNAL_SERVER_ERROR');
  return body;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
