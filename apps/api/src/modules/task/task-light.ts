import {
  isTaskCompleted,
  shanghaiDate,
  warningLight,
  type TaskStatus,
  type WarningLight,
  type WarningLightResult,
} from '@duban/domain';
import type { TenantTaskRules } from './task-rules.service.js';

/** The task columns the warning-light rule reads (snake_case, as raw SQL returns them). */
export interface TaskLightRow {
  status: TaskStatus;
  due_date: string;
  original_due_date: string;
  assigned_on: string;
  progress: number;
  last_report_at: Date | null;
  completed_at: Date | null;
  accepted_at: Date | null;
  updated_at: Date;
  /** The current due date is the one that counts: a delay was approved, or the office moved it (调整). */
  due_date_sanctioned: boolean;
}

/**
 * SQL for task `t`: whether its current due date is the one lateness is judged against (an approved
 * delay, or an office 调整 of its key point); otherwise the original due date counts.
 */
export const DUE_DATE_SANCTIONED_SQL = `(t.due_date_amended
  OR EXISTS (SELECT 1 FROM delay_request d WHERE d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'APPROVED'))`;

/** SQL select list giving a TaskLightRow for the task aliased `t`. */
export const TASK_LIGHT_COLUMNS = `t.id, t.status, t.due_date, t.original_due_date, t.assigned_on, t.progress, t.last_report_at,
  t.completed_at, t.accepted_at, t.updated_at, t.light,
  ${DUE_DATE_SANCTIONED_SQL} AS due_date_sanctioned`;

/**
 * Applies the domain's warning-light rule to a stored task. A SUBMITTED task's claim time is its
 * last report (the claim is that report); a finished task missing completed_at (data from before
 * completion was tracked) falls back to its acceptance or last change so the rule can still judge it.
 */
export function lightOfTask(row: TaskLightRow, rules: TenantTaskRules, now: Date): WarningLight {
  return judgeTask(row, rules, now).light;
}

/** The light with its reasons, working days left and expected progress. */
export function judgeTask(row: TaskLightRow, rules: TenantTaskRules, now: Date): WarningLightResult {
  const completedAt = isTaskCompleted(row.status) ? (row.completed_at ?? row.accepted_at ?? row.updated_at) : null;
  return warningLight({
    status: row.status,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    delayApproved: row.due_date_sanctioned,
    assignedDate: row.assigned_on,
    progress: row.progress,
    lastReportAt: row.last_report_at,
    reportCycle: rules.reportCycle,
    submittedAt: row.status === 'SUBMITTED' ? row.last_report_at : null,
    completedAt,
    now,
    calendar: rules.calendar,
    settings: rules.lightSettings,
  });
}

/**
 * Working days past the due date: for an open task, up to today; for a finished one, up to the day
 * it was completed (0 when on time). Counts against the due date that applies (see lightOfTask).
 */
export function overdueWorkingDaysOf(row: TaskLightRow, rules: TenantTaskRules, now: Date): number {
  const completed = isTaskCompleted(row.status);
  const completedAt = completed ? (row.completed_at ?? row.accepted_at ?? row.updated_at) : null;
  const until = completedAt
    ? shanghaiDate(completedAt)
    : row.status === 'SUBMITTED' && row.last_report_at
      ? shanghaiDate(row.last_report_at)
      : shanghaiDate(now);
  const due = completed && !row.due_date_sanctioned ? row.original_due_date : row.due_date;
  return until > due ? rules.calendar.workingDaysBetween(due, until) : 0;
}
