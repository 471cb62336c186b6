import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { TaskModule } from '../task/index.js';
import { MessageDeliveryResolver } from './message-delivery.resolver.js';
import { NotificationResolver } from './notification.resolver.js';
import { NotificationService } from './notification.service.js';

/**
 * The in-app notification centre (each person's messages, read state and channel preferences) and
 * the office's view of how messages went (发送记录, a task's messages).
 */
@Module({
  imports: [TaskModule, MessagingModule],
  providers: [NotificationService, NotificationResolver, MessageDeliveryResolver],
})
export class NotificationModule {}
