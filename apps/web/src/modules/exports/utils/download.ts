import { signedOut } from '../../common/utils/notifier';

const FALLBACK: Record<number, string> = {
  400: '导出请求参数有误',
  401: '登录已过期，请重新登录',
  403: '没有权限导出该文件',
  404: '要导出的内容不存在或无权访问',
  409: '数据已变化，请刷新后重试',
};

/** A download the server refused: its `{ code, message }` answer, with the Chinese message to show. */
export class DownloadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** The UTF-8 file name of a Content-Disposition header (RFC 5987), else its plain one. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the ASCII name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1] : null;
}

/**
 * Fetches an export first and only then saves it: when the server answers with JSON `{code, message}`
 * instead of a file, the person sees that Chinese message instead of a saved error page.
 */
export async function fetchDownload(
  href: string,
  fallbackName: string,
  init: RequestInit = {},
): Promise<{ blob: Blob; filename: string }> {
  let res: Response;
  try {
    res = await fetch(href, { credentials: 'same-origin', ...init });
  } catch {
    throw new DownloadError('NETWORK', '无法连接服务器，请检查网络后重试', 0);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || type.includes('application/json') || type.includes('text/html')) {
    let code = 'INTERNAL_SERVER_ERROR';
    let message = FALLBACK[res.status] ?? '导出失败，请稍后重试';
    if (type.includes('application/json')) {
      const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
      if (body?.code) code = body.code;
      if (body?.message) message = body.message;
    }
    if (res.status === 401 || code === 'UNAUTHENTICATED') signedOut();
    throw new DownloadError(code, message, res.status);
  }
  return {
    blob: await res.blob(),
    filename: filenameFromDisposition(res.headers.get('content-disposition')) ?? fallbackName,
  };
}

/** Hands a blob to the browser as a file download. */
export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Builds `/exports/<file>?a=1&b=2`, leaving out empty parameters. */
export function exportHref(file: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  const qs = query.toString();
  return `/exports/${file}${qs ? `?${qs}` : ''}`;
}
