import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';

export const NOTIFICATION_KINDS = ['DUE_SOON', 'REMIND', 'OVERDUE', 'URGE', 'SUPERVISE', 'REPORT_DUE', 'REPORT_MISSING'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((v) => [v, v])) as { [K in NotificationKind]: K };
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'DUE_SOON 即将到期, REMIND 到期提醒, OVERDUE 已逾期, URGE 自动催办, SUPERVISE 拟督办, REPORT_DUE 本期进展待报送, REPORT_MISSING 本期进展未报送',
});

@ObjectType('Notification', { description: 'An in-app message to one person, usually about a task' })
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => ID, { nullable: true, description: 'The task to open from the notification' })
  taskId!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationModel, 'NotificationConnection');
export type NotificationConnection = InstanceType<typeof NotificationConnection>;

export function toNotificationModel(row: Record<string, any>): NotificationModel {
  return { id: row.id, kind: row.kind, title: row.title, body: row.body, taskId: row.task_id, createdAt: row.created_at, readAt: row.read_at };
}

@ObjectType('MarkNotificationsReadResult')
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: 'How many were unread and are read now' })
  marked!: number;

  @Field(() => Int)
  unreadCount!: number;
}

@ObjectType('NotificationPreferences', { description: 'How a person wants to hear about notifications beyond the in-app centre' })
export class NotificationPreferencesModel {
  @Field({ description: 'One e-mail a day with the day\'s notifications (needs an e-mail address on the account)' })
  emailDigest!: boolean;

  @Field(() => [NotificationKindEnum], { description: 'Kinds left out of the e-mail digest (they still appear in the centre)' })
  mutedKinds!: NotificationKind[];

  @Field(() => Int, { description: '0 until first saved' })
  version!: number;
}
