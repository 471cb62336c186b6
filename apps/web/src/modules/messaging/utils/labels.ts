import { ROBOT_KIND_LABELS as DOMAIN_ROBOT_KIND_LABELS } from '@duban/domain';
import type { DeliveryChannel, DeliveryStatus, RobotKind, RobotPlatform } from '../../../generated/graphql';
import { DELIVERY_CHANNEL_LABELS } from '../../notifications/utils/kinds';

export const DELIVERY_STATUS: Record<DeliveryStatus, { label: string; color: string }> = {
  PENDING: { label: '待发送', color: 'default' },
  SENDING: { label: '发送中', color: 'processing' },
  SENT: { label: '已送达', color: 'success' },
  FAILED: { label: '失败', color: 'error' },
};

export const ROBOT_PLATFORM_LABELS: Record<RobotPlatform, string> = { DINGTALK: '钉钉', WECOM: '企业微信' };

export const ROBOT_KIND_LABELS: Readonly<Record<RobotKind, string>> = DOMAIN_ROBOT_KIND_LABELS;

/** A channel list as people read it: 站内、企业微信. */
export const channelList = (channels: readonly string[]) =>
  channels.map((c) => DELIVERY_CHANNEL_LABELS[c as DeliveryChannel] ?? c).join('、');
