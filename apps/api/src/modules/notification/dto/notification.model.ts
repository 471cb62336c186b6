import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';
import {
  KindChannelsModel,
  MESSAGE_KINDS,
  MessageChannelEnum,
  NotificationKindEnum,
  type MessageKind,
  type PersonalChannel,
} from '../../messaging/index.js';

export const NOTIFICATION_KINDS = MESSAGE_KINDS;
export type NotificationKind = MessageKind;
export { NotificationKindEnum };

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

  @Field(() => Int, { description: 'How many events this notification gathers (reports reaching the office in a day)' })
  groupCount!: number;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

export const NotificationConnection = ConnectionType(NotificationModel, 'NotificationConnection');
export type NotificationConnection = InstanceType<typeof NotificationConnection>;

/** A `notification` row; `group_count` when notifications of a kind are gathered. */
export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  task_id: string | null;
  group_count?: number | null;
  created_at: Date;
  read_at: Date | null;
}

export function toNotificationModel(row: NotificationRow): NotificationModel {
  return {
    id: row.id,
    kind: row.kind,
    // A gathering notification's title counts what it gathers: "待审核的进展报告 {n} 份".
    title: String(row.title).replaceAll('{n}', String(row.group_count ?? 1)),
    body: row.body,
    taskId: row.task_id,
    groupCount: row.group_count ?? 1,
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

@ObjectType('MarkNotificationsReadResult')
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: 'How many were unread and are read now' })
  marked!: number;

  @Field(() => Int)
  unreadCount!: number;
}

@ObjectType('NotificationPreferences', {
  description: 'How a person wants to hear about notifications beyond the in-app centre',
})
export class NotificationPreferencesModel {
  @Field({ description: "One e-mail a day with the day's notifications (needs an e-mail address on the account)" })
  emailDigest!: boolean;

  @Field(() => [NotificationKindEnum], {
    description: 'Kinds left out of the e-mail digest (they still appear in the centre)',
  })
  mutedKinds!: NotificationKind[];

  @Field(() => [KindChannelsModel], {
    description:
      'For every kind, the channels it reaches me on besides the in-app centre (my choice, else the office default)',
  })
  channels!: KindChannelsModel[];

  @Field({ description: 'Hold messages that can wait until office hours on working days (urges are never held)' })
  quietHours!: boolean;

  @Field(() => [MessageChannelEnum], {
    description: 'Channels that can reach me now: set up by the office, with my address or id on the account',
  })
  reachableChannels!: PersonalChannel[];

  @Field(() => Int, { description: '0 until first saved' })
  version!: number;
}
