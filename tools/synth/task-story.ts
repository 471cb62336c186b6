// One task's life up to "today": delay requests, reports and reviews, urges, and the status,
// progress and due dates they leave behind. Pure: the same generator state gives the same story.
import type { Day } from './days.js';
import type { Prng } from '@duban/domain';

export type TaskStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'SUBMITTED' | 'RETURNED' | 'DONE';
export type ReportStatus = 'PENDING_OFFICE' | 'ACCEPTED' | 'RETURNED';

export interface StoryReport {
  day: Day;
  minute: number;
  progress: number;
  claimsCompletion: boolean;
  status: ReportStatus;
  reviewDay: Day | null;
  reviewMinute: number;
}

export interface StoryDelay {
  createdDay: Day;
  requestedDue: Day;
  currentDue: Day;
  status: 'PENDING' | 'APPROVED' | 'REFUSED';
  decidedDay: Day | null;
}

export interface StoryUrge {
  day: Day;
  level: 'REMIND' | 'URGE' | 'SUPERVISE';
  automatic: boolean;
  acknowledgedDay: Day | null;
}

export interface TaskStory {
  status: TaskStatus;
  progress: number;
  originalDue: Day;
  due: Day;
  delay: StoryDelay | null;
  reports: StoryReport[];
  urges: StoryUrge[];
  /** Index into reports of the accepted completion claim (DONE only). */
  completedReport: number | null;
}

