import { REVIEW_VERDICT_LABELS, REVIEW_VERDICTS } from '@duban/domain';
import type { ReviewVerdict } from '../../../generated/graphql';

export const VERDICTS: readonly ReviewVerdict[] = REVIEW_VERDICTS;
export const VERDICT_LABELS: Readonly<Record<ReviewVerdict, string>> = REVIEW_VERDICT_LABELS;
export const VERDICT_COLORS: Record<ReviewVerdict, string> = {
  IMPLEMENTED: 'green',
  PARTIAL: 'gold',
  NOT_IMPLEMENTED: 'red',
  NOT_APPLICABLE: 'default',
};
export const VERDICT_HEX: Record<ReviewVerdict, string> = {
  IMPLEMENTED: '#52c41a',
  PARTIAL: '#faad14',
  NOT_IMPLEMENTED: '#f5222d',
  NOT_APPLICABLE: '#bfbfbf',
};

/** 部分落实 and 未落实 become 整改 tasks: they need a new time limit and a requirement. */
export const needsRectification = (verdict: ReviewVerdict | null | undefined) =>
  verdict === 'PARTIAL' || verdict === 'NOT_IMPLEMENTED';
