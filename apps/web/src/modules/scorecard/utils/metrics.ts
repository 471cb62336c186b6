import type { ScorecardMetric, ScorecardQuery } from '../../../generated/graphql';

export type ScorecardRowData = ScorecardQuery['scorecard']['nodes'][number];
export type ScorecardCountKey = Exclude<keyof ScorecardRowData['counts'], '__typename'>;

/** The numbers of a scorecard row that open the tasks behind them, with their Chinese names. */
export const METRIC_COLUMNS: { key: ScorecardCountKey; metric: ScorecardMetric; label: string; danger?: boolean }[] = [
  { key: 'leadTasks', metric: 'LEAD_TASKS', label: '牵头任务' },
  { key: 'responsibleTasks', metric: 'RESPONSIBLE_TASKS', label: '责任任务' },
  { key: 'completed', metric: 'COMPLETED', label: '已完成' },
  { key: 'completedOnTime', metric: 'COMPLETED_ON_TIME', label: '按时完成' },
  { key: 'completedLate', metric: 'COMPLETED_LATE', label: '逾期完成', danger: true },
  { key: 'overdueNow', metric: 'OVERDUE_NOW', label: '逾期未完成', danger: true },
  { key: 'reportsOnTime', metric: 'REPORTS_ON_TIME', label: '按时报送' },
  { key: 'reportsLate', metric: 'REPORTS_LATE', label: '逾期报送', danger: true },
  { key: 'reportsReturned', metric: 'REPORTS_RETURNED', label: '报送被退回', danger: true },
  { key: 'urgesReceived', metric: 'URGES_RECEIVED', label: '被催办', danger: true },
  { key: 'delaysApproved', metric: 'DELAYS_APPROVED', label: '延期获批' },
  { key: 'delaysRefused', metric: 'DELAYS_REFUSED', label: '延期未获批', danger: true },
  { key: 'rectificationsOpen', metric: 'RECTIFICATIONS_OPEN', label: '整改未完成', danger: true },
];

export const METRIC_LABELS = Object.fromEntries(METRIC_COLUMNS.map((c) => [c.metric, c.label])) as Partial<Record<ScorecardMetric, string>>;
Object.assign(METRIC_LABELS, {
  REPORTS_TOTAL: '报送次数',
  VERDICT_IMPLEMENTED: '回头看：落实到位',
  VERDICT_PARTIAL: '回头看：部分落实',
  VERDICT_NOT_IMPLEMENTED: '回头看：未落实',
  VERDICT_NOT_APPLICABLE: '回头看：不适用',
});

/** On-time rate as the office reads it: completed on time over all tasks. */
export function onTimeRate(row: ScorecardRowData): number | null {
  const total = row.counts.leadTasks + row.counts.responsibleTasks;
  return total ? Math.round((row.counts.completedOnTime / total) * 1000) / 10 : null;
}
