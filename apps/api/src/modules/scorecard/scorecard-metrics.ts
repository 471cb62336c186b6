import type { ScoreCountKey } from '@duban/domain';

/**
 * Every number on the scorecard, once: the GraphQL field, the per-task SQL column that produces it and
 * the Chinese label the exports print. The scorecard sums the column per unit and the drill-down lists
 * the tasks where it is > 0, so a number and the tasks behind it can never disagree.
 */
export const SCORECARD_METRICS = [
  { metric: 'LEAD_TASKS', field: 'leadTasks', column: 'lead_tasks', label: '牵头任务' },
  { metric: 'RESPONSIBLE_TASKS', field: 'responsibleTasks', column: 'responsible_tasks', label: '责任任务' },
  { metric: 'DUE_TASKS', field: 'dueTasks', column: 'due_tasks', label: '已到期或已完成' },
  { metric: 'COMPLETED', field: 'completed', column: 'completed', label: '已完成' },
  { metric: 'COMPLETED_ON_TIME', field: 'completedOnTime', column: 'completed_on_time', label: '按时完成' },
  { metric: 'COMPLETED_LATE', field: 'completedLate', column: 'completed_late', label: '逾期完成' },
  { metric: 'OVERDUE_NOW', field: 'overdueNow', column: 'overdue_now', label: '逾期未完成' },
  { metric: 'PERIODS_OWED', field: 'periodsOwed', column: 'periods_owed', label: '应报送期次' },
  { metric: 'PERIODS_ON_TIME', field: 'periodsOnTime', column: 'periods_on_time', label: '按期报送期次' },
  { metric: 'PERIODS_MISSED', field: 'periodsMissed', column: 'periods_missed', label: '未按期报送期次' },
  { metric: 'REPORTS_TOTAL', field: 'reportsTotal', column: 'reports_total', label: '报送次数' },
  { metric: 'REPORTS_RETURNED', field: 'reportsReturned', column: 'reports_returned', label: '报送被退回' },
  { metric: 'DELAYS_APPROVED', field: 'delaysApproved', column: 'delays_approved', label: '延期获批' },
  { metric: 'DELAYS_REFUSED', field: 'delaysRefused', column: 'delays_refused', label: '延期未获批' },
  { metric: 'URGES_RECEIVED', field: 'urgesReceived', column: 'urges_received', label: '被催办' },
  {
    metric: 'VERDICT_IMPLEMENTED',
    field: 'verdictImplemented',
    column: 'verdict_implemented',
    label: '回头看：落实到位',
  },
  { metric: 'VERDICT_PARTIAL', field: 'verdictPartial', column: 'verdict_partial', label: '回头看：部分落实' },
  {
    metric: 'VERDICT_NOT_IMPLEMENTED',
    field: 'verdictNotImplemented',
    column: 'verdict_not_implemented',
    label: '回头看：未落实',
  },
  {
    metric: 'VERDICT_NOT_APPLICABLE',
    field: 'verdictNotApplicable',
    column: 'verdict_not_applicable',
    label: '回头看：不适用',
  },
  { metric: 'RECTIFICATIONS', field: 'rectifications', column: 'rectifications', label: '整改任务' },
  { metric: 'RECTIFICATIONS_OPEN', field: 'rectificationsOpen', column: 'rectifications_open', label: '整改未完成' },
] as const;

export type ScorecardMetric = (typeof SCORECARD_METRICS)[number]['metric'];
export type ScorecardCountField = (typeof SCORECARD_METRICS)[number]['field'];
export type ScorecardMetricColumn = (typeof SCORECARD_METRICS)[number]['column'];
export type ScorecardCounts = Record<ScorecardCountField, number>;

/**
 * Which per-task column each of the domain's score counts reads (the domain names the rates). Columns
 * that are not metrics themselves (not_overdue, reports_reviewed …) exist only to be summed for a rate.
 */
export const SCORE_COUNT_COLUMNS: Record<ScoreCountKey, string> = {
  dueTasks: 'due_tasks',
  onTimeTasks: 'completed_on_time',
  notOverdueTasks: 'not_overdue',
  periodsOwed: 'periods_owed',
  periodsReportedOnTime: 'periods_on_time',
  reportsReviewed: 'reports_reviewed',
  reportsNotReturned: 'reports_accepted',
  rectifications: 'rectifications',
  rectificationsDone: 'rectifications_done',
};

/**
 * 回头看 verdicts as the review module stores them in `review_item.verdict`: the code or, defensively,
 * the Chinese label (the review tables land later; see scorecard.sql.ts).
 */
export const VERDICTS = [
  { column: 'verdict_implemented', values: ['IMPLEMENTED', '落实到位'] },
  { column: 'verdict_partial', values: ['PARTIAL', '部分落实'] },
  { column: 'verdict_not_implemented', values: ['NOT_IMPLEMENTED', '未落实'] },
  { column: 'verdict_not_applicable', values: ['NOT_APPLICABLE', '不适用'] },
] as const;

export function metricColumn(metric: ScorecardMetric): string {
  return SCORECARD_METRICS.find((m) => m.metric === metric)!.column;
}
