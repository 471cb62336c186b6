import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentViewer } from '../../common/auth.decorators.js';
import { loader } from '../../common/loaders.js';
import { uuidArg } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { KeyPointProgressModel, PlanProgressModel, ProgressTaskModel } from './dto/plan-progress.model.js';
import { PlanProgressService } from './plan-progress.service.js';

@Resolver(() => PlanProgressModel)
export class PlanProgressResolver {
  constructor(private readonly progress: PlanProgressService) {}

  @Query(() => PlanProgressModel, {
    description:
      'Section → key point (counts), and per unit; a key point lists its tasks when asked (units see their part)',
  })
  planProgress(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
  ): Promise<PlanProgressModel> {
    return this.progress.planProgress(viewer, planId);
  }

  @Query(() => [ProgressTaskModel], {
    description: "A key point's tasks as the progress tree shows them when it is opened (units see their part)",
  })
  keyPointProgressTasks(
    @CurrentViewer() viewer: Viewer,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
  ): Promise<ProgressTaskModel[]> {
    return this.progress.keyPointTasks(viewer, uuidArg(keyPointId, 'keyPointId'));
  }
}

@Resolver(() => KeyPointProgressModel)
export class KeyPointProgressResolver {
  constructor(private readonly progress: PlanProgressService) {}

  /** Every key point asked for in one statement. */
  @ResolveField(() => [ProgressTaskModel])
  tasks(@Parent() kp: KeyPointProgressModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return loader(
      req,
      'progress.tasks',
      () => new DataLoader((ids: readonly string[]) => this.progress.tasksOf(viewer, ids)),
    ).load(kp.keyPointId);
  }
}
