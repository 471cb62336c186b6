import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { PublicPagePlanModel } from './dto/public-page-plan.model.js';
import { PublicPageService } from './public-page.service.js';

@Resolver(() => PublicPagePlanModel)
export class PublicPageResolver {
  constructor(private readonly pages: PublicPageService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => [PublicPagePlanModel], {
    description: 'Published plans and whether each has its public page (政务公开) on',
  })
  publicPagePlans(@CurrentViewer() viewer: Viewer): Promise<PublicPagePlanModel[]> {
    return this.pages.plans(viewer);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => PublicPagePlanModel, { description: "Office: turns a published plan's public page on or off" })
  setPlanPublicPage(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('enabled') enabled: boolean,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<PublicPagePlanModel> {
    return this.pages.setPublicPage(viewer, planId, enabled, version);
  }
}
