import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { ReportStatusEnum, type ReportStatus } from '../../../common/enums.js';

@InputType()
export class ReportFilter {
  @Field(() => ReportStatusEnum, { nullable: true })
  status?: ReportStatus | null;

  @Field(() => ID, { nullable: true })
  taskId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => ID, { nullable: true })
  planId?: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class ReportsArgs extends PageArgs {
  @Field(() => ReportFilter, { nullable: true })
  filter?: ReportFilter | null;
}
