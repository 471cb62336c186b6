import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { PlanLoader, PlanModel } from '../plan/index.js';
import { OpenReviewInput } from './dto/record-verdict.input.js';
import { ReviewItemConnection } from './dto/review-item.model.js';
import { ReviewItemsArgs, ReviewsArgs } from './dto/review.args.js';
import { ReviewConnection, ReviewModel, ReviewProgressModel } from './dto/review.model.js';
import { ReviewQueryService } from './review-query.service.js';
import { ReviewService } from './review.service.js';

@Resolver(() => ReviewModel)
export class ReviewResolver {
  constructor(
    private readonly lifecycle: ReviewService,
    private readonly queries: ReviewQueryService,
    private readonly planLoader: PlanLoader,
  ) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => ReviewModel, { description: '回头看' })
  review(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ReviewModel> {
    return this.queries.review(viewer, id);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => ReviewConnection, { description: '回头看 list, newest first' })
  reviews(@CurrentViewer() viewer: Viewer, @Args() args: ReviewsArgs): Promise<ReviewConnection> {
    return this.queries.reviews(viewer, args);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => ReviewModel, {
    description: 'Opens a 回头看 of a published plan: one item per task with a clear unit and a time limit',
  })
  openReview(@CurrentViewer() viewer: Viewer, @Args('input') input: OpenReviewInput): Promise<ReviewModel> {
    return this.lifecycle.openReview(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => ReviewModel, { description: 'Ends a 回头看 once every item has a verdict' })
  completeReview(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<ReviewModel> {
    return this.lifecycle.completeReview(viewer, id, version);
  }

  @ResolveField(() => PlanModel, { nullable: true })
  plan(@Parent() review: ReviewModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.planLoader.plan(req, viewer).load(review.planId);
  }

  @ResolveField(() => ReviewProgressModel)
  progress(@Parent() review: ReviewModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.queries.progress(req, viewer).load(review.id);
  }

  @ResolveField(() => ReviewItemConnection)
  items(
    @Parent() review: ReviewModel,
    @CurrentViewer() viewer: Viewer,
    @Args() args: ReviewItemsArgs,
  ): Promise<ReviewItemConnection> {
    return this.queries.items(viewer, review.id, args);
  }
}
