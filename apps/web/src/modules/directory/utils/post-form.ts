import { readCsrfToken } from '../../auth/utils/csrf';
import { signedOut } from '../../common/utils/notifier';

/** A refusal of a plain-HTTP endpoint: its `{ code, message, field }` answer. */
export class HttpFormError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpFormError';
  }
}

/** The request options of a multipart POST to our API: the session cookie and the CSRF header. */
export function formRequest(form: FormData): RequestInit {
  const token = readCsrfToken();
  return { method: 'POST', credentials: 'same-origin', body: form, headers: token ? { 'X-CSRF-Token': token } : {} };
}

/** POSTs multipart form data and returns the JSON answer; a refusal throws with the server's Chinese message. */
export async function postForm<T>(url: string, form: FormData): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, formRequest(form));
  } catch {
    throw new HttpFormError('NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const body = (await res.json().catch(() => null)) as (T & { code?: string; message?: string; field?: string }) | null;
  if (res.ok && body) return body;
  if (res.status === 401) signedOut();
  throw new HttpFormError(body?.code ?? 'INTERNAL_SERVER_ERROR', body?.message ?? '请求失败，请稍后重试', body?.field);
}
