import dayjs from 'dayjs';
import type { CalendarYearQuery } from '../../../generated/graphql';

export type CalendarDayData = CalendarYearQuery['calendarYear']['days'][number];

/** Monday-first weeks of one month; null pads the days before the 1st and after the last. */
export function monthWeeks(
  year: number,
  month: number,
  byDate: Map<string, CalendarDayData>,
): (CalendarDayData | null)[][] {
  const first = dayjs(new Date(year, month, 1));
  const lead = (first.day() + 6) % 7;
  const cells: (CalendarDayData | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= first.daysInMonth(); d++) {
    const date = first.date(d).format('YYYY-MM-DD');
    cells.push(
      byDate.get(date) ?? {
        date,
        isWorkingDay: ![0, 6].includes(first.date(d).day()),
        note: null,
        source: 'WEEKDAY_RULE',
        correctionVersion: null,
      },
    );
  }
  while (cells.length % 7) cells.push(null);
  const weeks: (CalendarDayData | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export const isWeekend = (date: string) => [0, 6].includes(dayjs(date).day());

/** What makes a day worth marking: a holiday on a weekday (休) or a working weekend (班, 调休). */
export function dayMark(day: CalendarDayData): 'rest' | 'work' | null {
  const weekend = isWeekend(day.date);
  if (!day.isWorkingDay && !weekend) return 'rest';
  if (day.isWorkingDay && weekend) return 'work';
  return null;
}

export function describeDay(day: CalendarDayData): string {
  const kind = day.isWorkingDay ? '工作日' : '休息日';
  const source =
    day.source === 'TENANT_CORRECTION' ? '（本单位修正）' : day.source === 'HOLIDAY_NOTICE' ? '（国务院放假通知）' : '';
  return `${day.date} ${kind}${day.note ? ` ${day.note}` : ''}${source}`;
}
