import { DomainError } from '../errors.js';

/** A calendar day in Asia/Shanghai, written 'YYYY-MM-DD'. Lexicographic order equals date order. */
export type IsoDate = string;

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Days since 1970-01-01. Working-day arithmetic runs on these integers so that rules evaluated for
 * tens of thousands of tasks never build Date or luxon objects per day.
 */
export type DayNumber = number;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

export function assertIsoDate(value: string, what = 'date'): void {
  if (!isIsoDate(value)) {
    throw new DomainError('INVALID_DATE', `${what} must be a real calendar date 'YYYY-MM-DD', got '${value}'`, {
      value,
    });
  }
}

export function toDayNumber(date: IsoDate): DayNumber {
  assertIsoDate(date);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

export function fromDayNumber(day: DayNumber): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday: Monday = 1 … Sunday = 7. 1970-01-01 (day 0) was a Thursday. */
export function weekdayOfDayNumber(day: DayNumber): IsoWeekday {
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export function weekdayOf(date: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function yearOfDayNumber(day: DayNumber): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}
