import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { PlanModel } from '../plan/index.js';
import { PlanPublishService } from './plan-publish.service.js';

@Resolver(() => PlanModel)
export class PlanPublishResolver {
  constructor(private readonly publisher: PlanPublishService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => PlanModel, { description: 'Creates one task per (key point, unit) and publishes the plan' })
  publishPlan(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number): Promise<PlanModel> {
    return this.publisher.publishPlan(viewer, id, version);
  }
}
