import { badInput } from '../../common/app-error.js';
import type { SubmitReportInput } from './dto/submit-report.input.js';

export const MAX_REPORT_TEXT = 5000;
export const MAX_EVIDENCE_URLS = 20;
export const MAX_URL_LENGTH = 2000;
export const MAX_COMMENT = 1000;

export interface CleanReportInput {
  text: string;
  progress: number;
  claimsCompletion: boolean;
  evidenceUrls: string[];
  fileIds: string[];
}

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

export function cleanReportInput(input: SubmitReportInput): CleanReportInput {
  const text = (input.text ?? '').trim();
  if (!text) throw badInput('请填写进展情况', 'text');
  if (text.length > MAX_REPORT_TEXT) throw badInput(`进展情况不能超过 ${MAX_REPORT_TEXT} 个字`, 'text');
  if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100) throw badInput('进度应为 0 到 100 之间的整数', 'progress');
  const claimsCompletion = input.claimsCompletion === true;
  if (claimsCompletion && input.progress !== 100) throw badInput('报完成时进度应为 100%', 'progress');
  const urls = input.evidenceUrls ?? [];
  if (urls.length > MAX_EVIDENCE_URLS) throw badInput(`佐证链接不能超过 ${MAX_EVIDENCE_URLS} 个`, 'evidenceUrls');
  // The same page listed twice is one piece of evidence.
  const evidenceUrls = [...new Set(urls.map(cleanEvidenceUrl))];
  return { text, progress: input.progress, claimsCompletion, evidenceUrls, fileIds: input.fileIds ?? [] };
}

/** A leader's or reviewer's comment: optional unless `required`, trimmed, bounded. */
export function cleanComment(raw: string | null | undefined, required: boolean, field: string, missing: string): string | null {
  const value = (raw ?? '').trim();
  if (!value) {
    if (required) throw badInput(missing, field);
    return null;
  }
  if (value.length > MAX_COMMENT) throw badInput(`意见不能超过 ${MAX_COMMENT} 个字`, field);
  return value;
}
