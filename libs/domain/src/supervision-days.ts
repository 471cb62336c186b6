import { addDays, maxDate, type IsoDate } from './calendar/iso-date.js';
import { shanghaiDate, startOfDayShanghai } from './calendar/shanghai-time.js';

/** The daily supervision runs at 07:30 in Shanghai, before the offices open. */
const DAILY_RUN_MINUTES = 7 * 60 + 30;

/** The instant a day's daily supervision falls due. */
export function dailyRunAt(day: IsoDate): Date {
  return new Date(startOfDayShanghai(day).getTime() + DAILY_RUN_MINUTES * 60_000);
}

/** The latest day whose daily run is due at `now`: today from 07:30, yesterday before. */
export function lastDueDay(now: Date): IsoDate {
  const today = shanghaiDate(now);
  return now < dailyRunAt(today) ? addDays(today, -1) : today;
}

/**
 * The days a tenant's daily supervision still has to run, oldest first: `through` and up to
 * `lookbackDays` before it that are not completed. Never before the first day recorded for the tenant:
 * a tenant is supervised from the day Duban first ran for it, not retroactively.
 */
export function daysToRun(
  through: IsoDate,
  lookbackDays: number,
  firstDay: IsoDate | null,
  completed: ReadonlySet<IsoDate>,
): IsoDate[] {
  const from = firstDay ? maxDate(firstDay, addDays(through, -lookbackDays)) : through;
  const days: IsoDate[] = [];
  for (let day = from; day <= through; day = addDays(day, 1)) if (!completed.has(day)) days.push(day);
  return days;
}
