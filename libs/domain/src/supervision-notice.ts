import type { WarningReason } from './warning-light.js';

/**
 * 督办通知单 colours as offices use them: blue when the time limit is near, yellow when the work is
 * behind pace, red when overdue. Null when nothing about the task calls for a notice.
 */
export type NoticeColor = 'BLUE' | 'YELLOW' | 'RED';

const RANK: Record<NoticeColor, number> = { BLUE: 1, YELLOW: 2, RED: 3 };

export function noticeColorOfTask(reasons: readonly WarningReason[]): NoticeColor | null {
  if (reasons.includes('OVERDUE')) return 'RED';
  if (reasons.includes('BEHIND_PACE')) return 'YELLOW';
  if (reasons.includes('DUE_SOON')) return 'BLUE';
  return null;
}

/** A notice takes the colour of its most serious task; blue when none calls for more. */
export function noticeColor(taskColors: readonly (NoticeColor | null)[]): NoticeColor {
  return taskColors.reduce<NoticeColor>((worst, c) => (c && RANK[c] > RANK[worst] ? c : worst), 'BLUE');
}
