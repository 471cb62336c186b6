import { ArgsType, Field, Int } from '@nestjs/graphql';
import { PlanStatusEnum, type PlanStatus } from '../../../common/enums.js';

@ArgsType()
export class PlansArgs {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => PlanStatusEnum, { nullable: true })
  status?: PlanStatus | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
