import { ACTION_MESSAGE_KINDS, MESSAGE_KINDS, type ActionMessageKind, type MessageKind } from '@duban/domain';

// The kinds and their Chinese names are the domain's vocabulary (the web's notification centre shows the same words).
export {
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  ROBOT_KIND_LABELS,
  ROBOT_KINDS,
  type MessageKind,
  type RobotKind,
} from '@duban/domain';
export const ACTION_KINDS = ACTION_MESSAGE_KINDS;
export type ActionKind = ActionMessageKind;

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
export const URGENT_KINDS: readonly MessageKind[] = ['URGE', 'SUPERVISE', 'UPPER_URGE'];

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
export const ROBOT_PLATFORMS = ['DINGTALK', 'WECOM'] as const;
export type RobotPlatform = (typeof ROBOT_PLATFORMS)[number];
