import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskModel } from '../task/dto/task.model.js';
import { DelayRequestModel } from './dto/delay-request.model.js';
import { UrgeModel } from './dto/urge.model.js';
import { SupervisionLoader } from './supervision.loader.js';

/** Task's supervision relations live here so the task module does not depend on supervision. */
@Resolver(() => TaskModel)
export class TaskSupervisionFieldsResolver {
  constructor(private readonly loader: SupervisionLoader) {}

  @ResolveField(() => [DelayRequestModel], { description: '延期申请, oldest first (the due-date history)' })
  delayRequests(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.delayRequests(req, viewer).load(task.id);
  }

  @ResolveField(() => [UrgeModel], { description: '催办, newest first' })
  urges(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.urges(req, viewer).load(task.id);
  }
}
