import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { delayDateRange, isTaskCompleted, shanghaiDate } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskModel } from '../task/index.js';
import { DelayDateRangeModel, DelayRequestModel } from './dto/delay-request.model.js';
import { UrgeModel } from './dto/urge.model.js';
import { SupervisionLoader } from './supervision.loader.js';

/** Task's supervision relations live here so the task module does not depend on supervision. */
@Resolver(() => TaskModel)
export class TaskSupervisionFieldsResolver {
  constructor(
    private readonly loader: SupervisionLoader,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => DelayDateRangeModel, {
    nullable: true,
    description: 'The dates a 延期申请 may ask for today; null once the task is done',
  })
  delayDateRange(@Parent() task: TaskModel): DelayDateRangeModel | null {
    return isTaskCompleted(task.status) ? null : delayDateRange(task.dueDate, shanghaiDate(this.clock.now()));
  }

  @ResolveField(() => [DelayRequestModel], { description: '延期申请, oldest first (the due-date history)' })
  delayRequests(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.delayRequests(req, viewer).load(task.id);
  }

  @ResolveField(() => [UrgeModel], { description: '催办, newest first' })
  urges(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.urges(req, viewer).load(task.id);
  }
}
