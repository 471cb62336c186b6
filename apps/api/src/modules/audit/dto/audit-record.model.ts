import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../common/pagination.js';

@ObjectType('AuditRecord', { description: '安全审计记录: when, who (subject), what (object), which action, result' })
export class AuditRecordModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { nullable: true, description: "Number in the tenant's chain; null until sealed (within seconds)" })
  seq!: number | null;

  @Field()
  at!: Date;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Display name of who acted; null for the system or an unknown account',
  })
  actorName!: string | null;

  @Field(() => String, { nullable: true, description: "The acting account's username" })
  actorUsername!: string | null;

  @Field()
  action!: string;

  @Field()
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field({ description: 'success or failure' })
  result!: string;

  @Field(() => String, { nullable: true })
  ip!: string | null;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the values before' })
  before!: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the values after (for exports: route, filters, file)' })
  after!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

export const AuditRecordConnection = ConnectionType(AuditRecordModel, 'AuditRecordConnection');
export type AuditRecordConnection = InstanceType<typeof AuditRecordConnection>;

@ObjectType('AuditChainBreak')
export class AuditChainBreakModel {
  @Field(() => Int)
  seq!: number;

  @Field({ description: 'missing (deleted), altered (edited) or unsealed (inserted without a MAC)' })
  reason!: string;

  @Field(() => ID, { nullable: true })
  id!: string | null;

  @Field(() => Date, { nullable: true })
  at!: Date | null;
}

@ObjectType('AuditChainCheck', { description: "Result of recomputing the tenant's audit chain" })
export class AuditChainCheckModel {
  @Field()
  ok!: boolean;

  @Field(() => Int)
  verified!: number;

  @Field(() => Int, { description: 'Records from before the chain began (no MAC)' })
  unchained!: number;

  @Field(() => Int)
  archivedThrough!: number;

  @Field(() => Int)
  lastSeq!: number;

  @Field(() => Int, { description: 'Records written but not sealed into the chain yet' })
  pending!: number;

  @Field(() => AuditChainBreakModel, { nullable: true })
  firstBreak!: AuditChainBreakModel | null;
}
