import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { CalendarService } from './calendar.service.js';
import {
  CalendarDayModel,
  CalendarYearCoverageModel,
  CalendarYearModel,
  HolidayNoticeReadingModel,
} from './dto/calendar-day.model.js';
import { HolidayNoticeInput, SetCalendarDayInput, SetCalendarRangeInput } from './dto/set-calendar-day.input.js';

// Typed so the schema generator (which looks for a resolver type) finds it.
@Resolver(() => CalendarYearModel)
export class CalendarResolver {
  constructor(private readonly calendars: CalendarService) {}

  @Query(() => CalendarYearModel, { description: 'Every day of a year with whether it is a working day (工作日历)' })
  calendarYear(
    @CurrentViewer() viewer: Viewer,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<CalendarYearModel> {
    return this.calendars.calendarYear(viewer, year);
  }

  @Query(() => [CalendarYearCoverageModel], {
    description: "Whether the calendar knows the holidays of these years (default: the tenant's plan years)",
  })
  calendarCoverage(
    @CurrentViewer() viewer: Viewer,
    @Args('years', { type: () => [Int], nullable: true }) years?: number[] | null,
  ): Promise<CalendarYearCoverageModel[]> {
    return this.calendars.coverage(viewer, years);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => CalendarDayModel, { description: "Correct one day of the tenant's calendar" })
  setCalendarDay(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetCalendarDayInput,
  ): Promise<CalendarDayModel> {
    return this.calendars.setDay(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => [CalendarDayModel], { description: 'Correct every day of a range the same way (at most 62 days)' })
  setCalendarRange(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetCalendarRangeInput,
  ): Promise<CalendarDayModel[]> {
    return this.calendars.setRange(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => HolidayNoticeReadingModel, {
    description: 'Read a pasted 部分节假日安排 notice (dryRun) or save its days and confirm the year',
  })
  importHolidayNotice(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: HolidayNoticeInput,
  ): Promise<HolidayNoticeReadingModel> {
    return this.calendars.holidayNotice(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => CalendarDayModel, { description: 'Drop a correction: the day follows the holiday notice again' })
  removeCalendarCorrection(
    @CurrentViewer() viewer: Viewer,
    @Args('date') date: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<CalendarDayModel> {
    return this.calendars.removeCorrection(viewer, date, version);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => CalendarYearModel, {
    description: 'The office confirms a year checked by hand against the holiday notice',
  })
  confirmCalendarYear(
    @CurrentViewer() viewer: Viewer,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<CalendarYearModel> {
    return this.calendars.confirmYear(viewer, year);
  }
}
