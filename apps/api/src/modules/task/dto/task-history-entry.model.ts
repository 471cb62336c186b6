import { Field, ID, ObjectType } from '@nestjs/graphql';
import { auditEntryFields } from '../../audit/index.js';

@ObjectType('TaskHistoryEntry', { description: '任务操作记录 (from the append-only audit log)' })
export class TaskHistoryEntryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Display name of who acted; null for the system' })
  actorName!: string | null;

  @Field({ description: "task, delay_request, urge, or the report module's entity types" })
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field()
  action!: string;

  @Field(() => String, { nullable: true, description: 'JSON of the values before the change' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the values after the change' })
  after!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

/** An `audit_log` row with its actor's name when joined (`actor_name`). */
export interface AuditLogRow {
  id: string | number;
  at: Date;
  actor_name?: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
  note: string | null;
}

export function toTaskHistoryEntryModel(row: AuditLogRow): TaskHistoryEntryModel {
  return { ...auditEntryFields(row), actorName: row.actor_name ?? null };
}
