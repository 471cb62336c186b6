import { readCsrfToken } from '../../auth/utils/csrf';
import { signedOut } from '../../common/utils/notifier';

/**
 * An upload endpoint's refusal: its Chinese message, code and field (`{ code, message, field,
 * extensions }` from the API; `extensions` carries further facts, e.g. the plan a duplicate import is).
 */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly field?: string,
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** The session's CSRF header, which every multipart endpoint checks before reading the body. */
function csrfHeaders(): Record<string, string> {
  const token = readCsrfToken();
  return token ? { 'X-CSRF-Token': token } : {};
}

/** A multipart POST for fetch (e.g. a download made from a form): the session cookie and the CSRF header. */
export function multipartRequest(form: FormData): RequestInit {
  return { method: 'POST', credentials: 'same-origin', body: form, headers: csrfHeaders() };
}

/**
 * POSTs a multipart form (a file and text fields) to one of the API's upload endpoints (/files,
 * /imports/*, /accounts/import) with the session cookie and the CSRF header. XMLHttpRequest rather
 * than fetch because fetch still cannot report upload progress.
 */
export function postMultipart<T>(
  url: string,
  form: FormData,
  options: {
    onProgress?: (percent: number) => void;
    signal?: AbortSignal;
    /** The action's idempotency key: a retry with the same key answers the first result. */
    idempotencyKey?: string;
  } = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    if (options.idempotencyKey) xhr.setRequestHeader('Idempotency-Key', options.idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && options.onProgress)
        options.onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let body: Record<string, unknown> | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as T);
      if (xhr.status === 401) signedOut();
      const code =
        typeof body?.code === 'string' ? body.code : xhr.status === 413 ? 'BAD_USER_INPUT' : 'INTERNAL_SERVER_ERROR';
      const fallback =
        xhr.status === 413 ? '文件过大' : xhr.status === 401 ? '登录已过期，请重新登录' : '上传失败，请稍后重试';
      const extensions =
        body?.extensions && typeof body.extensions === 'object'
          ? (body.extensions as Record<string, unknown>)
          : undefined;
      reject(
        new UploadError(
          typeof body?.message === 'string' ? body.message : fallback,
          code,
          typeof body?.field === 'string' ? body.field : undefined,
          extensions,
        ),
      );
    };
    xhr.onerror = () => reject(new UploadError('无法连接服务器，上传失败', 'NETWORK'));
    xhr.onabort = () => reject(new UploadError('已取消上传', 'ABORTED'));
    options.signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
