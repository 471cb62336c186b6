export const MAX_TEXT = 5000;
export const MAX_URLS = 20;
export const MAX_URL_LENGTH = 2000;
export const MAX_FILES = 10;
/**
 * What the file picker offers: the types the API accepts (it decides by content, this only filters the
 * picker). `image/*` rather than a list, so iOS hands over a camera-roll HEIC photo converted to JPEG.
 */
export const EVIDENCE_ACCEPT = 'image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt,.csv';

/**
 * A page address typed without its scheme (www.ndrc.ln.gov.cn/ghxx, as people copy it from the address
 * bar) is a web page: it gets https://. Anything with a scheme, or not shaped like a host, stays as typed.
 */
export function withScheme(value: string): string {
  const url = value.trim();
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  const bare = url.replace(/^\/\//, '');
  return /^[^\s/?#]+\.[^\s/?#.]+/.test(bare) ? `https://${bare}` : url;
}

/** Same rules as the API (submitReport): http/https only, at most 2000 characters. */
export function urlProblem(value: string): string | null {
  const url = value.trim();
  if (!url) return '请输入网址或删除此行';
  if (url.length > MAX_URL_LENGTH) return `网址不能超过 ${MAX_URL_LENGTH} 个字符`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '网址格式不正确，应以 http:// 或 https:// 开头';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return '只能填写 http:// 或 https:// 开头的网址';
  if (!parsed.hostname) return '网址格式不正确';
  return null;
}

export function duplicateUrls(urls: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const u of urls.map((x) => x.trim())) (seen.has(u) ? dup : seen).add(u);
  return [...dup];
}
