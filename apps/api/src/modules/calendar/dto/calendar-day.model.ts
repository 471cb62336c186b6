import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export const CALENDAR_DAY_SOURCES = ['TENANT_CORRECTION', 'HOLIDAY_NOTICE', 'WEEKDAY_RULE'] as const;
export type CalendarDaySourceValue = (typeof CALENDAR_DAY_SOURCES)[number];
export const CalendarDaySourceEnum = Object.fromEntries(CALENDAR_DAY_SOURCES.map((v) => [v, v])) as {
  [K in CalendarDaySourceValue]: K;
};
registerEnumType(CalendarDaySourceEnum, {
  name: 'CalendarDaySource',
  description: 'TENANT_CORRECTION 本单位修正, HOLIDAY_NOTICE 国务院放假通知, WEEKDAY_RULE 周一至周五工作',
});

@ObjectType('CalendarDay', { description: 'One day of the working-day calendar, Asia/Shanghai' })
export class CalendarDayModel {
  @Field({ description: 'LocalDate' })
  date!: string;

  @Field()
  isWorkingDay!: boolean;

  @Field(() => CalendarDaySourceEnum)
  source!: CalendarDaySourceValue;

  @Field(() => String, { nullable: true, description: "Holiday name (国庆节) or the office's note" })
  note!: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Version of the tenant correction, when there is one (send it back to change or remove it)',
  })
  correctionVersion!: number | null;
}

@ObjectType('CalendarYear')
export class CalendarYearModel {
  @Field(() => Int)
  year!: number;

  @Field({
    description:
      'False: the holiday notice data lacks this year and nobody confirmed it, so only weekends are days off',
  })
  covered!: boolean;

  @Field({ description: 'The office confirmed this year by hand' })
  confirmedByOffice!: boolean;

  @Field(() => Int)
  workingDayCount!: number;

  @Field(() => [CalendarDayModel])
  days!: CalendarDayModel[];
}

@ObjectType('CalendarYearCoverage')
export class CalendarYearCoverageModel {
  @Field(() => Int)
  year!: number;

  @Field()
  covered!: boolean;
}

@ObjectType('HolidayNoticeDay', { description: 'One day the pasted notice rules on' })
export class HolidayNoticeDayModel {
  @Field({ description: 'LocalDate' })
  date!: string;

  @Field({ description: 'true: 调休上班; false: 放假' })
  workday!: boolean;

  @Field()
  note!: string;

  @Field({ description: 'The calendar says otherwise today (saving changes this day)' })
  changes!: boolean;
}

@ObjectType('HolidayNoticeReading', { description: 'What a pasted 部分节假日安排 notice says, before or after saving' })
export class HolidayNoticeReadingModel {
  @Field(() => Int)
  year!: number;

  @Field(() => [HolidayNoticeDayModel])
  days!: HolidayNoticeDayModel[];

  @Field(() => [String], {
    description: 'Things to check by eye before saving (共N天 that disagrees, odd make-up days)',
  })
  warnings!: string[];

  @Field({ description: 'false: a preview, nothing saved' })
  saved!: boolean;
}
