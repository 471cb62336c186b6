import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  TaskKindEnum,
  TaskRoleEnum,
  TaskStatusEnum,
  WarningLightEnum,
  type TaskKind,
  type TaskRole,
  type TaskStatus,
  type WarningLightValue,
} from '../../../common/enums.js';

@ObjectType('Task', { description: "One unit's task for one key point" })
export class TaskModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  planId!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => TaskRoleEnum)
  role!: TaskRole;

  @Field(() => TaskKindEnum)
  kind!: TaskKind;

  @Field(() => ID, { nullable: true, description: 'For a 整改 task: the task it rectifies' })
  originTaskId!: string | null;

  @Field(() => TaskStatusEnum)
  status!: TaskStatus;

  @Field({ description: 'LocalDate' })
  assignedOn!: string;

  @Field({ description: 'LocalDate: the current due date (after approved delays)' })
  dueDate!: string;

  @Field({ description: 'LocalDate: the due date first set, kept visible after delays' })
  originalDueDate!: string;

  @Field(() => Int)
  progress!: number;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The 销号 note the office wrote when it closed the task' })
  closeNote!: string | null;

  @Field(() => Date, { nullable: true })
  lastReportAt!: Date | null;

  @Field(() => Int)
  urgeCount!: number;

  @Field(() => Date, {
    nullable: true,
    description: '签收: when the unit signed for the task; null while not yet signed',
  })
  signedAt!: Date | null;

  @Field(() => WarningLightEnum)
  light!: WarningLightValue;

  @Field(() => Int)
  version!: number;
}

/** A `task` row as `SELECT t.*` returns it (pg gives dates as text: the data source parses no `date`). */
export interface TaskRow {
  id: string;
  tenant_id: string;
  plan_id: string;
  key_point_id: string;
  unit_id: string;
  role: TaskModel['role'];
  kind: TaskModel['kind'];
  origin_task_id: string | null;
  status: TaskModel['status'];
  assigned_on: string;
  due_date: string;
  original_due_date: string;
  progress: number;
  signed_at?: Date | null;
  completed_at: Date | null;
  accepted_at: Date | null;
  closed_at: Date | null;
  close_note?: string | null;
  last_report_at: Date | null;
  urge_count: number;
  light: TaskModel['light'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toTaskModel(row: TaskRow): TaskModel {
  return {
    id: row.id,
    planId: row.plan_id,
    keyPointId: row.key_point_id,
    unitId: row.unit_id,
    role: row.role,
    kind: row.kind,
    originTaskId: row.origin_task_id,
    status: row.status,
    assignedOn: row.assigned_on,
    dueDate: row.due_date,
    originalDueDate: row.original_due_date,
    progress: row.progress,
    signedAt: row.signed_at ?? null,
    completedAt: row.completed_at,
    acceptedAt: row.accepted_at,
    closedAt: row.closed_at,
    closeNote: row.close_note ?? null,
    lastReportAt: row.last_report_at,
    urgeCount: row.urge_count,
    light: row.light,
    version: row.version,
  };
}
