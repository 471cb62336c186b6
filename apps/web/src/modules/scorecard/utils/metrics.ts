import type { ScoreComponent, ScorecardMetric, ScorecardQuery } from '../../../generated/graphql';

export type ScorecardRowData = ScorecardQuery['scorecard']['nodes'][number];
export type ScorecardCountKey = Exclude<keyof ScorecardRowData['counts'], '__typename'>;

/** The numbers of a scorecard row that open the tasks behind them, with their Chinese names. */
export const METRIC_COLUMNS: { key: ScorecardCountKey; metric: ScorecardMetric; label: string; danger?: boolean }[] = [
  { key: 'leadTasks', metric: 'LEAD_TASKS', label: '牵头任务' },
  { key: 'responsibleTasks', metric: 'RESPONSIBLE_TASKS', label: '责任任务' },
  { key: 'dueTasks', metric: 'DUE_TASKS', label: '已到期或已完成' },
  { key: 'completedOnTime', metric: 'COMPLETED_ON_TIME', label: '按时完成' },
  { key: 'completedLate', metric: 'COMPLETED_LATE', label: '逾期完成', danger: true },
  { key: 'overdueNow', metric: 'OVERDUE_NOW', label: '逾期未完成', danger: true },
  { key: 'periodsOwed', metric: 'PERIODS_OWED', label: '应报送期次' },
  { key: 'periodsMissed', metric: 'PERIODS_MISSED', label: '未按期报送', danger: true },
  { key: 'reportsReturned', metric: 'REPORTS_RETURNED', label: '报送被退回', danger: true },
  { key: 'urgesReceived', metric: 'URGES_RECEIVED', label: '被催办', danger: true },
  { key: 'delaysApproved', metric: 'DELAYS_APPROVED', label: '延期获批' },
  { key: 'delaysRefused', metric: 'DELAYS_REFUSED', label: '延期未获批', danger: true },
  { key: 'rectificationsOpen', metric: 'RECTIFICATIONS_OPEN', label: '整改未完成', danger: true },
];

export const METRIC_LABELS = Object.fromEntries(METRIC_COLUMNS.map((c) => [c.metric, c.label])) as Partial<
  Record<ScorecardMetric, string>
>;
Object.assign(METRIC_LABELS, {
  COMPLETED: '已完成',
  PERIODS_ON_TIME: '按期报送期次',
  REPORTS_TOTAL: '报送次数',
  RECTIFICATIONS: '整改任务',
  VERDICT_IMPLEMENTED: '回头看：落实到位',
  VERDICT_PARTIAL: '回头看：部分落实',
  VERDICT_NOT_IMPLEMENTED: '回头看：未落实',
  VERDICT_NOT_APPLICABLE: '回头看：不适用',
});

/** The rates shown as columns beside the score (the defaults the office reads first). */
export const RATE_COLUMNS: { component: ScoreComponent; label: string; help: string }[] = [
  { component: 'ON_TIME', label: '按时完成率', help: '按时完成的任务 ÷ 已到期或已完成的任务' },
  { component: 'NOT_OVERDUE', label: '逾期占比', help: '逾期未完成的任务 ÷ 已到期或已完成的任务' },
  { component: 'REPORTING', label: '按时报送率', help: '按期报送的期次 ÷ 应报送的期次' },
];

/** A component's rate as a percent with one decimal; null when there is nothing to judge. */
export function ratePercent(row: Pick<ScorecardRowData, 'breakdown'>, component: ScoreComponent): number | null {
  const rate = row.breakdown.find((l) => l.component === component)?.rate;
  return rate == null ? null : Math.round(rate * 1000) / 10;
}

/** 逾期占比 is shown as it is named (lower is better); the score uses its complement, 无逾期率. */
export function shownRate(row: Pick<ScorecardRowData, 'breakdown'>, component: ScoreComponent): number | null {
  const rate = ratePercent(row, component);
  return rate === null ? null : component === 'NOT_OVERDUE' ? Math.round((100 - rate) * 10) / 10 : rate;
}

export const formatPercent = (value: number | null) => (value === null ? '—' : `${value}%`);
