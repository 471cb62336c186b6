import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Request } from 'express';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskModel } from '../task/index.js';
import { ProgressReportModel } from './dto/progress-report.model.js';
import { ReportLoader } from './report.loader.js';

/** `Task.reports`: owned here because reports are this module's data; batched per request. */
@Resolver(() => TaskModel)
export class TaskReportsResolver {
  constructor(private readonly loaders: ReportLoader) {}

  @ResolveField(() => [ProgressReportModel], { description: "The task's progress reports, newest first" })
  reports(@Parent() task: TaskModel, @Context('req') req: Request, @CurrentViewer() viewer: Viewer) {
    return this.loaders.byTask(req, viewer).load(task.id);
  }
}
