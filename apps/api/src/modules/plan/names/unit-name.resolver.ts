import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../../common/auth.decorators.js';
import { isOffice, type Viewer } from '../../../common/viewer.js';
import { PlanModel } from '../dto/plan.model.js';
import { PlanLoader } from '../plan.loader.js';
import { ResolveUnitNameInput } from './dto/resolve-unit-name.input.js';
import { DraftUnitNameModel, UnitNameDecisionModel } from './dto/unit-name.model.js';
import { UnitNameService } from './unit-name.service.js';

/** Unit names decided once per name for a whole draft, and the decisions the tenant remembers. */
@Resolver(() => PlanModel)
export class UnitNameResolver {
  constructor(
    private readonly names: UnitNameService,
    private readonly plans: PlanLoader,
  ) {}

  @ResolveField(() => [DraftUnitNameModel], {
    description: 'The distinct unit names of the plan, those to decide first (office only; empty for others)',
  })
  async unitNames(
    @Parent() plan: PlanModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<DraftUnitNameModel[]> {
    if (!isOffice(viewer)) return [];
    return this.names.namesOfPlan(viewer, plan.id, await this.plans.unitDirectory(req, viewer).load(viewer.tenantId));
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => PlanModel, {
    description:
      'Decides what a unit name means on every key point of a DRAFT plan, and remembers it for the next import',
  })
  resolveUnitName(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('version', { type: () => Int, description: "The plan's version" }) version: number,
    @Args('input') input: ResolveUnitNameInput,
  ): Promise<PlanModel> {
    return this.names.resolveUnitName(viewer, planId, version, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => [UnitNameDecisionModel], { description: 'Unit name decisions the tenant remembers, latest first' })
  unitNameDecisions(@CurrentViewer() viewer: Viewer): Promise<UnitNameDecisionModel[]> {
    return this.names.decisions(viewer);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => Boolean, { description: 'Forgets a remembered unit name decision' })
  forgetUnitNameDecision(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.names.forgetDecision(viewer, id);
  }
}
