import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { PlanProgressModel } from './dto/plan-progress.model.js';
import { PlanProgressService } from './plan-progress.service.js';

@Resolver(() => PlanProgressModel)
export class PlanProgressResolver {
  constructor(private readonly progress: PlanProgressService) {}

  @Query(() => PlanProgressModel, {
    description: 'Section → key point → unit tasks, with counts (units see their part)',
  })
  planProgress(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
  ): Promise<PlanProgressModel> {
    return this.progress.planProgress(viewer, planId);
  }
}
