import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { shanghaiDate } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskLoader, TaskModel } from '../task/index.js';
import { DelayRequestConnection, DelayRequestModel } from './dto/delay-request.model.js';
import { DecideDelayInput, DelayRequestsArgs, RequestDelayInput } from './dto/supervision.input.js';
import { DelayQueryService } from './delay-query.service.js';
import { DelayService } from './delay.service.js';

@Resolver(() => DelayRequestModel)
export class DelayResolver {
  constructor(
    private readonly delays: DelayService,
    private readonly delayQuery: DelayQueryService,
    private readonly taskLoader: TaskLoader,
    private readonly clock: Clock,
  ) {}

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Mutation(() => DelayRequestModel, { description: "延期申请 by the task's unit" })
  requestDelay(
    @CurrentViewer() viewer: Viewer,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('input') input: RequestDelayInput,
  ): Promise<DelayRequestModel> {
    return this.delays.requestDelay(viewer, taskId, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => DelayRequestModel, { description: 'The office approves (moves the due date) or refuses' })
  decideDelay(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: DecideDelayInput,
  ): Promise<DelayRequestModel> {
    return this.delays.decideDelay(viewer, id, version, input);
  }

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Mutation(() => DelayRequestModel, { description: 'The unit withdraws its pending request' })
  withdrawDelay(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<DelayRequestModel> {
    return this.delays.withdrawDelay(viewer, id, version);
  }

  @Query(() => DelayRequestConnection, {
    description: '延期申请 list, newest first, over the tasks the viewer may see',
  })
  delayRequests(@CurrentViewer() viewer: Viewer, @Args() args: DelayRequestsArgs): Promise<DelayRequestConnection> {
    return this.delayQuery.delayRequests(viewer, args);
  }

  @ResolveField(() => Boolean, {
    description: 'The requested date is already past (Asia/Shanghai): approving it leaves the task overdue',
  })
  requestedDatePassed(@Parent() delay: DelayRequestModel): boolean {
    return delay.requestedDueDate < shanghaiDate(this.clock.now());
  }

  @ResolveField(() => Boolean, { description: 'The task was already overdue when the unit asked' })
  requestedWhenOverdue(@Parent() delay: DelayRequestModel): boolean {
    return shanghaiDate(delay.createdAt) > delay.currentDueDate;
  }

  @ResolveField(() => TaskModel, { nullable: true })
  task(@Parent() delay: DelayRequestModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.taskLoader.byId(req, viewer).load(delay.taskId);
  }
}
