import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('UpperPlanPoint', { description: '上级机构已发布的工作要点（本机构保存的只读副本，不含上级的任务和单位）' })
export class UpperPlanPointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  planYear!: number;

  @Field()
  planTitle!: string;

  @Field(() => String, { nullable: true })
  sectionTitle!: string | null;

  @Field(() => Int)
  seq!: number;

  @Field()
  label!: string;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => Date)
  refreshedAt!: Date;
}

@ObjectType('UpperPlanPointProposal', { description: 'Duban 按文字相似度建议的上级工作要点，需办公室确认' })
export class UpperPlanPointProposalModel {
  @Field(() => UpperPlanPointModel)
  point!: UpperPlanPointModel;

  @Field(() => Float, { description: '0–1: how alike the two key points read' })
  score!: number;
}

@ObjectType('KeyPointUpperLinks', {
  description:
    'A key point of this tenant with the upper key points it implements (confirmed) and the ones Duban proposes',
})
export class KeyPointUpperLinksModel {
  @Field(() => ID)
  keyPointId!: string;

  @Field(() => Int, { description: 'Changes with every save of the links: send it back to setKeyPointUpperLinks' })
  version!: number;

  @Field(() => [UpperPlanPointModel])
  linked!: UpperPlanPointModel[];

  @Field(() => [UpperPlanPointProposalModel], { description: 'Proposed and not linked yet' })
  proposed!: UpperPlanPointProposalModel[];
}
