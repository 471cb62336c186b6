import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { DashboardModel } from './dto/dashboard.model.js';
import { DashboardService } from './dashboard.service.js';

@Resolver(() => DashboardModel)
export class DashboardResolver {
  constructor(private readonly dashboardService: DashboardService) {}

  @Query(() => DashboardModel, { description: '督办概览 counts (optionally for one plan)' })
  dashboard(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID, nullable: true }) planId?: string,
  ): Promise<DashboardModel> {
    return this.dashboardService.dashboard(viewer, planId);
  }
}
