import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class SetCalendarDayInput {
  @Field({ description: 'LocalDate' })
  date!: string;

  @Field({ description: 'true: 上班 (e.g. a 调休 Saturday); false: 放假' })
  workday!: boolean;

  @Field(() => String, { nullable: true, description: 'At most 50 characters' })
  note?: string | null;

  @Field(() => Int, { nullable: true, description: 'The correction\'s version when changing an existing one; null when adding' })
  version?: number | null;
}
