import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { KeyPointModel, PlanModel } from '../plan/index.js';
import { AmendKeyPointInput } from './dto/amend-key-point.input.js';
import { KeyPointAmendService } from './key-point-amend.service.js';
import { PlanPublishService } from './plan-publish.service.js';

/** The office turns a plan into tasks (publishing) and changes them with a published key point (amending). */
@Resolver(() => PlanModel)
@Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
export class PlanPublishResolver {
  constructor(
    private readonly publisher: PlanPublishService,
    private readonly amendments: KeyPointAmendService,
  ) {}

  @Mutation(() => PlanModel, { description: 'Creates one task per (key point, unit) and publishes the plan' })
  publishPlan(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<PlanModel> {
    return this.publisher.publishPlan(viewer, id, version);
  }

  @Mutation(() => KeyPointModel, { description: 'Amends a published key point (units, due date) with a reason' })
  amendKeyPoint(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int, description: "The key point's version (units and time limits belong to it)" })
    version: number,
    @Args('input') input: AmendKeyPointInput,
  ): Promise<KeyPointModel> {
    return this.amendments.amendKeyPoint(viewer, id, version, input);
  }
}
