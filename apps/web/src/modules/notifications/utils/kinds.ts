import type { DeliveryChannel, MessageChannel, NotificationKind, Role } from '../../../generated/graphql';
import { isUnitRole } from '../../auth/utils/roles';
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS, messagePath } from '@duban/domain';

export const NOTIFICATION_KIND_LABELS: Readonly<Record<NotificationKind, string>> = MESSAGE_KIND_LABELS;
export const NOTIFICATION_KINDS: readonly NotificationKind[] = MESSAGE_KINDS;

export const NOTIFICATION_KIND_COLORS: Record<NotificationKind, string> = {
  TASK_ASSIGNED: 'blue',
  TASK_AMENDED: 'geekblue',
  INSTRUCTION: 'purple',
  REPORT_PENDING_APPROVAL: 'cyan',
  REPORT_SUBMITTED: 'cyan',
  REPORT_RETURNED: 'orange',
  REPORT_ACCEPTED: 'green',
  DELAY_DECIDED: 'geekblue',
  URGE: 'volcano',
  SUPERVISE: 'magenta',
  TASK_CLOSED: 'green',
  TASK_REOPENED: 'orange',
  DUE_SOON: 'gold',
  REMIND: 'gold',
  OVERDUE: 'red',
  REPORT_DUE: 'blue',
  REPORT_MISSING: 'orange',
  SIGN_OVERDUE: 'orange',
  UPPER_URGE: 'volcano',
  UPPER_URGE_ACKNOWLEDGED: 'green',
};

/** The 通知 page's filter: kinds grouped the way people think of them. */
export const NOTIFICATION_KIND_GROUPS: { key: string; label: string; kinds: NotificationKind[] }[] = [
  {
    key: 'tasks',
    label: '任务交办与调整',
    kinds: ['TASK_ASSIGNED', 'TASK_AMENDED', 'INSTRUCTION', 'TASK_CLOSED', 'TASK_REOPENED', 'SIGN_OVERDUE'],
  },
  {
    key: 'reports',
    label: '报送与审核',
    kinds: [
      'REPORT_PENDING_APPROVAL',
      'REPORT_SUBMITTED',
      'REPORT_RETURNED',
      'REPORT_ACCEPTED',
      'REPORT_DUE',
      'REPORT_MISSING',
    ],
  },
  {
    key: 'supervision',
    label: '催办督办与延期',
    kinds: ['URGE', 'SUPERVISE', 'UPPER_URGE', 'UPPER_URGE_ACKNOWLEDGED', 'DELAY_DECIDED'],
  },
  { key: 'deadlines', label: '时限提醒', kinds: ['DUE_SOON', 'REMIND', 'OVERDUE'] },
];

/** Kinds a role can receive, for the settings table (a leader gets no office kinds, and so on). */
export function kindsFor(role: Role): NotificationKind[] {
  if (isUnitRole(role))
    return NOTIFICATION_KINDS.filter(
      (k) =>
        k !== 'REPORT_SUBMITTED' &&
        k !== 'SIGN_OVERDUE' &&
        k !== 'UPPER_URGE' &&
        k !== 'UPPER_URGE_ACKNOWLEDGED' &&
        (role === 'UNIT_LEADER' || k !== 'REPORT_PENDING_APPROVAL'),
    );
  if (role === 'LEADERSHIP') return [];
  return ['REPORT_SUBMITTED', 'SIGN_OVERDUE', 'INSTRUCTION', 'SUPERVISE', 'UPPER_URGE', 'UPPER_URGE_ACKNOWLEDGED'];
}

/** How a message travels, in the words people use. */
export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel | 'IN_APP', string> = {
  IN_APP: '站内',
  EMAIL: '邮件',
  WECOM: '企业微信',
  DINGTALK: '钉钉',
  ROBOT: '群机器人',
};

/** The channels a person can choose besides the in-app centre, in the order shown. */
export const MESSAGE_CHANNELS: MessageChannel[] = ['EMAIL', 'WECOM', 'DINGTALK'];

/** Where a notification leads for this person: its task, or the page where the work waits. */
export function notificationPath(role: Role, kind: NotificationKind, taskId: string | null | undefined): string {
  return messagePath(role, kind, taskId);
}

/** Where a notification's task opens for this person: their own task list, or the ledger. */
export function taskPath(role: Role, taskId: string): string {
  return `${isUnitRole(role) ? '/unit' : '/ledger'}?task=${encodeURIComponent(taskId)}`;
}
