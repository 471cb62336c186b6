import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType('AuditLogFilter')
export class AuditLogFilterInput {
  @Field(() => ID, { nullable: true, description: 'Who acted (subject)' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Action, exactly or as a prefix ending in "." (e.g. "task.")' })
  action?: string | null;

  @Field(() => String, { nullable: true, description: 'Object type (user, task, report, download, …)' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Object id' })
  entityId?: string | null;

  @Field(() => String, { nullable: true, description: 'success or failure' })
  result?: string | null;

  @Field(() => Date, { nullable: true, description: 'From this instant (inclusive)' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive)' })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilterInput, { nullable: true })
  filter?: AuditLogFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}
