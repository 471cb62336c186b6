import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: '分管领导审核' })
export class LeaderDecisionInput {
  @Field()
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when rejecting' })
  comment?: string | null;
}

@InputType({ description: '办公室审核' })
export class ReviewReportInput {
  @Field()
  accept!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when returning: the reason the unit sees' })
  reason?: string | null;
}
