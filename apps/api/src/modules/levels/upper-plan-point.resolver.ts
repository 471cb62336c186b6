import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { PlanModel } from '../plan/index.js';
import { KeyPointUpperLinksModel, UpperPlanPointModel } from './dto/upper-plan-point.model.js';
import { UpperPlanPointService } from './upper-plan-point.service.js';

@Resolver(() => UpperPlanPointModel)
export class UpperPlanPointResolver {
  constructor(private readonly points: UpperPlanPointService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => [UpperPlanPointModel], {
    description: "上下联动: the upper tenant's published key points, as this tenant's read model keeps them",
  })
  upperPlanPoints(@CurrentViewer() viewer: Viewer): Promise<UpperPlanPointModel[]> {
    return this.points.list(viewer);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => [KeyPointUpperLinksModel], {
    description: "A plan's key points with the upper key points they implement and Duban's proposals",
  })
  keyPointUpperLinks(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
  ): Promise<KeyPointUpperLinksModel[]> {
    return this.points.planLinks(viewer, planId);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => KeyPointUpperLinksModel, {
    description: 'Confirms, changes or removes the upper key points a key point implements (the full set)',
  })
  setKeyPointUpperLinks(
    @CurrentViewer() viewer: Viewer,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
    @Args('upperPointIds', { type: () => [ID] }) upperPointIds: string[],
    @Args('version', { type: () => Int, description: 'The version of the links as read (KeyPointUpperLinks.version)' })
    version: number,
  ): Promise<KeyPointUpperLinksModel> {
    return this.points.setLinks(viewer, keyPointId, upperPointIds, version);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => PlanModel, {
    description:
      "A new draft plan from the upper tenant's published key points of a year (default: the latest), each linked to its source",
  })
  startPlanFromUpper(
    @CurrentViewer() viewer: Viewer,
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
  ): Promise<PlanModel> {
    return this.points.startDraft(viewer, year ?? null);
  }
}
