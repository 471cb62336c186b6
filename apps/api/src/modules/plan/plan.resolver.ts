import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, fieldContext } from '../../common/auth.decorators.js';
import type { Connection } from '../../common/pagination.js';
import type { Viewer } from '../../common/viewer.js';
import { PlanMilestoneModel } from './dto/deadline.model.js';
import { KeyPointModel, PlanSectionModel } from './dto/key-point.model.js';
import { PlansArgs } from './dto/plan.args.js';
import { PlanConnection } from './dto/plan-connection.model.js';
import { PlanModel } from './dto/plan.model.js';
import { PublishPreviewModel } from './dto/publish-preview.model.js';
import { PlanLoader } from './plan.loader.js';
import { PlanQueryService } from './plan-query.service.js';

@Resolver(() => PlanModel)
export class PlanResolver {
  constructor(
    private readonly plans: PlanQueryService,
    private readonly loader: PlanLoader,
  ) {}

  @Query(() => PlanConnection, {
    name: 'plans',
    description: 'Plans, newest year first (units see published plans only)',
  })
  planList(@CurrentViewer() viewer: Viewer, @Args() args: PlansArgs): Promise<Connection<PlanModel>> {
    return this.plans.plans(viewer, args);
  }

  @Query(() => PlanModel)
  plan(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<PlanModel> {
    return this.plans.plan(viewer, id);
  }

  // Without parameter decorators, so @nestjs/graphql calls it directly (fieldContext). Plans from the loader
  // and the list come without their text: it is read here, only when a query asks for it.
  @ResolveField(() => String, { nullable: true, description: 'The imported document as text' })
  sourceText(plan: PlanModel, _args: unknown, context: { req: object }): string | null | Promise<string | null> {
    if (plan.sourceText !== undefined) return plan.sourceText;
    const { req, viewer } = fieldContext(context);
    return this.loader.sourceText(req, viewer).load(plan.id);
  }

  @ResolveField(() => [PlanSectionModel])
  sections(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.sectionsOfPlan(req, viewer).load(plan.id);
  }

  @ResolveField(() => [KeyPointModel], { description: 'All key points (sub-items too), in document order' })
  keyPoints(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.keyPointsOfPlan(req, viewer).load(plan.id);
  }

  @ResolveField(() => [PlanMilestoneModel])
  milestones(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.milestonesOfPlan(req, viewer).load(plan.id);
  }

  @ResolveField(() => PublishPreviewModel)
  publishPreview(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.publishPreview(req, viewer).load(plan.id);
  }

  @ResolveField(() => Int, { description: 'Unit names not yet mapped to a unit' })
  async unresolvedCount(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return (await this.loader.publishPreview(req, viewer).load(plan.id)).unresolvedNames;
  }
}
