import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskConnection, TaskModel } from '../task/index.js';
import { CloseTaskItemInput } from './dto/close-tasks.input.js';
import { RectificationTasksArgs } from './dto/review.args.js';
import { ReviewQueryService } from './review-query.service.js';
import { TaskCloseOutService } from './task-close-out.service.js';

/** 整改 tasks in the year's work, and 办结销号 (close-out) of any task. */
@Resolver(() => TaskModel)
export class RectificationResolver {
  constructor(
    private readonly queries: ReviewQueryService,
    private readonly closeOut: TaskCloseOutService,
  ) {}

  @Query(() => TaskConnection, {
    description: '整改 tasks running in a year (what earlier reviews left), as the viewer may see them',
  })
  rectificationTasks(@CurrentViewer() viewer: Viewer, @Args() args: RectificationTasksArgs): Promise<TaskConnection> {
    return this.queries.rectificationTasks(viewer, args);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => TaskModel, {
    description: '办结销号: closes a task the office has accepted (DONE → CLOSED), with an optional 销号 note',
  })
  closeTask(
    @CurrentViewer() viewer: Viewer,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<TaskModel> {
    return this.closeOut.closeTask(viewer, taskId, version, note);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => [TaskModel], {
    description: '办结销号 of several accepted tasks (at most 200) with one note: all or none',
  })
  closeTasks(
    @CurrentViewer() viewer: Viewer,
    @Args('tasks', { type: () => [CloseTaskItemInput] }) tasks: CloseTaskItemInput[],
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<TaskModel[]> {
    return this.closeOut.closeTasks(viewer, tasks, note);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => TaskModel, { description: 'Reopens a done or closed task (→ IN_PROGRESS); the reason is recorded' })
  reopenTask(
    @CurrentViewer() viewer: Viewer,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<TaskModel> {
    return this.closeOut.reopenTask(viewer, taskId, version, reason);
  }
}
