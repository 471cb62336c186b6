import type { ReviewVerdict } from '@duban/domain';
import { badInput } from '../../common/app-error.js';

export const REVIEW_LIMITS = { title: 200, notes: 2000, requirement: 2000, reason: 1000, files: 20 };

/** What is not fully done becomes a 整改 task; 不适用 and 落实到位 need none. */
export function needsRectification(verdict: ReviewVerdict): boolean {
  return verdict === 'PARTIAL' || verdict === 'NOT_IMPLEMENTED';
}

/**
 * A rectification's new time limit: strictly after today (a limit that has already passed is no
 * limit) and within five years, which no 整改 plausibly needs more than.
 */
export function rectificationDueDate(dueDate: string, today: string): string {
  if (dueDate <= today) throw badInput('整改时限应晚于今天', 'rectification.dueDate');
  const [y] = today.split('-').map(Number);
  if (dueDate > `${y + 5}-12-31`) throw badInput('整改时限过远，请设定五年以内的日期', 'rectification.dueDate');
  return dueDate;
}
