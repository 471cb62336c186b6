import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UrgeLevelEnum, type UrgeLevel } from '../../../common/enums.js';
import { ConnectionType } from '../../../common/pagination.js';

@ObjectType('Urge', { description: '催办通知: the unit must acknowledge it' })
export class UrgeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  taskId!: string;

  @Field(() => UrgeLevelEnum)
  level!: UrgeLevel;

  @Field()
  message!: string;

  @Field({ description: 'Sent by the escalation job rather than a person' })
  automatic!: boolean;

  @Field(() => String, { nullable: true })
  createdByName!: string | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  acknowledgedAt!: Date | null;

  @Field(() => String, { nullable: true })
  acknowledgedByName!: string | null;
}

export const UrgeConnection = ConnectionType(UrgeModel, 'UrgeConnection');
export type UrgeConnection = InstanceType<typeof UrgeConnection>;

/** Columns for toUrgeModel: the urge `g` with its people's names. */
export const URGE_SELECT = `SELECT g.*, cb.display_name AS created_by_name, ab.display_name AS acknowledged_by_name
  FROM urge g
  LEFT JOIN app_user cb ON cb.tenant_id = g.tenant_id AND cb.id = g.created_by
  LEFT JOIN app_user ab ON ab.tenant_id = g.tenant_id AND ab.id = g.acknowledged_by`;

/** An `urge` row as URGE_SELECT returns it. */
export interface UrgeRow {
  id: string;
  task_id: string;
  level: UrgeLevel;
  message: string;
  automatic: boolean;
  created_by: string | null;
  created_by_name?: string | null;
  created_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_by_name?: string | null;
}

export function toUrgeModel(row: UrgeRow): UrgeModel {
  return {
    id: row.id,
    taskId: row.task_id,
    level: row.level,
    message: row.message,
    automatic: row.automatic,
    createdByName: row.created_by_name ?? null,
    createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
    acknowledgedByName: row.acknowledged_by_name ?? null,
  };
}
