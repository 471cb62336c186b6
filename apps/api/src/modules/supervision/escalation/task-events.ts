import {
  currentPeriod,
  escalationStep,
  isBeforeDayShanghai,
  isReportMissing,
  latestDuePeriod,
  shanghaiDate,
  type EscalationSettings,
  type IsoDate,
  type ReportCycle,
  type TaskStatus,
  type WorkCalendar,
} from '@duban/domain';
import type { MessageKind } from '../../messaging/index.js';

/** A rung of the ladder or a reporting event; the same names as the message kinds. */
export type TaskEventKind = Extract<
  MessageKind,
  'DUE_SOON' | 'REMIND' | 'OVERDUE' | 'URGE' | 'SUPERVISE' | 'REPORT_DUE' | 'REPORT_MISSING'
>;

/** The open task as the daily run reads it. */
export interface OpenTask {
  id: string;
  unit_id: string;
  status: TaskStatus;
  due_date: IsoDate;
  assigned_on: IsoDate;
  last_report_at: Date | null;
}

export interface TakenStep {
  step: TaskEventKind;
  anchor_date: IsoDate;
  taken_at: Date;
}

export interface DueEvent {
  taskId: string;
  kind: TaskEventKind;
  /** The due date (ladder events) or the report period's deadline (report events) it belongs to. */
  anchorDate: IsoDate;
}

export interface EventRules {
  now: Date;
  calendar: WorkCalendar;
  escalation: EscalationSettings;
  yellowWithinWorkingDays: number;
  reportCycle: ReportCycle | null;
}

/**
 * The events due today for one open task that its ledger does not hold yet. Ladder rungs come from
 * the domain's escalationStep (steps taken for an earlier due date do not count: an approved delay
 * restarts the ladder); DUE_SOON and OVERDUE are raised once per due date, report events once per
 * report period.
 */
export function dueEvents(task: OpenTask, taken: readonly TakenStep[], rules: EventRules): DueEvent[] {
  const { now, calendar } = rules;
  const today = shanghaiDate(now);
  const has = (kind: TaskEventKind, anchor: IsoDate) => taken.some((t) => t.step === kind && t.anchor_date === anchor);
  const events: DueEvent[] = [];
  const add = (kind: TaskEventKind, anchorDate: IsoDate) => {
    if (!has(kind, anchorDate)) events.push({ taskId: task.id, kind, anchorDate });
  };

  const due = task.due_date;
  if (today <= due && calendar.workingDaysBetween(today, due) <= rules.yellowWithinWorkingDays) add('DUE_SOON', due);
  if (today > due) add('OVERDUE', due);
  const ladder = escalationStep({
    dueDate: due,
    status: task.status,
    now,
    calendar,
    settings: rules.escalation,
    stepsAlreadyTaken: taken
      .filter((t) => t.anchor_date === due && (t.step === 'REMIND' || t.step === 'URGE' || t.step === 'SUPERVISE'))
      .map((t) => ({ step: t.step as 'REMIND' | 'URGE' | 'SUPERVISE', takenAt: t.taken_at })),
  });
  if (ladder) add(ladder, due);

  if (rules.reportCycle) {
    const cycle = rules.reportCycle;
    if (isReportMissing({ lastReportAt: task.last_report_at, now, cycle, calendar, assignedDate: task.assigned_on })) {
      add('REPORT_MISSING', latestDuePeriod(now, cycle, calendar).deadline);
    }
    const period = currentPeriod(now, cycle, calendar);
    const reportedThisPeriod = !!task.last_report_at && !isBeforeDayShanghai(task.last_report_at, period.periodStart);
    if (
      today <= period.deadline &&
      task.assigned_on < period.deadline &&
      !reportedThisPeriod &&
      calendar.workingDaysBetween(today, period.deadline) <= rules.escalation.remindBeforeWorkingDays
    ) {
      add('REPORT_DUE', period.deadline);
    }
  }
  return events;
}

const LADDER_SEVERITY: TaskEventKind[] = ['DUE_SOON', 'REMIND', 'OVERDUE', 'URGE', 'SUPERVISE'];
const REPORT_SEVERITY: TaskEventKind[] = ['REPORT_DUE', 'REPORT_MISSING'];

/**
 * Which new events people hear about: per task, the most severe ladder event and the most severe
 * report event. An urge already says the task is overdue, so the same person is not told twice.
 */
export function eventsToAnnounce(events: readonly DueEvent[]): DueEvent[] {
  const byTask = new Map<string, DueEvent[]>();
  for (const e of events) byTask.set(e.taskId, [...(byTask.get(e.taskId) ?? []), e]);
  const worst = (list: DueEvent[], order: TaskEventKind[]) =>
    list.filter((e) => order.includes(e.kind)).sort((a, b) => order.indexOf(b.kind) - order.indexOf(a.kind))[0];
  return [...byTask.values()].flatMap((list) =>
    [worst(list, LADDER_SEVERITY), worst(list, REPORT_SEVERITY)].filter((e): e is DueEvent => !!e),
  );
}
