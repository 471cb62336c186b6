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

  @Field(() => String, {
    nullable: true,
    description: 'Why the office took this task out of the review (null: it is reviewed)',
  })
  excludedReason!: string | null;

  @Field(() => String, { nullable: true })
  excludedByName!: string | null;

  @Field(() => Date, { nullable: true })
  excludedAt!: Date | null;

  @Field(() => Int)
  version!: number;
}

/** A `review_item` row with its task's unit and key point, and reviewer and excluder names when joined. */
export interface ReviewItemRow {
  id: string;
  review_id: string;
  task_id: string;
  unit_id: string;
  key_point_id: string;
  verdict: ReviewVerdict | null;
  notes: string | null;
  evidence_urls: string[] | null;
  file_ids: string[] | null;
  reviewer_id: string | null;
  reviewer_name?: string | null;
  reviewed_at: Date | null;
  rectification_task_id: string | null;
  rectification_requirement: string | null;
  excluded_reason?: string | null;
  excluded_by_name?: string | null;
  excluded_at?: Date | null;
  version: number;
}

/** A `review_item` row as the table has it (`SELECT *`, `RETURNING *`). */
export type ReviewItemTableRow = Omit<ReviewItemRow, 'unit_id' | 'key_point_id'>;

export function toReviewItemModel(row: ReviewItemRow): ReviewItemModel {
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
