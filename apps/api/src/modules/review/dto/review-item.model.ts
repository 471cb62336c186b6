import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';
import type { ReviewVerdict } from '@duban/domain';
import { ReviewVerdictEnum } from './review-enums.js';

@ObjectType('ReviewItem', { description: 'One task under review and its verdict' })
export class ReviewItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  reviewId!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field(() => ReviewVerdictEnum, { nullable: true, description: 'Null until recorded' })
  verdict!: ReviewVerdict | null;

  @Field(() => String, { nullable: true })
  notes!: string | null;

  @Field(() => [String])
  evidenceUrls!: string[];

  @Field(() => [ID])
  fileIds!: string[];

  @Field(() => ID, { nullable: true })
  reviewerId!: string | null;

  @Field(() => String, { nullable: true })
  reviewerName!: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  rectificationTaskId!: string | null;

  @Field(() => String, { nullable: true, description: '整改要求' })
  rectificationRequirement!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the office took this task out of the review (null: it is reviewed)' })
  excludedReason!: string | null;

  @Field(() => String, { nullable: true })
  excludedByName!: string | null;

  @Field(() => Date, { nullable: true })
  excludedAt!: Date | null;

  @Field(() => Int)
  version!: number;
}

export function toReviewItemModel(row: Record<string, any>): ReviewItemModel {
  return {
    id: row.id,
    reviewId: row.review_id,
    taskId: row.task_id,
    unitId: row.unit_id,
    keyPointId: row.key_point_id,
    verdict: row.verdict,
    notes: row.notes,
    evidenceUrls: row.evidence_urls ?? [],
    fileIds: row.file_ids ?? [],
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name ?? null,
    reviewedAt: row.reviewed_at,
    rectificationTaskId: row.rectification_task_id,
    rectificationRequirement: row.rectification_requirement,
    excludedReason: row.excluded_reason ?? null,
    excludedByName: row.excluded_by_name ?? null,
    excludedAt: row.excluded_at ?? null,
    version: row.version,
  };
}

export const ReviewItemConnection = ConnectionType(ReviewItemModel, 'ReviewItemConnection');
export type ReviewItemConnection = InstanceType<typeof ReviewItemConnection>;
