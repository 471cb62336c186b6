import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { KindChannelsInput } from '../../messaging/index.js';
import { NotificationKindEnum, type NotificationKind } from './notification.model.js';

@ArgsType()
export class NotificationsArgs {
  @Field(() => Boolean, { nullable: true })
  unreadOnly?: boolean | null;

  @Field(() => [NotificationKindEnum], { nullable: true, description: 'Only these kinds' })
  kinds?: NotificationKind[] | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'At most 200; ignored when all is true' })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Mark every unread notification of mine read' })
  all?: boolean | null;
}

@InputType()
export class UpdateNotificationPreferencesInput {
  @Field()
  emailDigest!: boolean;

  @Field(() => [NotificationKindEnum])
  mutedKinds!: NotificationKind[];

  @Field(() => [KindChannelsInput], {
    nullable: true,
    description: 'Channels per kind; kinds left out keep their current channels',
  })
  channels?: KindChannelsInput[] | null;

  @Field({ nullable: true })
  quietHours?: boolean;

  @Field(() => Int, { description: 'The version read with the preferences (0 before the first save)' })
  version!: number;
}
