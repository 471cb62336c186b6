import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskModel } from '../task/index.js';
import { TaskRectificationModel } from './dto/task-rectification.model.js';
import { ReviewQueryService } from './review-query.service.js';

/** Adds to Task what the unit needs to act on a 整改 task; whoever sees the task sees why it exists. */
@Resolver(() => TaskModel)
export class TaskRectificationResolver {
  constructor(private readonly queries: ReviewQueryService) {}

  @ResolveField(() => TaskRectificationModel, {
    nullable: true,
    description: 'For a 整改 task: the verdict and requirement that created it',
  })
  rectification(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return task.kind === 'RECTIFICATION' ? this.queries.rectificationOf(req, viewer).load(task.id) : null;
  }
}
