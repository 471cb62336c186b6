import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { ReviewVerdict } from '@duban/domain';
import { ReviewVerdictEnum } from './review-enums.js';

@ObjectType('TaskRectification', {
  description: 'Why a 整改 task exists: the review verdict and what the unit must do',
})
export class TaskRectificationModel {
  @Field(() => ID)
  reviewId!: string;

  @Field()
  reviewTitle!: string;

  @Field(() => ReviewVerdictEnum)
  verdict!: ReviewVerdict;

  @Field(() => String, { nullable: true, description: '整改要求' })
  requirement!: string | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s notes on the original task' })
  notes!: string | null;
}
