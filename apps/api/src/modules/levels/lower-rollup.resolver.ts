import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { LowerCoverageModel, LowerRollupKeyPointModel } from './dto/lower-rollup.model.js';
import { LowerRollupService } from './lower-rollup.service.js';

@Resolver(() => LowerCoverageModel)
export class LowerRollupResolver {
  constructor(private readonly rollup: LowerRollupService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => LowerCoverageModel, {
    description:
      "下级落实: this tenant's key points of a year (default: the latest) × its lower tenants, with the roll-up of their linked tasks",
  })
  lowerCoverage(
    @CurrentViewer() viewer: Viewer,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
  ): Promise<LowerCoverageModel> {
    return this.rollup.coverage(viewer, year ?? null);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => [LowerRollupKeyPointModel], {
    description:
      "Read-only drill-down: the lower tenants' key points linked to one of this tenant's key points, with their tasks",
  })
  lowerRollupDetail(
    @CurrentViewer() viewer: Viewer,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
  ): Promise<LowerRollupKeyPointModel[]> {
    return this.rollup.detail(viewer, keyPointId);
  }
}
