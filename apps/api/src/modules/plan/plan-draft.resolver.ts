import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { CreatePlanInput } from './dto/import-plan.input.js';
import { DeadlineInput } from './dto/key-point.input.js';
import { PlanModel } from './dto/plan.model.js';
import { UpdatePlanInput } from './dto/update-plan.input.js';
import { PlanDraftService } from './plan-draft.service.js';
import { PlanImportService } from './plan-import.service.js';

/** Plan-level writes of the supervising office: create, edit, milestones, delete (imports: POST /imports/plan; publishing is the task module's). */
@Resolver(() => PlanModel)
@Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
export class PlanDraftResolver {
  constructor(
    private readonly importer: PlanImportService,
    private readonly drafts: PlanDraftService,
  ) {}

  @Mutation(() => PlanModel, { description: 'Creates an empty DRAFT plan, to fill in by hand' })
  createPlan(@CurrentViewer() viewer: Viewer, @Args('input') input: CreatePlanInput): Promise<PlanModel> {
    return this.importer.createPlan(viewer, input);
  }

  @Mutation(() => PlanModel)
  updatePlan(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdatePlanInput,
  ): Promise<PlanModel> {
    return this.drafts.updatePlan(viewer, id, version, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a DRAFT plan' })
  deletePlan(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ) {
    return this.drafts.deletePlan(viewer, id, version);
  }

  @Mutation(() => PlanModel)
  addPlanMilestone(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('version', { type: () => Int, description: "The plan's version" }) version: number,
    @Args('input') input: DeadlineInput,
  ): Promise<PlanModel> {
    return this.drafts.addPlanMilestone(viewer, planId, version, input);
  }

  @Mutation(() => PlanModel)
  removePlanMilestone(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int, description: "The plan's version" }) version: number,
  ): Promise<PlanModel> {
    return this.drafts.removePlanMilestone(viewer, id, version);
  }
}
