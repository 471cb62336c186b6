import {
  addDays,
  assertIsoDate,
  daysInMonth,
  isoDate,
  weekdayOf,
  type IsoDate,
  type IsoWeekday,
} from './calendar/iso-date.js';
import { isBeforeDayShanghai, shanghaiDate } from './calendar/shanghai-time.js';
import type { WorkCalendar } from './calendar/work-calendar.js';
import { DomainError } from './errors.js';

/**
 * A tenant's reporting rhythm. The deadline lies inside its period: weekly by a weekday of the
 * (Monday–Sunday) week, monthly by a day of the month (每月25日前), quarterly by a day of the
 * quarter's last month. A deadline day beyond the month's length means the month's last day.
 */
export type ReportCycle =
  | { kind: 'WEEKLY'; deadlineWeekday: IsoWeekday }
  | { kind: 'MONTHLY'; deadlineDay: number }
  | { kind: 'QUARTERLY'; deadlineDay: number };

export const DEFAULT_REPORT_CYCLE: ReportCycle = { kind: 'MONTHLY', deadlineDay: 25 };

export interface ReportPeriod {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /**
   * Last day (inclusive, end of day in Shanghai) to report. Moved to the next working day when the
   * nominal day is off, which can carry it past periodEnd (e.g. a month-end deadline on a Saturday).
   */
  deadline: IsoDate;
}

export function validateReportCycle(cycle: ReportCycle): ReportCycle {
  const ok =
    cycle.kind === 'WEEKLY'
      ? Number.isInteger(cycle.deadlineWeekday) && cycle.deadlineWeekday >= 1 && cycle.deadlineWeekday <= 7
      : (cycle.kind === 'MONTHLY' || cycle.kind === 'QUARTERLY') &&
        Number.isInteger(cycle.deadlineDay) &&
        cycle.deadlineDay >= 1 &&
        cycle.deadlineDay <= 31;
  if (!ok) throw new DomainError('INVALID_SETTINGS', 'invalid report cycle', { cycle });
  return cycle;
}

function dayInMonth(year: number, month: number, day: number): IsoDate {
  return isoDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/** The period a calendar day belongs to. */
export function periodContaining(date: IsoDate, cycle: ReportCycle, calendar: WorkCalendar): ReportPeriod {
  assertIsoDate(date);
  validateReportCycle(cycle);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  let periodStart: IsoDate;
  let periodEnd: IsoDate;
  let nominalDeadline: IsoDate;
  switch (cycle.kind) {
    case 'WEEKLY':
      periodStart = addDays(date, 1 - weekdayOf(date));
      periodEnd = addDays(periodStart, 6);
      nominalDeadline = addDays(periodStart, cycle.deadlineWeekday - 1);
      break;
    case 'MONTHLY':
      periodStart = isoDate(year, month, 1);
      periodEnd = isoDate(year, month, daysInMonth(year, month));
      nominalDeadline = dayInMonth(year, month, cycle.deadlineDay);
      break;
    case 'QUARTERLY': {
      const lastMonth = Math.ceil(month / 3) * 3;
      periodStart = isoDate(year, lastMonth - 2, 1);
      periodEnd = isoDate(year, lastMonth, daysInMonth(year, lastMonth));
      nominalDeadline = dayInMonth(year, lastMonth, cycle.deadlineDay);
      break;
    }
  }
  return { periodStart, periodEnd, deadline: calendar.workingDayOnOrAfter(nominalDeadline) };
}

export function currentPeriod(now: Date, cycle: ReportCycle, calendar: WorkCalendar): ReportPeriod {
  return periodContaining(shanghaiDate(now), cycle, calendar);
}

export function previousPeriod(period: ReportPeriod, cycle: ReportCycle, calendar: WorkCalendar): ReportPeriod {
  return periodContaining(addDays(period.periodStart, -1), cycle, calendar);
}

/** The most recent period whose deadline day is entirely over. */
export function latestDuePeriod(now: Date, cycle: ReportCycle, calendar: WorkCalendar): ReportPeriod {
  const today = shanghaiDate(now);
  let period = periodContaining(today, cycle, calendar);
  // A deadline moved past its period end can still be open while the next period has begun.
  while (period.deadline >= today) period = previousPeriod(period, cycle, calendar);
  return period;
}

/**
 * A report is missing when the latest period whose deadline has passed has no report made on or
 * after that period's start. A late report clears the flag (the light tracks "owes a report", the
 * scorecard counts lateness separately). Nothing is owed for a period whose deadline came on or
 * before the day the task was assigned.
 */
export function isReportMissing(input: {
  lastReportAt: Date | null | undefined;
  now: Date;
  cycle: ReportCycle;
  calendar: WorkCalendar;
  assignedDate?: IsoDate;
}): boolean {
  const due = latestDuePeriod(input.now, input.cycle, input.calendar);
  if (input.assignedDate !== undefined && input.assignedDate >= due.deadline) return false;
  if (!input.lastReportAt) return true;
  return isBeforeDayShanghai(input.lastReportAt, due.periodStart);
}

/**
 * Every period that starts on or before `to` and ends on or after `from`, oldest first (the periods a
 * scorecard judges reporting in: a task owes one report per period whose deadline has passed).
 */
export function reportPeriodsBetween(
  from: IsoDate,
  to: IsoDate,
  cycle: ReportCycle,
  calendar: WorkCalendar,
): ReportPeriod[] {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  const periods: ReportPeriod[] = [];
  for (
    let period = periodContaining(from, cycle, calendar);
    period.periodStart <= to;
    period = periodContaining(addDays(period.periodEnd, 1), cycle, calendar)
  ) {
    periods.push(period);
  }
  return periods;
}
