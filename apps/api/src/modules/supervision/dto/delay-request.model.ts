import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DelayStatusEnum, type DelayStatus } from '../../../common/enums.js';
import { ConnectionType } from '../../../common/pagination.js';

@ObjectType('DelayRequest', { description: '延期申请: kept after the decision, so the due-date history stays visible' })
export class DelayRequestModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => String, { nullable: true })
  requestedByName!: string | null;

  @Field()
  reason!: string;

  @Field({ description: 'LocalDate: the due date when the request was made' })
  currentDueDate!: string;

  @Field({ description: 'LocalDate' })
  requestedDueDate!: string;

  @Field(() => DelayStatusEnum)
  status!: DelayStatus;

  @Field(() => String, { nullable: true })
  decidedByName!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  decisionComment!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Int)
  version!: number;
}

@ObjectType('DelayDateRange', { description: 'The dates a 延期申请 may ask for today (Asia/Shanghai)' })
export class DelayDateRangeModel {
  @Field({ description: 'LocalDate: the day after the due date, or today for an overdue task' })
  earliest!: string;

  @Field({ description: 'LocalDate' })
  latest!: string;
}

/** Columns for toDelayRequestModel: the request `d` with its people's names. */
export const DELAY_REQUEST_SELECT = `SELECT d.*, rb.display_name AS requested_by_name, db.display_name AS decided_by_name
  FROM delay_request d
  LEFT JOIN app_user rb ON rb.tenant_id = d.tenant_id AND rb.id = d.requested_by
  LEFT JOIN app_user db ON db.tenant_id = d.tenant_id AND db.id = d.decided_by`;

/** A `delay_request` row as DELAY_REQUEST_SELECT returns it (dates as text). */
export interface DelayRequestRow {
  id: string;
  task_id: string;
  requested_by: string;
  requested_by_name?: string | null;
  reason: string;
  current_due_date: string;
  requested_due_date: string;
  status: DelayStatus;
  decided_by: string | null;
  decided_by_name?: string | null;
  decided_at: Date | null;
  decision_comment: string | null;
  created_at: Date;
  version: number;
}

export function toDelayRequestModel(row: DelayRequestRow): DelayRequestModel {
  return {
    id: row.id,
    taskId: row.task_id,
    requestedByName: row.requested_by_name ?? null,
    reason: row.reason,
    currentDueDate: row.current_due_date,
    requestedDueDate: row.requested_due_date,
    status: row.status,
    decidedByName: row.decided_by_name ?? null,
    decidedAt: row.decided_at,
    decisionComment: row.decision_comment,
    createdAt: row.created_at,
    version: row.version,
  };
}

export const DelayRequestConnection = ConnectionType(DelayRequestModel, 'DelayRequestConnection');
export type DelayRequestConnection = InstanceType<typeof DelayRequestConnection>;
