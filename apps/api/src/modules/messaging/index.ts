// What other modules may use from the messaging feature.
export { MessagingModule } from './messaging.module.js';
export { MessageEvents, type Actor } from './events/message-events.service.js';
export type { MessageNotice, Audience, EventDetail } from './events/event-text.js';
export type { RobotContent } from './channels/robot-message.js';
export { DigestService } from './digest.service.js';
export { OutboxDispatcher } from './outbox/outbox-dispatcher.service.js';
export {
  MESSAGE_KINDS,
  MESSAGE_KIND_LABELS,
  type MessageKind,
  PERSONAL_CHANNELS,
  type PersonalChannel,
} from './message-kinds.js';
export { NotificationKindEnum, MessageChannelEnum } from './dto/message-enums.js';
export { KindChannelsInput, KindChannelsModel } from './dto/message-settings.model.js';
export { MessageConfigService } from './settings/message-config.service.js';
export { effectiveDefaults, cleanKindChannels } from './settings/message-settings.service.js';
export { DeliveryQuery } from './outbox/delivery-query.service.js';
export {
  MessageDeliveryModel,
  MessageDeliveryConnection,
  MessageDeliveriesArgs,
  DELIVERY_SELECT,
  toMessageDeliveryModel,
} from './dto/message-delivery.model.js';
export { SecretStore, SECRET, maskSecret } from './secrets/secret-store.service.js';
