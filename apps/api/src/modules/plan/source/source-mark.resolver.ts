import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../../common/auth.decorators.js';
import type { Viewer } from '../../../common/viewer.js';
import { PlanModel } from '../dto/plan.model.js';
import { MarkSourceInput } from './dto/mark-source.input.js';
import { SourceMarkService } from './source-mark.service.js';

/** Key points and sections the office marks in a draft's source text. */
@Resolver(() => PlanModel)
@Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
export class SourceMarkResolver {
  constructor(private readonly marks: SourceMarkService) {}

  @Mutation(() => PlanModel, {
    description: 'Makes a line or sentence of the source text a key point or a section of a DRAFT plan',
  })
  markSource(
    @CurrentViewer() viewer: Viewer,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('version', { type: () => Int, description: "The plan's version" }) version: number,
    @Args('input') input: MarkSourceInput,
  ): Promise<PlanModel> {
    return this.marks.markSource(viewer, planId, version, input);
  }

  @Mutation(() => PlanModel, {
    description: 'Deletes a section of a DRAFT plan; its key points join the section before it',
  })
  deletePlanSection(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int, description: "The plan's version" }) version: number,
  ): Promise<PlanModel> {
    return this.marks.deleteSection(viewer, id, version);
  }
}
