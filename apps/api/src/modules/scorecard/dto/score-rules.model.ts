import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('ScoreRuleItem', { description: 'One weighted event, for showing the rules as a table' })
export class ScoreRuleItemModel {
  @Field()
  rule!: string;

  @Field()
  label!: string;

  @Field({ description: 'PENALTY (≤ 0, × leadWeight for lead tasks) or BONUS (≥ 0)' })
  kind!: string;

  @Field(() => Float)
  weight!: number;
}

@ObjectType('ScoreRules', { description: '考核评分规则: score = max(minScore, base + Σ weight × count)' })
export class ScoreRulesModel {
  @Field(() => Float) base!: number;
  @Field(() => Float) leadWeight!: number;
  @Field(() => Float) minScore!: number;
  @Field(() => Float) perLateTask!: number;
  @Field(() => Float) perOverdueTask!: number;
  @Field(() => Float) perLateReport!: number;
  @Field(() => Float) perReturnedReport!: number;
  @Field(() => Float) perUrge!: number;
  @Field(() => Float) perRefusedDelay!: number;
  @Field(() => Float) perRectificationOpen!: number;
  @Field(() => Float) bonusPerOnTime!: number;

  @Field(() => [ScoreRuleItemModel])
  items!: ScoreRuleItemModel[];

  @Field(() => Int, { description: 'The tenant version to send back with updateScoreRules' })
  version!: number;
}

@InputType({ description: 'Only the rules to change; the others stay' })
export class ScoreRulesInput {
  @Field(() => Float, { nullable: true }) base?: number | null;
  @Field(() => Float, { nullable: true }) leadWeight?: number | null;
  @Field(() => Float, { nullable: true }) minScore?: number | null;
  @Field(() => Float, { nullable: true }) perLateTask?: number | null;
  @Field(() => Float, { nullable: true }) perOverdueTask?: number | null;
  @Field(() => Float, { nullable: true }) perLateReport?: number | null;
  @Field(() => Float, { nullable: true }) perReturnedReport?: number | null;
  @Field(() => Float, { nullable: true }) perUrge?: number | null;
  @Field(() => Float, { nullable: true }) perRefusedDelay?: number | null;
  @Field(() => Float, { nullable: true }) perRectificationOpen?: number | null;
  @Field(() => Float, { nullable: true }) bonusPerOnTime?: number | null;
}
