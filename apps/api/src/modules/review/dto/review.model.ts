import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';
import { ReviewStatusEnum, type ReviewStatus } from './review-enums.js';

@ObjectType('Review', { description: '回头看: a look-back review of a published plan' })
export class ReviewModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field()
  title!: string;

  @Field(() => ReviewStatusEnum)
  status!: ReviewStatus;

  @Field(() => Int, {
    description: 'Tasks under review: every ordinary task of the plan (the office may exclude some, with a reason)',
  })
  itemCount!: number;

  @Field(() => Int, {
    description: "Of those, 无明确时限: due only by the tenant's year-end default (reviewed all the same)",
  })
  untimedTaskCount!: number;

  @Field(() => ID)
  openedById!: string;

  @Field(() => Date)
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Int)
  version!: number;
}

/** A `review` row (回头看 of one plan). */
export interface ReviewRow {
  id: string;
  plan_id: string;
  title: string;
  status: ReviewStatus;
  item_count: number;
  untimed_task_count: number;
  opened_by: string;
  opened_at: Date;
  completed_at: Date | null;
  version: number;
}

export function toReviewModel(row: ReviewRow): ReviewModel {
  return {
    id: row.id,
    planId: row.plan_id,
    title: row.title,
    status: row.status,
    itemCount: row.item_count,
    untimedTaskCount: row.untimed_task_count,
    openedById: row.opened_by,
    openedAt: row.opened_at,
    completedAt: row.completed_at,
    version: row.version,
  };
}

export const ReviewConnection = ConnectionType(ReviewModel, 'ReviewConnection');
export type ReviewConnection = InstanceType<typeof ReviewConnection>;

@ObjectType('ReviewProgress', { description: 'How far a review has come: items recorded, by verdict' })
export class ReviewProgressModel {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  recorded!: number;

  @Field(() => Int, { description: 'Neither recorded nor excluded' })
  pending!: number;

  @Field(() => Int, { description: 'Taken out of the review by the office, with a reason' })
  excluded!: number;

  @Field(() => Int)
  implemented!: number;

  @Field(() => Int)
  partial!: number;

  @Field(() => Int)
  notImplemented!: number;

  @Field(() => Int)
  notApplicable!: number;

  @Field(() => Int, { description: '整改 tasks created by this review' })
  rectifications!: number;
}

/** The counts of PROGRESS_COLUMNS. */
export type ReviewProgressRow = Record<
  | 'total'
  | 'recorded'
  | 'excluded'
  | 'implemented'
  | 'partial'
  | 'not_implemented'
  | 'not_applicable'
  | 'rectifications',
  number
>;

export function toReviewProgress(row: ReviewProgressRow | null | undefined): ReviewProgressModel {
  const n = (k: keyof ReviewProgressRow) => Number(row?.[k] ?? 0);
  const total = n('total');
  const recorded = n('recorded');
  const excluded = n('excluded');
  return {
    total,
    recorded,
    pending: total - recorded - excluded,
    excluded,
    implemented: n('implemented'),
    partial: n('partial'),
    notImplemented: n('not_implemented'),
    notApplicable: n('not_applicable'),
    rectifications: n('rectifications'),
  };
}

/** The aggregate columns toReviewProgress reads, over review_item rows aliased `i`. */
export const PROGRESS_COLUMNS = `count(*)::int AS total,
  count(i.verdict)::int AS recorded,
  count(i.excluded_at)::int AS excluded,
  count(*) FILTER (WHERE i.verdict = 'IMPLEMENTED')::int AS implemented,
  count(*) FILTER (WHERE i.verdict = 'PARTIAL')::int AS partial,
  count(*) FILTER (WHERE i.verdict = 'NOT_IMPLEMENTED')::int AS not_implemented,
  count(*) FILTER (WHERE i.verdict = 'NOT_APPLICABLE')::int AS not_applicable,
  count(i.rectification_task_id)::int AS rectifications`;