export interface StoryInput {
  assigned: Day;
  keyPointDue: Day;
  today: Day;
  /** Plans of past years are mostly finished; the current one is under way. */
  pastYear: boolean;
  reportsPerTask: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const workMinute = (rng: Prng) => rng.int(9 * 60, 17 * 60 + 30);

function storyDelay(rng: Prng, input: StoryInput): StoryDelay | null {
  const { assigned, keyPointDue, today } = input;
  if (!rng.chance(0.05)) return null;
  const createdDay = Math.min(keyPointDue - rng.int(3, 30), today - 1);
  if (createdDay < assigned + 3) return null;
  const requestedDue = keyPointDue + rng.int(15, 60);
  // Only a request made in the last days can still be waiting for the office.
  if (createdDay >= today - 10 && rng.chance(0.5))
    return { createdDay, requestedDue, currentDue: keyPointDue, status: 'PENDING', decidedDay: null };
  const decidedDay = Math.min(createdDay + rng.int(1, 5), today - 1);
  return {
    createdDay,
    requestedDue,
    currentDue: keyPointDue,
    status: rng.chance(0.6) ? 'APPROVED' : 'REFUSED',
    decidedDay,
  };
}

function reportDays(rng: Prng, assigned: Day, end: Day, n: number): Day[] {
  const span = Math.max(end - assigned, 1);
  const days: Day[] = [];
  for (let i = 0; i < n; i++) {
    const target = assigned + Math.round((span * (i + 1)) / n) - (i === n - 1 ? 0 : rng.int(0, 3));
    days.push(clamp(target, (days.at(-1) ?? assigned) + (i === 0 ? 1 : 0), end));
  }
  return days;
}

export function taskStory(rng: Prng, input: StoryInput): TaskStory {
  const { assigned, keyPointDue, today } = input;
  const delay = storyDelay(rng, input);
  const due = delay?.status === 'APPROVED' ? delay.requestedDue : keyPointDue;
  const lastDay = today - 1;

  const elapsed = clamp((today - assigned) / Math.max(due - assigned, 1), 0, 1);
  const pDone = due < today ? (input.pastYear ? 0.95 : 0.82) : 0.35 * elapsed * elapsed;
  const done = rng.chance(pDone) && lastDay > assigned;

  let status: TaskStatus;
  let end: Day;
  let finalProgress: number;
  let acceptDay: Day | null = null;
  if (done) {
    const late = due < today && rng.chance(0.12);
    end = late
      ? Math.min(due + rng.int(1, 40), lastDay)
      : clamp(Math.min(due, lastDay) - rng.int(0, 60), assigned + 1, lastDay);
    acceptDay = Math.min(end + rng.int(0, 4), lastDay);
    status = 'DONE';
    finalProgress = 100;
  } else {
    const r = rng.next();
    status =
      r < 0.1 ? 'SUBMITTED' : r < 0.15 ? 'RETURNED' : r < 0.21 || lastDay <= assigned ? 'NOT_STARTED' : 'IN_PROGRESS';
    if (status === 'SUBMITTED' || status === 'RETURNED') end = clamp(lastDay - rng.int(0, 7), assigned + 1, lastDay);
    else end = clamp(lastDay - rng.int(0, 40), assigned + 1, lastDay);
    finalProgress =
      status === 'SUBMITTED' || status === 'RETURNED'
        ? 100
        : clamp(Math.round(elapsed * 100 + rng.int(-30, 10)), 5, 95);
    if (lastDay <= assigned) status = 'NOT_STARTED';
  }

  const span = end - assigned;
  const n =
    status === 'NOT_STARTED' ? 0 : clamp(input.reportsPerTask + rng.int(-2, 2), 1, Math.max(1, Math.floor(span / 12)));
  const days = reportDays(rng, assigned, end, n);
  const reports: StoryReport[] = days.map((day, i) => {
    const last = i === n - 1;
    const progress = last ? finalProgress : clamp(Math.round((finalProgress * (i + 1)) / n) - rng.int(0, 5), 1, 99);
    const minute = workMinute(rng);
    const claimsCompletion = last && (status === 'DONE' || status === 'SUBMITTED' || status === 'RETURNED');
    let reportStatus: ReportStatus;
    let reviewDay: Day | null;
    if (last && status === 'SUBMITTED') [reportStatus, reviewDay] = ['PENDING_OFFICE', null];
    else if (last && status === 'DONE') [reportStatus, reviewDay] = ['ACCEPTED', acceptDay];
    else if (last && status === 'RETURNED')
      [reportStatus, reviewDay] = ['RETURNED', Math.min(day + rng.int(0, 3), lastDay)];
    else if (last && lastDay - day < 7 && rng.chance(0.4)) [reportStatus, reviewDay] = ['PENDING_OFFICE', null];
    else
      [reportStatus, reviewDay] = [rng.chance(0.1) ? 'RETURNED' : 'ACCEPTED', Math.min(day + rng.int(0, 3), lastDay)];
    // A review on the day of the report comes later that day.
    const reviewMinute = reviewDay === day ? Math.min(minute + rng.int(30, 240), 23 * 60 + 50) : workMinute(rng);
    return { day, minute, progress, claimsCompletion, status: reportStatus, reviewDay, reviewMinute };
  });

  const urges: StoryUrge[] = [];
  const urge = (day: Day, i: number) => {
    const level = i >= 2 ? 'SUPERVISE' : 'URGE';
    urges.push({
      day,
      level,
      automatic: rng.chance(0.5),
      acknowledgedDay: rng.chance(0.8) ? Math.min(day + rng.int(0, 2), lastDay) : null,
    });
  };
  if (status !== 'DONE' && due < lastDay) {
    const k = rng.int(1, 3);
    for (let i = 0; i < k; i++) urge(clamp(due + 1 + Math.round(((lastDay - due - 1) * i) / k), due + 1, lastDay), i);
  } else if (status === 'DONE' && end > due + 1 && rng.chance(0.6)) {
    urge(due + 1 + rng.int(0, end - due - 2), 0);
  } else if (rng.chance(0.02) && end > assigned + 10) {
    urges.push({
      day: assigned + rng.int(10, end - assigned),
      level: 'REMIND',
      automatic: true,
      acknowledgedDay: null,
    });
  }

  const progress = reports.at(-1)?.progress ?? 0;
  return {
    status,
    progress,
    originalDue: keyPointDue,
    due,
    delay,
    reports,
    urges,
    completedReport: status === 'DONE' ? n - 1 : null,
  };
}
