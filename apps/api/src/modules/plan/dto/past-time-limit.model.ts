import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('PastTimeLimit', { description: 'A time limit of a draft that has already passed' })
export class PastTimeLimitModel {
  @Field(() => ID)
  keyPointId!: string;

  @Field()
  label!: string;

  @Field()
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'As written; null for the default date of a key point that states none',
  })
  text!: string | null;

  @Field({ description: 'LocalDate' })
  date!: string;

  @Field({ description: "The key point's due date: its tasks would be overdue (红灯) as soon as they are created" })
  isDueDate!: boolean;
}
