import type { ReviewVerdict } from '../../../generated/graphql';

export const VERDICTS: ReviewVerdict[] = ['IMPLEMENTED', 'PARTIAL', 'NOT_IMPLEMENTED', 'NOT_APPLICABLE'];
export const VERDICT_LABELS: Record<ReviewVerdict, string> = {
  IMPLEMENTED: '落实到位',
  PARTIAL: '部分落实',
  NOT_IMPLEMENTED: '未落实',
  NOT_APPLICABLE: '不适用',
};
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
export const needsRectification = (verdict: ReviewVerdict | null | undefined) => verdict === 'PARTIAL' || verdict === 'NOT_IMPLEMENTED';
