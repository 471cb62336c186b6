import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ReviewSummaryModel } from './dto/review-summary.model.js';
import { ReviewSummaryService } from './review-summary.service.js';

@Resolver(() => ReviewSummaryModel)
export class ReviewSummaryResolver {
  constructor(private readonly summaries: ReviewSummaryService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => ReviewSummaryModel, { description: '回头看 summary: counts by verdict and by unit, and the 整改 list' })
  reviewSummary(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ReviewSummaryModel> {
    return this.summaries.summary(viewer, id);
  }
}
