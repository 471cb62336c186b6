import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ProgressReportConnection, ProgressReportModel } from './dto/progress-report.model.js';
import { LeaderDecisionInput, ReviewReportInput } from './dto/report-decision.input.js';
import { PageArgs, ReportsArgs } from './dto/reports.args.js';
import { SubmitReportInput } from './dto/submit-report.input.js';
import { ReportQueryService } from './report-query.service.js';
import { ReportService } from './report.service.js';
import { checkIds } from '../unit/index.js';
import { AuditRead } from '../audit/index.js';
import { IdempotencyKeyArg } from '../../common/idempotency.args.js';

@Resolver(() => ProgressReportModel)
export class ReportResolver {
  constructor(
    private readonly workflow: ReportService,
    private readonly queries: ReportQueryService,
  ) {}

  @Query(() => ProgressReportConnection, { description: 'Reports the viewer may read, newest first' })
  reports(@CurrentViewer() viewer: Viewer, @Args() args: ReportsArgs): Promise<ProgressReportConnection> {
    return this.queries.list(viewer, args.filter, args);
  }

  @Query(() => ProgressReportModel)
  @AuditRead('report')
  report(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ProgressReportModel> {
    return this.queries.byId(viewer, id);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => Int, {
    description:
      'Reports waiting for a leader in units without an active leader (or all, with approval off) go to the office; returns how many',
  })
  releaseLeaderlessReports(
    @CurrentViewer() viewer: Viewer,
    @Args('unitIds', { type: () => [ID], nullable: true, description: 'Only these units (default: all)' })
    unitIds?: string[] | null,
  ): Promise<number> {
    return this.workflow.releaseLeaderless(viewer, unitIds ? checkIds(unitIds) : 'ALL');
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => ProgressReportConnection, { description: 'Office: reports waiting for review, oldest first' })
  reviewQueue(@CurrentViewer() viewer: Viewer, @Args() page: PageArgs): Promise<ProgressReportConnection> {
    return this.queries.reviewQueue(viewer, page);
  }

  @Roles('UNIT_LEADER')
  @Query(() => ProgressReportConnection, {
    description: "Unit leader: the unit's reports waiting for approval, oldest first",
  })
  leaderQueue(@CurrentViewer() viewer: Viewer, @Args() page: PageArgs): Promise<ProgressReportConnection> {
    return this.queries.leaderQueue(viewer, page);
  }

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Mutation(() => ProgressReportModel, { description: "The task's unit reports progress (or claims completion)" })
  submitReport(
    @CurrentViewer() viewer: Viewer,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('input') input: SubmitReportInput,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ): Promise<ProgressReportModel> {
    return this.workflow.submit(viewer, taskId, input, idempotencyKey);
  }

  @Roles('UNIT_LEADER')
  @Mutation(() => ProgressReportModel, { description: 'The unit leader approves (to the office) or rejects a report' })
  leaderDecideReport(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: LeaderDecisionInput,
  ): Promise<ProgressReportModel> {
    return this.workflow.leaderDecide(viewer, id, version, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => ProgressReportModel, { description: 'The office accepts a report or returns it with a reason' })
  reviewReport(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: ReviewReportInput,
  ): Promise<ProgressReportModel> {
    return this.workflow.review(viewer, id, version, input);
  }
}
