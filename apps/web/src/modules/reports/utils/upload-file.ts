import { readCsrfToken } from '../../auth/utils/csrf';

export interface UploadedFile {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * Sends one file to `POST /files` (multipart, field `file`) with the CSRF header. XMLHttpRequest rather
 * than fetch because fetch still cannot report upload progress. Errors come back as the API's
 * `{ code, message }` with a Chinese message.
 */
export function uploadFile(file: File, onProgress?: (percent: number) => void, signal?: AbortSignal): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/files');
    xhr.withCredentials = true;
    const token = readCsrfToken();
    if (token) xhr.setRequestHeader('X-CSRF-Token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body && typeof body.id === 'string') {
        resolve(body as unknown as UploadedFile);
        return;
      }
      const code = typeof body?.code === 'string' ? body.code : xhr.status === 413 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
      const fallback = xhr.status === 413 ? '文件过大' : xhr.status === 401 ? '登录已过期，请重新登录' : '上传失败，请稍后重试';
      reject(new UploadError(typeof body?.message === 'string' ? body.message : fallback, code));
    };
    xhr.onerror = () => reject(new UploadError('无法连接服务器，上传失败', 'NETWORK'));
    xhr.onabort = () => reject(new UploadError('已取消上传', 'ABORTED'));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
