import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UnitModel } from '../unit/dto/unit.model.js';
import { UnitLoader } from '../unit/unit.loader.js';
import { PlanProgressModel, ProgressTaskModel } from './dto/plan-progress.model.js';
import { PlanProgressService } from './plan-progress.service.js';

@Resolver(() => ProgressTaskModel)
export class PlanProgressResolver {
  constructor(
    private readonly progress: PlanProgressService,
    private readonly units: UnitLoader,
  ) {}

  @Query(() => PlanProgressModel, { description: 'Section → key point → unit tasks, with counts (units see their part)' })
  planProgress(@CurrentViewer() viewer: Viewer, @Args('planId', { type: () => ID }) planId: string): Promise<PlanProgressModel> {
    return this.progress.planProgress(viewer, planId);
  }

  @ResolveField(() => UnitModel)
  unit(@Parent() task: ProgressTaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.units.byId(req, viewer).load(task.unitId);
  }
}
