import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';

@ObjectType('LowerUrge', { description: '本机构向下级机构发出的催办（上下联动），及下级机构是否已签收' })
export class LowerUrgeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  lowerTenantId!: string;

  @Field()
  lowerTenantName!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field()
  keyPointLabel!: string;

  @Field()
  keyPointTitle!: string;

  @Field({ description: '催办时本机构看到的落实情况（缺口或任务进度）' })
  situation!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true })
  createdByName!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '下级机构签收人的姓名' })
  acknowledgedByName!: string | null;
}

export const LowerUrgeConnection = ConnectionType(LowerUrgeModel, 'LowerUrgeConnection');
export type LowerUrgeConnection = InstanceType<typeof LowerUrgeConnection>;

@ObjectType('UpperUrgeKeyPoint', { description: '本机构对应到被催办上级要点的工作要点' })
export class UpperUrgeKeyPointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field()
  label!: string;

  @Field()
  title!: string;
}

@ObjectType('UpperUrge', { description: '上级机构发来的催办：本机构办公室须签收' })
export class UpperUrgeModel {
  @Field(() => ID)
  id!: string;

  @Field()
  upperTenantName!: string;

  @Field()
  keyPointLabel!: string;

  @Field()
  keyPointTitle!: string;

  @Field()
  situation!: string;

  @Field()
  message!: string;

  @Field(() => String, { nullable: true })
  senderName!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true })
  acknowledgedByName!: string | null;

  @Field(() => [UpperUrgeKeyPointModel], { description: '本机构对应这项上级要点的工作要点（没有则为缺口）' })
  linkedKeyPoints!: UpperUrgeKeyPointModel[];
}

export const UpperUrgeConnection = ConnectionType(UpperUrgeModel, 'UpperUrgeConnection');
export type UpperUrgeConnection = InstanceType<typeof UpperUrgeConnection>;

@ArgsType()
export class LevelUrgesArgs {
  @Field({ nullable: true, description: '只列未签收的' })
  unacknowledged?: boolean;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
