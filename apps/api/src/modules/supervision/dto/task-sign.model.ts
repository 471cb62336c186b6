import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@InputType({ description: '签收: the given tasks, or every unsigned task of my unit' })
export class SignTasksInput {
  @Field(() => [ID], { nullable: true, description: 'At most 500; ignored when all is true' })
  taskIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  all?: boolean | null;
}

@ObjectType('SignTasksResult')
export class SignTasksResultModel {
  @Field(() => Int, { description: 'Tasks signed now (already signed ones are left as they were)' })
  signed!: number;

  @Field(() => Int, { description: 'Tasks of my unit still waiting to be signed for' })
  unsignedLeft!: number;
}

@ObjectType('LateSigning', {
  description: 'A unit that has not signed for tasks assigned more than the set number of working days ago',
})
export class LateSigningModel {
  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => Int, { description: 'Tasks past the time to sign' })
  lateCount!: number;

  @Field({ description: 'LocalDate: when the longest-waiting of them was assigned' })
  oldestAssignedOn!: string;

  @Field(() => Int, { description: 'Working days the longest-waiting task has waited' })
  workingDaysWaiting!: number;
}
