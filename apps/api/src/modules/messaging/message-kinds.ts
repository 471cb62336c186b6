/** The kinds a person's action raises (the daily run raises the others, with its own texts). */
export const ACTION_KINDS = [
  'TASK_ASSIGNED',
  'TASK_AMENDED',
  'INSTRUCTION',
  'REPORT_PENDING_APPROVAL',
  'REPORT_SUBMITTED',
  'REPORT_RETURNED',
  'REPORT_ACCEPTED',
  'DELAY_DECIDED',
  'URGE',
  'SUPERVISE',
  'TASK_CLOSED',
  'TASK_REOPENED',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Every kind of message a person can receive; the in-app notification centre shows them all. */
export const MESSAGE_KINDS = [
  ...ACTION_KINDS,
  'DUE_SOON',
  'REMIND',
  'OVERDUE',
  'REPORT_DUE',
  'REPORT_MISSING',
  'SIGN_OVERDUE',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const MESSAGE_KIND_LABELS: Record<MessageKind, string> = {
  TASK_ASSIGNED: '新任务交办',
  TASK_AMENDED: '任务调整',
  INSTRUCTION: '领导批示',
  REPORT_PENDING_APPROVAL: '进展待审核',
  REPORT_SUBMITTED: '进展报送',
  REPORT_RETURNED: '报告退回',
  REPORT_ACCEPTED: '报告通过',
  DELAY_DECIDED: '延期审批',
  URGE: '催办',
  SUPERVISE: '督办',
  TASK_CLOSED: '办结销号',
  TASK_REOPENED: '重新打开',
  DUE_SOON: '即将到期',
  REMIND: '到期提醒',
  OVERDUE: '已逾期',
  REPORT_DUE: '进展待报送',
  REPORT_MISSING: '进展未报送',
  SIGN_OVERDUE: '任务未签收',
};

/** Channels beyond the in-app centre, which every message reaches. */
export const PERSONAL_CHANNELS = ['EMAIL', 'WECOM', 'DINGTALK'] as const;
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];
export type OutboxChannel = PersonalChannel | 'ROBOT';

export const CHANNEL_LABELS: Record<OutboxChannel | 'IN_APP', string> = {
  IN_APP: '站内通知',
  EMAIL: '电子邮件',
  WECOM: '企业微信',
  DINGTALK: '钉钉',
  ROBOT: '群机器人',
};

/** Urging does not wait for office hours: quiet hours never hold these. */
export const URGENT_KINDS: readonly MessageKind[] = ['URGE', 'SUPERVISE'];

/**
 * Kinds that gather: a burst of events becomes one message per person (one notification per day that
 * counts up, sent this many seconds after the first event), so a busy morning is not 100 messages.
 */
export const GATHER_SECONDS: Partial<Record<MessageKind, number>> = { REPORT_SUBMITTED: 30 * 60 };

/**
 * Where a kind goes when neither the person nor the office chose: the work apps, whichever the office
 * has set up (e-mail stays in the daily digest unless chosen).
 */
export const PRODUCT_DEFAULT_CHANNELS: Record<MessageKind, PersonalChannel[]> = Object.fromEntries(
  MESSAGE_KINDS.map((k) => [k, ['WECOM', 'DINGTALK']]),
) as Record<MessageKind, PersonalChannel[]>;

/** What a group robot can announce. */
export const ROBOT_KINDS = ['DAILY_SUMMARY', 'TASK_ASSIGNED', 'URGE'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];
export const ROBOT_KIND_LABELS: Record<RobotKind, string> = {
  DAILY_SUMMARY: '每日督办情况',
  TASK_ASSIGNED: '任务交办（计划发布）',
  URGE: '催办与督办',
};

export const ROBOT_PLATFORMS = ['DINGTALK', 'WECOM'] as const;
export type RobotPlatform = (typeof ROBOT_PLATFORMS)[number];
