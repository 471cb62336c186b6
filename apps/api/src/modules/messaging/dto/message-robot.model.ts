import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { RobotKind, RobotPlatform } from '../message-kinds.js';
import { RobotKindEnum, RobotPlatformEnum } from './message-enums.js';
import { MessageDeliveryModel } from './message-delivery.model.js';

@ObjectType('MessageRobot', {
  description: '群机器人 (office admin only): its address and 加签 secret are shown masked',
})
export class MessageRobotModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => RobotPlatformEnum)
  platform!: RobotPlatform;

  @Field(() => [RobotKindEnum], { description: 'What it announces' })
  kinds!: RobotKind[];

  @Field()
  enabled!: boolean;

  @Field({ description: 'The webhook address with its token masked' })
  webhookMasked!: string;

  @Field(() => String, { nullable: true, description: '加签 secret, masked; null when not signed' })
  signSecretMasked!: string | null;

  @Field(() => MessageDeliveryModel, { nullable: true, description: 'Its latest message and how it went' })
  lastDelivery!: MessageDeliveryModel | null;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class SaveMessageRobotInput {
  @Field(() => ID, { nullable: true, description: 'Absent: a new robot' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required when changing a robot' })
  version?: number | null;

  @Field()
  name!: string;

  @Field(() => RobotPlatformEnum)
  platform!: RobotPlatform;

  @Field(() => [RobotKindEnum])
  kinds!: RobotKind[];

  @Field()
  enabled!: boolean;

  @Field(() => String, { nullable: true, description: 'Required for a new robot; empty keeps the stored one' })
  webhookUrl?: string | null;

  @Field(() => String, { nullable: true, description: '钉钉 加签 secret (SEC…); empty keeps the stored one' })
  signSecret?: string | null;

  @Field({ nullable: true, description: 'Remove the 加签 secret' })
  clearSignSecret?: boolean;
}
