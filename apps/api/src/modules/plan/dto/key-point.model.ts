import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PlanSection', { description: '部分 (一、…)' })
export class PlanSectionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field({ description: 'e.g. 一' })
  label!: string;

  @Field()
  title!: string;

  @Field(() => Int)
  sort!: number;
}

@ObjectType('KeyPoint', { description: '工作要点 (a numbered item of a plan)' })
export class KeyPointModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { nullable: true })
  sectionId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The item this sub-item belongs to' })
  parentId!: string | null;

  @Field(() => ID, { nullable: true, description: "The upper-level plan's key point this implements" })
  upperKeyPointId!: string | null;

  @Field(() => Int)
  seq!: number;

  @Field({ description: 'e.g. (一) or 12.' })
  label!: string;

  @Field()
  title!: string;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true, description: 'LocalDate; null = year end by default' })
  dueDate!: string | null;

  @Field()
  unitsOpenEnded!: boolean;

  @Field(() => Int)
  version!: number;
}

/** A `plan_section` row. */
export interface SectionRow {
  id: string;
  plan_id: string;
  label: string;
  title: string;
  sort: number;
}

export function toSectionModel(row: SectionRow): PlanSectionModel {
  return { id: row.id, planId: row.plan_id, label: row.label, title: row.title, sort: row.sort };
}

/** A `key_point` row as `SELECT *` returns it (dates as text: the data source parses no `date`). */
export interface KeyPointRow {
  id: string;
  tenant_id?: string;
  plan_id: string;
  section_id: string | null;
  parent_id: string | null;
  upper_key_point_id: string | null;
  seq: number;
  label: string;
  title: string;
  text: string;
  due_date: string | null;
  units_open_ended: boolean;
  version: number;
  created_at?: Date;
  updated_at?: Date;
}

export function toKeyPointModel(row: KeyPointRow): KeyPointModel {
  return {
    id: row.id,
    planId: row.plan_id,
    sectionId: row.section_id,
    parentId: row.parent_id,
    upperKeyPointId: row.upper_key_point_id,
    seq: row.seq,
    label: row.label,
    title: row.title,
    text: row.text,
    dueDate: row.due_date,
    unitsOpenEnded: row.units_open_ended,
    version: row.version,
  };
}
