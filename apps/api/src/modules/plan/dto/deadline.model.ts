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

/** A `key_point_deadline` row: one time limit as written and the date it means. */
export interface DeadlineRow {
  id: string;
  key_point_id: string;
  text: string;
  date: string | null;
  sort: number;
}

export function toDeadlineModel(row: DeadlineRow): KeyPointDeadlineModel {
  return { id: row.id, keyPointId: row.key_point_id, text: row.text, date: row.date, sort: row.sort };
}

/** A `plan_milestone` row: a time limit of the whole plan. */
export interface MilestoneRow {
  id: string;
  plan_id: string;
  text: string;
  date: string | null;
  sort: number;
}

export function toMilestoneModel(row: MilestoneRow): PlanMilestoneModel {
  return { id: row.id, planId: row.plan_id, text: row.text, date: row.date, sort: row.sort };
}
