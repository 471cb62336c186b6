import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';
import { DeliveryChannelEnum, DeliveryStatusEnum, type DeliveryStatus } from './message-enums.js';

@ObjectType('MessageDelivery', {
  description: 'One message on one channel to one person or robot, and how its delivery went',
})
export class MessageDeliveryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => DeliveryChannelEnum)
  channel!: string;

  @Field({ description: 'The message kind (a notification kind, or a robot announcement kind)' })
  kind!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'The person it went to' })
  recipientName!: string | null;

  @Field(() => String, { nullable: true, description: 'The group robot it went to' })
  robotName!: string | null;

  @Field(() => DeliveryStatusEnum)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed, as the platform said it' })
  lastError!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  sentAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it is tried (again), while waiting' })
  nextAttemptAt!: Date | null;
}

export const MessageDeliveryConnection = ConnectionType(MessageDeliveryModel, 'MessageDeliveryConnection');
export type MessageDeliveryConnection = InstanceType<typeof MessageDeliveryConnection>;

@ArgsType()
export class MessageDeliveriesArgs {
  @Field(() => DeliveryStatusEnum, { nullable: true })
  status?: DeliveryStatus | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

/** Columns for toMessageDeliveryModel: outbox row o with its notification n, person u and robot r. */
export const DELIVERY_SELECT = `SELECT o.id, o.channel, o.kind, o.status, o.attempts, o.last_error, o.created_at, o.sent_at, o.next_attempt_at,
    o.created_at::text AS cursor_at, o.task_ids, o.robot_id,
    coalesce(replace(n.title, '{n}', n.group_count::text), o.payload->>'title', '') AS title,
    u.display_name AS recipient_name, r.name AS robot_name
  FROM outbox_message o
  LEFT JOIN notification n ON n.tenant_id = o.tenant_id AND n.id = o.notification_id
  LEFT JOIN app_user u ON u.tenant_id = o.tenant_id AND u.id = o.user_id
  LEFT JOIN message_robot r ON r.tenant_id = o.tenant_id AND r.id = o.robot_id`;

/** An outbox row as DELIVERY_SELECT returns it, with recipient and robot names. */
export interface MessageDeliveryRow {
  id: string;
  channel: string;
  kind: string;
  title: string;
  recipient_name?: string | null;
  robot_name?: string | null;
  robot_id?: string | null;
  task_ids?: string[];
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  next_attempt_at: Date | null;
}

export function toMessageDeliveryModel(row: MessageDeliveryRow): MessageDeliveryModel {
  return {
    id: row.id,
    channel: row.channel,
    kind: row.kind,
    title: row.title,
    recipientName: row.recipient_name ?? null,
    robotName: row.robot_name ?? null,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.status === 'PENDING' ? row.next_attempt_at : null,
  };
}
