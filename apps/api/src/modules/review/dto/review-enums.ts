import { registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../../../common/enums.js';
import { describeCodes, REVIEW_VERDICT_LABELS, REVIEW_VERDICTS } from '@duban/domain';

export const ReviewVerdictEnum = enumOf(REVIEW_VERDICTS);
registerEnumType(ReviewVerdictEnum, {
  name: 'ReviewVerdict',
  description: describeCodes(REVIEW_VERDICTS, REVIEW_VERDICT_LABELS),
});

export const REVIEW_STATUSES = ['OPEN', 'COMPLETED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const ReviewStatusEnum = enumOf(REVIEW_STATUSES);
registerEnumType(ReviewStatusEnum, { name: 'ReviewStatus', description: 'OPEN 进行中, COMPLETED 已完成' });
