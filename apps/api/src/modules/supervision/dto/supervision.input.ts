import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { DelayStatusEnum, type DelayStatus } from '../../../common/enums.js';

@InputType()
export class RequestDelayInput {
  @Field({ description: 'LocalDate: after the current due date, at most a year later' })
  requestedDueDate!: string;

  @Field({ description: '延期理由, 2–1000 characters' })
  reason!: string;
}

@InputType()
export class DecideDelayInput {
  @Field()
  approve!: boolean;

  @Field(() => String, { nullable: true, description: 'Required when refusing; at most 500 characters' })
  comment?: string | null;
}

@InputType()
export class UrgeFilterInput {
  @Field(() => Boolean, { nullable: true, description: 'Only urges not yet acknowledged' })
  unacknowledged?: boolean | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  taskId?: string | null;
}

@ArgsType()
export class UrgesArgs {
  @Field(() => UrgeFilterInput, { nullable: true })
  filter?: UrgeFilterInput | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class DelayRequestFilterInput {
  @Field(() => [DelayStatusEnum], { nullable: true })
  status?: DelayStatus[] | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  planId?: string | null;
}

@ArgsType()
export class DelayRequestsArgs {
  @Field(() => DelayRequestFilterInput, { nullable: true })
  filter?: DelayRequestFilterInput | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
