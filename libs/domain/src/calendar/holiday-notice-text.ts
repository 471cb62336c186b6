import { DomainError } from '../errors.js';
import { addDays, isIsoDate, isoDate, weekdayOf, type IsoDate } from './iso-date.js';

/** One holiday of the notice: its name and every day off it gives (weekends inside the range too). */
export interface NoticeHoliday {
  name: string;
  from: IsoDate;
  to: IsoDate;
  days: IsoDate[];
  /** "共N天" as the notice states it, when it does. */
  statedDays: number | null;
}

/** A weekend day the notice turns into a working day (调休上班). */
export interface NoticeMakeUpDay {
  name: string;
  date: IsoDate;
}

export interface ReadHolidayNotice {
  year: number;
  holidays: NoticeHoliday[];
  makeUpDays: NoticeMakeUpDay[];
  /** Chinese notes for a person to check before saving (day counts that disagree, odd make-up days). */
  warnings: string[];
}

const MAX_NOTICE_CHARS = 20_000;
const MAX_HOLIDAY_DAYS = 15;
const NUMERALS = '一二三四五六七八九十';

/** Full-width digits and punctuation to ASCII, and every bracketed aside removed: （农历除夕、周二）, (星期日). */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（(][^（）()]*[）)]/gu, '')
    .replace(/[\s\u3000]+/gu, '');
}

const DATE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日/gu;

interface DateMatch {
  year: number | null;
  month: number | null;
  day: number;
  index: number;
  end: number;
}

function datesIn(sentence: string): DateMatch[] {
  return [...sentence.matchAll(DATE)].map((m) => ({
    year: m[1] ? Number(m[1]) : null,
    month: m[2] ? Number(m[2]) : null,
    day: Number(m[3]),
    index: m.index!,
    end: m.index! + m[0].length,
  }));
}

/**
 * Reads the State Council's 关于YYYY年部分节假日安排的通知 as pasted from its web page: the numbered
 * items `一、元旦：…`, each with the days off (`1月28日至2月4日放假调休，共8天`) and the make-up working
 * days (`1月26日、2月8日上班`). Weekday and lunar notes in brackets are ignored; a date may carry its own
 * year (`2018年12月30日至2019年1月1日`). `year` is used when the text does not name one.
 */
export function readHolidayNoticeText(text: string, year?: number): ReadHolidayNotice {
  if (text.length > MAX_NOTICE_CHARS)
    throw new DomainError('INVALID_ARGUMENT', 'notice text is too long', { reason: 'TOO_LONG' });
  const flat = normalise(text);
  const titled = /(\d{4})年(?:部分)?节假日安排/u.exec(flat) ?? /(\d{4})年/u.exec(flat);
  const noticeYear = titled ? Number(titled[1]) : year;
  if (!noticeYear || noticeYear < 2000 || noticeYear > 2100) {
    throw new DomainError('INVALID_ARGUMENT', 'the notice names no year', { reason: 'NO_YEAR' });
  }
  const items = [
    ...flat.matchAll(
      new RegExp(
        `(?:^|[。${NUMERALS}])[${NUMERALS}]*、([^：:。]{1,20}?)[：:](.*?)(?=[${NUMERALS}]+、[^：:。]{1,20}[：:]|$)`,
        'gu',
      ),
    ),
  ];
  const holidays: NoticeHoliday[] = [];
  const makeUpDays: NoticeMakeUpDay[] = [];
  const warnings: string[] = [];
  for (const [, rawName, body] of items) {
    const name = rawName.replace(/[，,]/gu, '、');
    for (const sentence of body.split(/[。；;]/u)) {
      const dates = datesIn(sentence);
      if (!dates.length) continue;
      const resolve = (d: DateMatch, prev: { year: number; month: number } | null) => {
        const month = d.month ?? prev?.month;
        if (!month)
          throw new DomainError('INVALID_ARGUMENT', `a date without a month in “${sentence}”`, {
            reason: 'NO_MONTH',
            sentence,
          });
        // A range crossing the new year (12月30日至1月1日) without written years ends in the next year.
        let y = d.year ?? prev?.year ?? noticeYear;
        if (!d.year && prev && month < prev.month) y = prev.year + 1;
        const iso = isoDate(y, month, d.day);
        if (!isIsoDate(iso))
          throw new DomainError('INVALID_ARGUMENT', `no such day ${iso}`, { reason: 'BAD_DATE', sentence });
        return { iso, year: y, month };
      };
      const offAt = sentence.indexOf('放假');
      if (offAt >= 0) {
        const before = dates.filter((d) => d.end <= offAt);
        if (before.length) {
          const first = resolve(before[0], null);
          const ranged =
            before.length > 1 && /^(?:至|到|—|-|~|－)$/u.test(sentence.slice(before[0].end, before[1].index));
          const last = ranged ? resolve(before[1], first) : first;
          const days: IsoDate[] = [];
          for (let d = first.iso; d <= last.iso; d = addDays(d, 1)) {
            days.push(d);
            if (days.length > MAX_HOLIDAY_DAYS)
              throw new DomainError('INVALID_ARGUMENT', `holiday ${name} is longer than ${MAX_HOLIDAY_DAYS} days`, {
                reason: 'TOO_LONG_HOLIDAY',
                name,
              });
          }
          if (!days.length)
            throw new DomainError('INVALID_ARGUMENT', `holiday ${name} ends before it starts`, {
              reason: 'BAD_RANGE',
              name,
            });
          const stated = /共(\d+)天/u.exec(sentence) ?? /放假(\d+)天/u.exec(sentence);
          const statedDays = stated ? Number(stated[1]) : null;
          if (statedDays !== null && statedDays !== days.length)
            warnings.push(`${name}：通知写“共${statedDays}天”，日期范围是 ${days.length} 天，请核对`);
          holidays.push({ name, from: first.iso, to: last.iso, days, statedDays });
        }
      }
      if (sentence.includes('上班')) {
        let prev: { year: number; month: number } | null = null;
        for (const d of dates.filter((x) => x.end <= sentence.lastIndexOf('上班') && (offAt < 0 || x.index > offAt))) {
          const at = resolve(d, prev);
          prev = at;
          makeUpDays.push({ name, date: at.iso });
          if (weekdayOf(at.iso) < 6) warnings.push(`${name}：${at.iso} 本是工作日，通知写明上班，请核对`);
        }
      }
    }
  }
  if (!holidays.length)
    throw new DomainError('INVALID_ARGUMENT', 'no holiday found in the notice', { reason: 'NOTHING_FOUND' });
  const off = new Set(holidays.flatMap((h) => h.days));
  const both = makeUpDays.find((m) => off.has(m.date));
  if (both)
    throw new DomainError('INVALID_ARGUMENT', `${both.date} is both a day off and a working day`, {
      reason: 'CONTRADICTION',
      date: both.date,
    });
  return { year: noticeYear, holidays, makeUpDays, warnings };
}

/** The notice as per-day corrections: every day off and every make-up working day, in date order. */
export function holidayNoticeDays(notice: ReadHolidayNotice): Array<{ date: IsoDate; workday: boolean; note: string }> {
  return [
    ...notice.holidays.flatMap((h) => h.days.map((date) => ({ date, workday: false, note: h.name }))),
    ...notice.makeUpDays.map((m) => ({ date: m.date, workday: true, note: `${m.name}调休上班` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}
