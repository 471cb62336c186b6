import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { MessageKind, PersonalChannel } from '../message-kinds.js';
import { MessageChannelEnum, NotificationKindEnum } from './message-enums.js';

@ObjectType('KindChannels', { description: 'The channels one kind of message goes to' })
export class KindChannelsModel {
  @Field(() => NotificationKindEnum)
  kind!: MessageKind;

  @Field(() => [MessageChannelEnum])
  channels!: PersonalChannel[];
}

@InputType()
export class KindChannelsInput {
  @Field(() => NotificationKindEnum)
  kind!: MessageKind;

  @Field(() => [MessageChannelEnum])
  channels!: PersonalChannel[];
}

@ObjectType('WorkAppSettings', { description: "An office's 企业微信 application or 钉钉 enterprise app" })
export class WorkAppSettingsModel {
  @Field({ description: '企业微信 CorpID, or 钉钉 AppKey' })
  appId!: string;

  @Field({ description: 'AgentId of the application' })
  agentId!: string;

  @Field({ description: 'The app secret, masked (only the office admin sees even this)' })
  secretMasked!: string;
}

@ObjectType('MessageSettings', { description: "The office's message channels (office admin only)" })
export class MessageSettingsModel {
  @Field(() => WorkAppSettingsModel, { nullable: true, description: 'null: 企业微信 application messages are off' })
  wecom!: WorkAppSettingsModel | null;

  @Field(() => WorkAppSettingsModel, { nullable: true, description: 'null: 钉钉 work notifications are off' })
  dingtalk!: WorkAppSettingsModel | null;

  @Field(() => [KindChannelsModel], {
    description: 'Every kind with the channels it goes to unless a person chose otherwise',
  })
  defaultChannels!: KindChannelsModel[];

  @Field({ description: "Office hours start, 'HH:mm': quiet hours hold messages outside them (except urges)" })
  workStart!: string;

  @Field()
  workEnd!: string;

  @Field({ description: 'An SMTP server is configured for this deployment' })
  emailAvailable!: boolean;

  @Field(() => Int, { description: '0 until first saved' })
  version!: number;
}

@InputType({ description: 'enabled false removes the app and its secret; an empty secret keeps the stored one' })
export class WorkAppInput {
  @Field()
  enabled!: boolean;

  @Field(() => String, { nullable: true })
  appId?: string | null;

  @Field(() => String, { nullable: true })
  agentId?: string | null;

  @Field(() => String, { nullable: true })
  secret?: string | null;
}

/** Only the fields given change. */
@InputType()
export class UpdateMessageSettingsInput {
  @Field(() => WorkAppInput, { nullable: true })
  wecom?: WorkAppInput | null;

  @Field(() => WorkAppInput, { nullable: true })
  dingtalk?: WorkAppInput | null;

  @Field(() => [KindChannelsInput], { nullable: true })
  defaultChannels?: KindChannelsInput[] | null;

  @Field(() => String, { nullable: true })
  workStart?: string | null;

  @Field(() => String, { nullable: true })
  workEnd?: string | null;
}

@ObjectType('MessageTestResult', { description: "What a test message came to, with the platform's own answer" })
export class MessageTestResultModel {
  @Field()
  delivered!: boolean;

  @Field(() => String, { nullable: true })
  code!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, in Chinese' })
  detail!: string | null;

  @Field({ description: "The platform's answer as received" })
  answer!: string;
}
