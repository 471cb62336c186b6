import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class SetCalendarDayInput {
  @Field({ description: 'LocalDate' })
  date!: string;

  @Field({ description: 'true: 上班 (e.g. a 调休 Saturday); false: 放假' })
  workday!: boolean;

  @Field(() => String, { nullable: true, description: 'At most 50 characters' })
  note?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The correction's version when changing an existing one; null when adding",
  })
  version?: number | null;
}

@InputType()
export class SetCalendarRangeInput {
  @Field({ description: 'LocalDate, first day' })
  from!: string;

  @Field({ description: 'LocalDate, last day (at most 62 days after from)' })
  to!: string;

  @Field({ description: 'true: 上班; false: 放假' })
  workday!: boolean;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType()
export class HolidayNoticeInput {
  @Field({ description: "The notice as pasted from the State Council's page (at most 20000 characters)" })
  text!: string;

  @Field(() => Int, { nullable: true, description: 'The year, when the pasted part does not name it' })
  year?: number | null;

  @Field({ defaultValue: true, description: 'true: only read and compare; false: save every day and confirm the year' })
  dryRun!: boolean;
}
