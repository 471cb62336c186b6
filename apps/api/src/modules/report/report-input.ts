import { badInput } from '../../common/app-error.js';
import { cleanEvidenceUrls } from '../../common/validation.js';
import type { SubmitReportInput } from './dto/submit-report.input.js';

export const MAX_REPORT_TEXT = 5000;
export const MAX_COMMENT = 1000;

export interface CleanReportInput {
  text: string;
  progress: number;
  claimsCompletion: boolean;
  evidenceUrls: string[];
  fileIds: string[];
}

export function cleanReportInput(input: SubmitReportInput): CleanReportInput {
  const text = (input.text ?? '').trim();
  if (!text) throw badInput('请填写进展情况', 'text');
  if (text.length > MAX_REPORT_TEXT) throw badInput(`进展情况不能超过 ${MAX_REPORT_TEXT} 个字`, 'text');
  if (!Number.isInteger(input.progress) || input.progress < 0 || input.progress > 100)
    throw badInput('进度应为 0 到 100 之间的整数', 'progress');
  const claimsCompletion = input.claimsCompletion === true;
  if (claimsCompletion && input.progress !== 100) throw badInput('报完成时进度应为 100%', 'progress');
  const evidenceUrls = cleanEvidenceUrls(input.evidenceUrls ?? []);
  return { text, progress: input.progress, claimsCompletion, evidenceUrls, fileIds: input.fileIds ?? [] };
}

/** A leader's or reviewer's comment: optional unless `required`, trimmed, bounded. */
export function cleanComment(
  raw: string | null | undefined,
  required: boolean,
  field: string,
  missing: string,
): string | null {
  const value = (raw ?? '').trim();
  if (!value) {
    if (required) throw badInput(missing, field);
    return null;
  }
  if (value.length > MAX_COMMENT) throw badInput(`意见不能超过 ${MAX_COMMENT} 个字`, field);
  return value;
}
