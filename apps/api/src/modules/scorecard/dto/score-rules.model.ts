import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ScoreComponentEnum } from './scorecard-row.model.js';
import type { ScoreComponentKey } from '@duban/domain';

@ObjectType('ScoreRuleItem', { description: 'One weighted rate, for showing the rules as a table' })
export class ScoreRuleItemModel {
  @Field(() => ScoreComponentEnum)
  component!: ScoreComponentKey;

  @Field({ description: 'The ScoreRules field holding its weight, e.g. onTimeWeight' })
  rule!: string;

  @Field()
  label!: string;

  @Field({ description: 'What the rate divides by what' })
  explain!: string;

  @Field(() => Float)
  weight!: number;
}

@ObjectType('ScoreRules', {
  description:
    '考核评分规则: score = 100 × Σ weight·rate / Σ weight over the rates that apply; lead tasks count leadWeight times',
})
export class ScoreRulesModel {
  @Field(() => Float, { description: '按时完成率的权重' }) onTimeWeight!: number;
  @Field(() => Float, { description: '无逾期率（1 − 逾期占比）的权重' }) notOverdueWeight!: number;
  @Field(() => Float, { description: '按时报送率的权重' }) reportingWeight!: number;
  @Field(() => Float, { description: '报送一次通过率的权重' }) firstPassWeight!: number;
  @Field(() => Float, { description: '整改完成率的权重' }) rectifiedWeight!: number;
  @Field(() => Float, { description: 'How many times a lead task counts in every rate' }) leadWeight!: number;

  @Field(() => [ScoreRuleItemModel])
  items!: ScoreRuleItemModel[];

  @Field({ description: 'How equal scores are ranked' })
  tieBreak!: string;

  @Field(() => Int, { description: 'The tenant version to send back with updateScoreRules' })
  version!: number;
}

@InputType({ description: 'Only the rules to change; the others stay' })
export class ScoreRulesInput {
  @Field(() => Float, { nullable: true }) onTimeWeight?: number | null;
  @Field(() => Float, { nullable: true }) notOverdueWeight?: number | null;
  @Field(() => Float, { nullable: true }) reportingWeight?: number | null;
  @Field(() => Float, { nullable: true }) firstPassWeight?: number | null;
  @Field(() => Float, { nullable: true }) rectifiedWeight?: number | null;
  @Field(() => Float, { nullable: true }) leadWeight?: number | null;
}
