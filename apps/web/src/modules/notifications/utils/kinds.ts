import type { NotificationKind, Role } from '../../../generated/graphql';
import { isUnitRole } from '../../auth/utils/roles';

export const NOTIFICATION_KINDS: NotificationKind[] = ['DUE_SOON', 'REMIND', 'OVERDUE', 'URGE', 'SUPERVISE', 'REPORT_DUE', 'REPORT_MISSING'];
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  DUE_SOON: '即将到期',
  REMIND: '到期提醒',
  OVERDUE: '已逾期',
  URGE: '自动催办',
  SUPERVISE: '拟督办',
  REPORT_DUE: '本期进展待报送',
  REPORT_MISSING: '本期进展未报送',
};
export const NOTIFICATION_KIND_COLORS: Record<NotificationKind, string> = {
  DUE_SOON: 'gold',
  REMIND: 'gold',
  OVERDUE: 'red',
  URGE: 'volcano',
  SUPERVISE: 'magenta',
  REPORT_DUE: 'blue',
  REPORT_MISSING: 'orange',
};

/** Where a notification's task opens for this person: their own task list, or the ledger. */
export function taskPath(role: Role, taskId: string): string {
  return `${isUnitRole(role) ? '/unit' : '/ledger'}?task=${encodeURIComponent(taskId)}`;
}
