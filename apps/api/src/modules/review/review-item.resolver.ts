import { Args, Context, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskLoader, TaskModel } from '../task/index.js';
import { UnitLoader, UnitModel } from '../unit/index.js';
import { RecordVerdictInput } from './dto/record-verdict.input.js';
import { ReviewItemModel } from './dto/review-item.model.js';
import { ReviewExclusionService } from './review-exclusion.service.js';
import { ReviewVerdictService } from './review-verdict.service.js';

@Resolver(() => ReviewItemModel)
export class ReviewItemResolver {
  constructor(
    private readonly verdicts: ReviewVerdictService,
    private readonly exclusions: ReviewExclusionService,
    private readonly taskLoader: TaskLoader,
    private readonly unitLoader: UnitLoader,
  ) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => ReviewItemModel, {
    description: 'Records or changes a verdict; 部分落实/未落实 create or re-time the 整改 task',
  })
  recordVerdict(@CurrentViewer() viewer: Viewer, @Args('input') input: RecordVerdictInput): Promise<ReviewItemModel> {
    return this.verdicts.recordVerdict(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => ReviewItemModel, {
    description: 'Takes a task not yet judged out of an open 回头看, with the reason',
  })
  excludeReviewItem(
    @CurrentViewer() viewer: Viewer,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('reason') reason: string,
  ): Promise<ReviewItemModel> {
    return this.exclusions.exclude(viewer, itemId, version, reason);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => ReviewItemModel, { description: 'Puts an excluded task back into an open 回头看' })
  includeReviewItem(
    @CurrentViewer() viewer: Viewer,
    @Args('itemId', { type: () => ID }) itemId: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ReviewItemModel> {
    return this.exclusions.include(viewer, itemId, version);
  }

  @ResolveField(() => TaskModel, { nullable: true, description: 'The task under review (its history is Task.history)' })
  task(@Parent() item: ReviewItemModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.taskLoader.byId(req, viewer).load(item.taskId);
  }

  @ResolveField(() => TaskModel, { nullable: true, description: 'The 整改 task this verdict created' })
  rectificationTask(@Parent() item: ReviewItemModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return item.rectificationTaskId ? this.taskLoader.byId(req, viewer).load(item.rectificationTaskId) : null;
  }

  @ResolveField(() => UnitModel, { nullable: true })
  unit(@Parent() item: ReviewItemModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.unitLoader.byId(req, viewer).load(item.unitId);
  }
}
