import { registerEnumType } from '@nestjs/graphql';
import { REVIEW_VERDICTS } from '../review-rules.js';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const ReviewVerdictEnum = enumOf(REVIEW_VERDICTS);
registerEnumType(ReviewVerdictEnum, {
  name: 'ReviewVerdict',
  description: 'IMPLEMENTED 落实到位, PARTIAL 部分落实, NOT_IMPLEMENTED 未落实, NOT_APPLICABLE 不适用',
});

export const REVIEW_STATUSES = ['OPEN', 'COMPLETED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const ReviewStatusEnum = enumOf(REVIEW_STATUSES);
registerEnumType(ReviewStatusEnum, { name: 'ReviewStatus', description: 'OPEN 进行中, COMPLETED 已完成' });
