import { badInput } from './app-error.js';

/**
 * Checks of client input shared by every module. Messages are Chinese (the web shows them as is) and
 * name the field, so a form can put the error beside it.
 */

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach SQL as ::uuid; checking first turns a malformed id into NOT_FOUND/BAD_USER_INPUT, not a 500. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID_PATTERN.test(value);

/** An id argument from a client: returned as is when well formed, otherwise bad input naming the field. */
export function uuidArg(value: string, field: string): string {
  if (!isUuid(value)) throw badInput('编号格式不正确', field);
  return value;
}

/** Optional free text: trimmed, blank is null, at most `max` characters. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  label: string,
  max: number,
): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) return null;
  if (trimmed.length > max) throw badInput(`${label}不能超过 ${max} 个字`, field);
  return trimmed;
}

/** Required free text: trimmed, at least `min` characters (a one-character 理由 says nothing), at most `max`. */
export function requiredText(
  value: string | null | undefined,
  field: string,
  label: string,
  max: number,
  min = 1,
): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < min) throw badInput(min > 1 ? `请填写${label}（至少 ${min} 个字）` : `请填写${label}`, field);
  if (trimmed.length > max) throw badInput(`${label}不能超过 ${max} 个字`, field);
  return trimmed;
}

export const MAX_EVIDENCE_URLS = 20;
export const MAX_URL_LENGTH = 2000;

/** Only published web pages count as evidence: http(s) with a host, nothing the browser would run. */
export function cleanEvidenceUrl(raw: string): string {
  const value = raw.trim();
  if (value.length > MAX_URL_LENGTH) throw badInput(`佐证链接不能超过 ${MAX_URL_LENGTH} 个字符`, 'evidenceUrls');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput(`佐证链接格式不正确：${value.slice(0, 80)}`, 'evidenceUrls');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw badInput(`佐证链接只能是 http 或 https 网址：${value.slice(0, 80)}`, 'evidenceUrls');
  }
  return value;
}

/** A bounded list of evidence pages; the same page listed twice is one piece of evidence. */
export function cleanEvidenceUrls(urls: readonly string[]): string[] {
  if (urls.length > MAX_EVIDENCE_URLS) throw badInput(`佐证链接不能超过 ${MAX_EVIDENCE_URLS} 个`, 'evidenceUrls');
  return [...new Set(urls.map(cleanEvidenceUrl))];
}
