import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { ReviewVerdict } from '@duban/domain';
import { ReviewVerdictEnum } from './review-enums.js';

@InputType({ description: 'Review item filters; all optional and combined with AND' })
export class ReviewItemFilterInput {
  @Field(() => ReviewVerdictEnum, { nullable: true })
  verdict?: ReviewVerdict | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only items still to judge (no verdict, not excluded); false: only recorded ones',
  })
  pending?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only items the office excluded; false: only items under review',
  })
  excluded?: boolean | null;
}

@ArgsType()
export class ReviewItemsArgs {
  @Field(() => ReviewItemFilterInput, { nullable: true })
  filter?: ReviewItemFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class ReviewsArgs {
  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class RectificationTasksArgs {
  @Field(() => Int, {
    description: 'The year the 整改 work runs in (assigned on or before its end, due on or after its start)',
  })
  year!: number;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
