import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('TaskMilestone', { description: '任务节点 (a dated step inside a task)' })
export class TaskMilestoneModel {
  @Field(() => ID)
  id!: string;

  @Field()
  text!: string;

  @Field({ description: 'LocalDate' })
  date!: string;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;

  @Field(() => Int)
  sort!: number;
}

/** A `task_milestone` row (dates as text). */
export interface TaskMilestoneRow {
  id: string;
  task_id: string;
  text: string;
  date: string;
  done_at: Date | null;
  sort: number;
}

export function toTaskMilestoneModel(row: TaskMilestoneRow): TaskMilestoneModel {
  return { id: row.id, text: row.text, date: row.date, doneAt: row.done_at, sort: row.sort };
}
