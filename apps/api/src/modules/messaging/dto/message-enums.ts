import { registerEnumType } from '@nestjs/graphql';
import { describeCodes } from '@duban/domain';
import { enumOf } from '../../../common/enums.js';
import {
  MESSAGE_KIND_LABELS,
  MESSAGE_KINDS,
  PERSONAL_CHANNELS,
  ROBOT_KIND_LABELS,
  ROBOT_KINDS,
  ROBOT_PLATFORMS,
  type MessageKind,
  type PersonalChannel,
  type RobotKind,
  type RobotPlatform,
} from '../message-kinds.js';

export const NotificationKindEnum = enumOf<MessageKind>(MESSAGE_KINDS);
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: describeCodes(MESSAGE_KINDS, MESSAGE_KIND_LABELS),
});

export const MessageChannelEnum = enumOf<PersonalChannel>(PERSONAL_CHANNELS);
registerEnumType(MessageChannelEnum, {
  name: 'MessageChannel',
  description: 'Channels beyond the in-app centre: EMAIL 电子邮件, WECOM 企业微信, DINGTALK 钉钉',
});

export const RobotPlatformEnum = enumOf<RobotPlatform>(ROBOT_PLATFORMS);
registerEnumType(RobotPlatformEnum, { name: 'RobotPlatform', description: 'DINGTALK 钉钉, WECOM 企业微信' });

export const RobotKindEnum = enumOf<RobotKind>(ROBOT_KINDS);
registerEnumType(RobotKindEnum, { name: 'RobotKind', description: describeCodes(ROBOT_KINDS, ROBOT_KIND_LABELS) });

export const DELIVERY_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DeliveryStatusEnum = enumOf<DeliveryStatus>(DELIVERY_STATUSES);
registerEnumType(DeliveryStatusEnum, {
  name: 'DeliveryStatus',
  description: 'PENDING 待发送, SENDING 发送中, SENT 已送达, FAILED 失败',
});

export const OUTBOX_CHANNELS = ['EMAIL', 'WECOM', 'DINGTALK', 'ROBOT'] as const;
export const DeliveryChannelEnum = enumOf(OUTBOX_CHANNELS);
registerEnumType(DeliveryChannelEnum, {
  name: 'DeliveryChannel',
  description: 'EMAIL, WECOM, DINGTALK, ROBOT 群机器人',
});
