import { DateTime } from 'luxon';
import { DomainError } from '../errors.js';
import { assertIsoDate, type IsoDate } from './iso-date.js';

export const SHANGHAI_ZONE = 'Asia/Shanghai';

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new DomainError('INVALID_DATE', 'expected a valid Date instant', { instant: String(instant) });
  }
}

// Rules for a whole task list are evaluated with one `now`; remembering the last conversion makes
// the per-task cost of "what day is it in Shanghai" a number comparison.
let lastInstantMs = Number.NaN;
let lastShanghaiDate = '';

/** The calendar day an instant falls on in Asia/Shanghai. */
export function shanghaiDate(instant: Date): IsoDate {
  assertValidInstant(instant);
  const ms = instant.getTime();
  if (ms !== lastInstantMs) {
    lastShanghaiDate = DateTime.fromMillis(ms, { zone: SHANGHAI_ZONE }).toISODate()!;
    lastInstantMs = ms;
  }
  return lastShanghaiDate;
}

function shanghaiDay(date: IsoDate): DateTime {
  assertIsoDate(date);
  return DateTime.fromISO(date, { zone: SHANGHAI_ZONE });
}

// Due dates and period starts repeat across thousands of tasks (6-30, 12-31, the 1st of the month).
const MAX_CACHED_DAYS = 2048;
const startOfDayMs = new Map<IsoDate, number>();

function startOfDayMillis(date: IsoDate): number {
  let ms = startOfDayMs.get(date);
  if (ms === undefined) {
    ms = shanghaiDay(date).startOf('day').toMillis();
    if (startOfDayMs.size >= MAX_CACHED_DAYS) startOfDayMs.clear();
    startOfDayMs.set(date, ms);
  }
  return ms;
}

/** 00:00:00.000 of the day in Shanghai. */
export function startOfDayShanghai(date: IsoDate): Date {
  return new Date(startOfDayMillis(date));
}

/** 23:59:59.999 of the day in Shanghai: "due 6-30" means due until this instant. */
export function endOfDayShanghai(date: IsoDate): Date {
  return new Date(shanghaiDay(date).endOf('day').toMillis());
}

/** Whether an instant falls before the start of `date` in Shanghai, without converting the instant. */
export function isBeforeDayShanghai(instant: Date, date: IsoDate): boolean {
  assertValidInstant(instant);
  return instant.getTime() < startOfDayMillis(date);
}

/**
 * Whether `now` lies after the whole of `date` in Shanghai. Equivalent to
 * `now > endOfDayShanghai(date)` but cheap: one cached conversion and a string comparison.
 */
export function isPastEndOfDay(now: Date, date: IsoDate): boolean {
  assertIsoDate(date);
  return shanghaiDate(now) > date;
}
