// The static JSON rather than the package's functions: chinese-days builds its lookup tables at load
// time with a Date-based helper that shifts every entry by one day when the process runs in a time
// zone west of UTC (checked with TZ=America/Los_Angeles). The JSON is generated at publish time and
// does not depend on the host's zone.
import noticeJson from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import type { IsoDate } from './iso-date.js';

interface HolidayNoticeJson {
  /** Days off by the State Council's notice, value "English,中文,n". */
  holidays: Record<IsoDate, string>;
  /** Weekend days that are working days (调休上班). */
  workdays: Record<IsoDate, string>;
}

const notice = noticeJson as HolidayNoticeJson;

export interface NoticeDay {
  workday: boolean;
  /** The holiday's Chinese name, e.g. 国庆节. */
  holiday: string;
}

function chineseName(value: string): string {
  return value.split(',')[1] ?? value;
}

/** The notice's ruling for a day, or undefined when the notice says nothing (weekday/weekend rule). */
export function noticeDay(date: IsoDate): NoticeDay | undefined {
  const makeUp = notice.workdays[date];
  if (makeUp !== undefined) return { workday: true, holiday: chineseName(makeUp) };
  const holiday = notice.holidays[date];
  if (holiday !== undefined) return { workday: false, holiday: chineseName(holiday) };
  return undefined;
}

/** Every year has at least 元旦 in the notice, so a year with no holiday entry is not covered. */
export const NOTICE_YEARS: readonly number[] = [
  ...new Set(Object.keys(notice.holidays).map((date) => Number(date.slice(0, 4)))),
].sort((a, b) => a - b);

/** Days the notice moves away from the Monday–Friday rule, per year, for building year tables. */
export function noticeEntriesOfYear(year: number): Array<{ date: IsoDate; workday: boolean }> {
  const prefix = `${year}-`;
  const entries: Array<{ date: IsoDate; workday: boolean }> = [];
  for (const date of Object.keys(notice.holidays)) {
    if (date.startsWith(prefix)) entries.push({ date, workday: false });
  }
  for (const date of Object.keys(notice.workdays)) {
    if (date.startsWith(prefix)) entries.push({ date, workday: true });
  }
  return entries;
}
