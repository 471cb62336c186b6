import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/index.js';
import { QueueModule } from '../queue/index.js';
import { EmailChannel } from './channels/email.channel.js';
import { MailerService } from './channels/mailer.service.js';
import { PlatformHttp } from './channels/platform-http.js';
import { PlatformTokens } from './channels/platform-tokens.js';
import { RobotChannel } from './channels/robot.channel.js';
import { WorkAppChannel } from './channels/work-app.channel.js';
import { DigestService } from './digest.service.js';
import { DigestWorker } from './digest.worker.js';
import { MessageEvents } from './events/message-events.service.js';
import { ReachService } from './events/reach.service.js';
import { MessageSettingsResolver } from './message-settings.resolver.js';
import { DeliveryQuery } from './outbox/delivery-query.service.js';
import { MessageSettingsService } from './settings/message-settings.service.js';
import { RobotSettingsService } from './settings/robot-settings.service.js';
import { OutboxDelivery } from './outbox/outbox-delivery.service.js';
import { OutboxDispatcher } from './outbox/outbox-dispatcher.service.js';
import { SecretStore } from './secrets/secret-store.service.js';
import { MessageConfigService } from './settings/message-config.service.js';

/**
 * Messages that reach people: events recorded with the change that caused them (MessageEvents), the
 * outbox worker, the channels (e-mail, 企业微信 application messages, 钉钉 work notifications, group
 * robots), the office's channel settings and their secrets. Depends on no feature that records events,
 * so every such feature can import it.
 */
@Module({
  imports: [CalendarModule, QueueModule],
  providers: [
    SecretStore,
    MessageConfigService,
    PlatformHttp,
    PlatformTokens,
    MailerService,
    EmailChannel,
    WorkAppChannel,
    RobotChannel,
    OutboxDelivery,
    OutboxDispatcher,
    MessageEvents,
    DigestService,
    DigestWorker,
    DeliveryQuery,
    ReachService,
    MessageSettingsService,
    RobotSettingsService,
    MessageSettingsResolver,
  ],
  exports: [MessageEvents, DigestService, OutboxDispatcher, MessageConfigService, DeliveryQuery, SecretStore],
})
export class MessagingModule {}
