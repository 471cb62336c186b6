import { addDays, type IsoDate } from './calendar/iso-date.js';
import { shanghaiDate, startOfDayShanghai } from './calendar/shanghai-time.js';
import type { WorkCalendar } from './calendar/work-calendar.js';
import { DomainError } from './errors.js';

/** Office hours on working days, Shanghai time, 'HH:mm'. */
export interface WorkHours {
  start: string;
  end: string;
}

export const DEFAULT_WORK_HOURS: Readonly<WorkHours> = Object.freeze({ start: '08:30', end: '17:30' });

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(value: string, what: string): number {
  const m = HH_MM.exec(value);
  if (!m) throw new DomainError('INVALID_ARGUMENT', `${what} must be HH:mm, got "${value}"`, { value });
  return Number(m[1]) * 60 + Number(m[2]);
}

export function validateWorkHours(hours: WorkHours): WorkHours {
  if (minutesOf(hours.start, 'start') >= minutesOf(hours.end, 'end')) {
    throw new DomainError('INVALID_ARGUMENT', 'work hours must start before they end', { ...hours });
  }
  return hours;
}

const atMinute = (date: IsoDate, minutes: number) => new Date(startOfDayShanghai(date).getTime() + minutes * 60_000);

/**
 * When a message that may wait should reach a person: now, during office hours of a working day on
 * the tenant's calendar; otherwise at the start of the next office hours (a Saturday evening message
 * arrives on Monday morning, or on the 调休 Sunday that is a working day).
 */
export function nextDeliveryTime(now: Date, calendar: WorkCalendar, hours: WorkHours = DEFAULT_WORK_HOURS): Date {
  const start = minutesOf(hours.start, 'start');
  const end = minutesOf(hours.end, 'end');
  const today = shanghaiDate(now);
  if (calendar.isWorkingDay(today)) {
    const opens = atMinute(today, start);
    if (now < opens) return opens;
    if (now < atMinute(today, end)) return now;
  }
  return atMinute(calendar.nextWorkingDay(today), start);
}

/** The start of the next Shanghai day: when a robot's daily message allowance is back. */
export function startOfNextDayShanghai(now: Date): Date {
  return startOfDayShanghai(addDays(shanghaiDate(now), 1));
}
