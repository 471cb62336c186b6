import { badInput } from '../../common/app-error.js';

/** The verdicts of a 回头看 item; stored as is in review_item.verdict (scorecard and exports count them). */
export const REVIEW_VERDICTS = ['IMPLEMENTED', 'PARTIAL', 'NOT_IMPLEMENTED', 'NOT_APPLICABLE'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

export const VERDICT_LABELS: Record<ReviewVerdict, string> = {
  IMPLEMENTED: '落实到位',
  PARTIAL: '部分落实',
  NOT_IMPLEMENTED: '未落实',
  NOT_APPLICABLE: '不适用',
};

export const REVIEW_LIMITS = { title: 200, notes: 2000, requirement: 2000, reason: 1000, urls: 20, url: 2000, files: 20 };

/** What is not fully done becomes a 整改 task; 不适用 and 落实到位 need none. */
export function needsRectification(verdict: ReviewVerdict): boolean {
  return verdict === 'PARTIAL' || verdict === 'NOT_IMPLEMENTED';
}

/**
 * A rectification's new time limit: strictly after today (a limit that has already passed is no
 * limit) and within five years, which no 整改 plausibly needs more than.
 */
export function rectificationDueDate(dueDate: string, today: string): string {
  if (dueDate <= today) throw badInput('整改时限应晚于今天', 'rectification.dueDate');
  const [y] = today.split('-').map(Number);
  if (dueDate > `${y + 5}-12-31`) throw badInput('整改时限过远，请设定五年以内的日期', 'rectification.dueDate');
  return dueDate;
}

/** Evidence must be a published web page: http(s) with a host, nothing a browser would run. */
export function cleanEvidenceUrls(urls: readonly string[]): string[] {
  if (urls.length > REVIEW_LIMITS.urls) throw badInput(`佐证链接不能超过 ${REVIEW_LIMITS.urls} 个`, 'evidenceUrls');
  const clean = urls.map((raw) => {
    const value = raw.trim();
    if (value.length > REVIEW_LIMITS.url) throw badInput(`佐证链接不能超过 ${REVIEW_LIMITS.url} 个字符`, 'evidenceUrls');
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
  });
  return [...new Set(clean)];
}

/** Optional free text: trimmed, blank is null, bounded. */
export function optionalText(value: string | null | undefined, field: string, label: string, max: number): string | null {
  const trimmed = (value ?? '').trim();
  if (!trimmed) return null;
  if (trimmed.length > max) throw badInput(`${label}不能超过 ${max} 个字`, field);
  return trimmed;
}

export function requiredText(value: string | null | undefined, field: string, label: string, max: number): string {
  const trimmed = optionalText(value, field, label, max);
  if (!trimmed) throw badInput(`请填写${label}`, field);
  return trimmed;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach SQL as uuid parameters; a malformed one is the client's mistake, not a server error. */
export function uuidArg(value: string, field: string): string {
  if (typeof value !== 'string' || !UUID.test(value)) throw badInput('编号格式不正确', field);
  return value;
}
