import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('KeyPointDeadline', { description: '时限 of a key point as written, with its date when it names one' })
export class KeyPointDeadlineModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field({ description: 'e.g. 6月底前' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'LocalDate; null for rules such as 20个工作日内' })
  date!: string | null;

  @Field(() => Int)
  sort!: number;
}

@ObjectType('PlanMilestone', { description: 'A plan-level milestone (工作方案: 2020年11月底前,完成…)' })
export class PlanMilestoneModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'LocalDate' })
  date!: string | null;

  @Field(() => Int)
  sort!: number;
}

export function toDeadlineModel(row: Record<string, any>): KeyPointDeadlineModel {
  return { id: row.id, keyPointId: row.key_point_id, text: row.text, date: row.date, sort: row.sort };
}

export function toMilestoneModel(row: Record<string, any>): PlanMilestoneModel {
  return { id: row.id, planId: row.plan_id, text: row.text, date: row.date, sort: row.sort };
}
