import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskLoader, TaskModel } from '../task/index.js';
import { UrgesArgs } from './dto/supervision.input.js';
import { UrgeConnection, UrgeModel } from './dto/urge.model.js';
import { UrgeService } from './urge.service.js';
import { IdempotencyKeyArg } from '../../common/idempotency.args.js';

@Resolver(() => UrgeModel)
export class UrgeResolver {
  constructor(
    private readonly urgeService: UrgeService,
    private readonly taskLoader: TaskLoader,
  ) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => UrgeModel, { description: '催办 a task (counts towards its urge count)' })
  urgeTask(
    @CurrentViewer() viewer: Viewer,
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('message') message: string,
    @IdempotencyKeyArg() idempotencyKey?: string | null,
  ): Promise<UrgeModel> {
    return this.urgeService.urgeTask(viewer, taskId, message, idempotencyKey);
  }

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Mutation(() => UrgeModel, { description: "The task's unit acknowledges (签收) an urge" })
  acknowledgeUrge(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<UrgeModel> {
    return this.urgeService.acknowledgeUrge(viewer, id);
  }

  @Query(() => UrgeConnection, { description: "Urges, newest first: unit users see their own unit's" })
  urges(@CurrentViewer() viewer: Viewer, @Args() args: UrgesArgs): Promise<UrgeConnection> {
    return this.urgeService.urges(viewer, args);
  }

  @ResolveField(() => TaskModel, { nullable: true })
  task(@Parent() urge: UrgeModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.taskLoader.byId(req, viewer).load(urge.taskId);
  }
}
