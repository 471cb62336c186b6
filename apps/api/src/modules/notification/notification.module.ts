import { Module } from '@nestjs/common';
import { TaskModule } from '../task/task.module.js';
import { DigestService } from './digest.service.js';
import { MailerService } from './mailer.service.js';
import { NotificationWriter } from './notification-writer.service.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';
import { WebhookService } from './webhook.service.js';

/** The in-app notification centre, the daily e-mail digest and group-robot webhooks. */
@Module({
  imports: [TaskModule],
  providers: [NotificationService, NotificationWriter, DigestService, MailerService, WebhookService, NotificationResolver],
  exports: [NotificationWriter, DigestService, WebhookService],
})
export class NotificationModule {}
