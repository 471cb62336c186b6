import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TaskStatusEnum, type TaskStatus } from '../../../common/enums.js';
import type { ReviewVerdict } from '@duban/domain';
import { ReviewVerdictEnum } from './review-enums.js';
import { ReviewModel, ReviewProgressModel } from './review.model.js';

@ObjectType('ReviewUnitCount', { description: 'One unit’s verdicts in a review' })
export class ReviewUnitCountModel {
  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => ReviewProgressModel)
  counts!: ReviewProgressModel;
}

@ObjectType('ReviewRectification', { description: 'A 整改 task a review created' })
export class ReviewRectificationModel {
  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  originTaskId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field()
  keyPointLabel!: string;

  @Field()
  keyPointTitle!: string;

  @Field(() => ReviewVerdictEnum)
  verdict!: ReviewVerdict;

  @Field(() => String, { nullable: true })
  requirement!: string | null;

  @Field({ description: 'LocalDate' })
  dueDate!: string;

  @Field(() => TaskStatusEnum)
  status!: TaskStatus;
}

@ObjectType('ReviewSummary', {
  description: '回头看 summary for leadership: counts by verdict and unit, and the 整改 list',
})
export class ReviewSummaryModel {
  @Field(() => ReviewModel)
  review!: ReviewModel;

  @Field(() => Int)
  planYear!: number;

  @Field()
  planTitle!: string;

  @Field(() => ReviewProgressModel)
  counts!: ReviewProgressModel;

  @Field(() => [ReviewUnitCountModel])
  byUnit!: ReviewUnitCountModel[];

  @Field(() => [ReviewRectificationModel])
  rectifications!: ReviewRectificationModel[];
}
