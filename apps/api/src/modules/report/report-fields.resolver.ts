import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskLoader, TaskModel } from '../task/index.js';
import { UnitLoader, UnitModel } from '../unit/index.js';
import { ProgressReportModel, ReportEvidenceModel } from './dto/progress-report.model.js';
import { ReportLoader } from './report.loader.js';

/** Relations of a report, each through a per-request DataLoader. */
@Resolver(() => ProgressReportModel)
export class ReportFieldsResolver {
  constructor(
    private readonly loaders: ReportLoader,
    private readonly tasks: TaskLoader,
    private readonly units: UnitLoader,
  ) {}

  @ResolveField(() => TaskModel)
  task(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return this.tasks.byId(req, viewer).load(report.taskId);
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return this.units.byId(req, viewer).load(report.unitId);
  }

  @ResolveField(() => String, { nullable: true, description: "The author's display name" })
  authorName(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return this.loaders.userName(req, viewer).load(report.authorId);
  }

  @ResolveField(() => String, { nullable: true, description: "The deciding unit leader's display name" })
  leaderName(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return report.leaderId ? this.loaders.userName(req, viewer).load(report.leaderId) : null;
  }

  @ResolveField(() => String, { nullable: true, description: "The office reviewer's display name" })
  reviewerName(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return report.reviewerId ? this.loaders.userName(req, viewer).load(report.reviewerId) : null;
  }

  @ResolveField(() => [ReportEvidenceModel])
  evidence(@Parent() report: ProgressReportModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return this.loaders.evidence(req, viewer).load(report.id);
  }
}
