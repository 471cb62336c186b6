import { addDays, isoDate, type IsoDate, type Prng, type WorkCalendar } from '@duban/domain';

/**
 * The demo year, decided without the database: which plan year is "this year", when each key point
 * falls due, and what each unit has done about each task by today. Pure and seeded, so the same today
 * gives the same demo.
 */
export const DEMO_SEED = 2021_0618;

/**
 * Until April the office is still finishing last year's plan (this year's key points are usually
 * issued in spring), so the plan in progress is last year's and the one under 回头看 the year before.
 */
export function demoPlanYear(today: IsoDate): number {
  const [year, month] = today.split('-').map(Number);
  return month < 4 ? year - 1 : year;
}

/**
 * Working days from today to each key point's time limit, in document order: the first eight are past
 * (red unless done), the next five within the yellow window, the rest later in the year and beyond.
 */
const DUE_OFFSETS = [-45, -35, -28, -20, -14, -9, -5, -2, 1, 3, 5, 7, 9, 13, 18, 24, 30, 40, 55, 70, 90, 110];

/** Due dates for `count` key points, never before the plan year starts. */
export function currentDueDates(today: IsoDate, calendar: WorkCalendar, planYear: number, count: number): IsoDate[] {
  const earliest = calendar.workingDayOnOrAfter(isoDate(planYear, 1, 10));
  return Array.from({ length: count }, (_, i) => {
    const offset = DUE_OFFSETS[i] ?? DUE_OFFSETS[DUE_OFFSETS.length - 1] + 20 * (i - DUE_OFFSETS.length + 1);
    const due = calendar.addWorkingDays(today, offset);
    return due < earliest ? earliest : due;
  });
}

/** Last year's key points fell due at month ends through the year (never its last day, the untimed default). */
export function lastYearDueDates(year: number, count: number): IsoDate[] {
  const months = [3, 4, 5, 6, 7, 9, 10, 11];
  return Array.from({ length: count }, (_, i) => addDays(isoDate(year, months[i % months.length] + 1, 1), -1));
}

/** Where a task stands today, as the unit's reports and the office's decisions left it. */
export type TaskFate =
  'UNTOUCHED' | 'PROGRESS' | 'PENDING_LEADER' | 'LEADER_REJECTED' | 'PENDING_OFFICE' | 'RETURNED' | 'DONE';

export interface FateInput {
  /** 0–1: how well the unit keeps up. */
  diligence: number;
  /** Working days from today to the due date; negative when past. */
  dueIn: number;
  hasLeader: boolean;
}

/**
 * Draws a task's fate and the progress its latest report states. Always two draws, so one task's
 * fate never shifts the next task's.
 */
export function drawFate(
  random: Prng,
  { diligence, dueIn, hasLeader }: FateInput,
): { fate: TaskFate; progress: number } {
  const r = random.next();
  const progress = 20 + 10 * Math.floor(random.next() * 6);
  const done = dueIn < 0 ? 0.1 + 0.75 * diligence : dueIn <= 10 ? 0.05 + 0.3 * diligence : 0.02 + 0.15 * diligence;
  const waiting = 0.14;
  const sentBack = 0.06;
  const reporting = dueIn < 0 ? 0.45 : 0.35;
  if (r < done) return { fate: 'DONE', progress: 100 };
  if (r < done + waiting)
    return { fate: hasLeader && r < done + waiting / 2 ? 'PENDING_LEADER' : 'PENDING_OFFICE', progress: 100 };
  if (r < done + waiting + sentBack)
    return { fate: hasLeader && r < done + waiting + sentBack / 2 ? 'LEADER_REJECTED' : 'RETURNED', progress: 100 };
  const rest = 1 - (done + waiting + sentBack);
  if (r < done + waiting + sentBack + rest * reporting * (0.5 + diligence / 2)) return { fate: 'PROGRESS', progress };
  return { fate: 'UNTOUCHED', progress: 0 };
}

/** What the 回头看 finds of a task its unit reported done: in place, partly, or not at all. */
export type LastYearFate = 'DONE' | 'PARTIAL' | 'NOT_DONE';

export function drawLastYearFate(random: Prng, diligence: number): LastYearFate {
  const r = random.next();
  if (r < 0.35 + 0.6 * diligence) return 'DONE';
  return r < 0.45 + 0.6 * diligence ? 'PARTIAL' : 'NOT_DONE';
}
