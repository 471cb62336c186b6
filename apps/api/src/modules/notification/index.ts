// What other modules may use from the notification feature.
export { NotificationModule } from './notification.module.js';
export type { NotificationKind } from './dto/notification.model.js';
