import { Module } from '@nestjs/common';
import { MessagingModule } from '../messaging/index.js';
import { PlanModule } from '../plan/index.js';
import { TaskModule } from '../task/index.js';
import { UnitModule } from '../unit/index.js';
import { RectificationResolver } from './rectification.resolver.js';
import { RectificationService } from './rectification.service.js';
import { ReviewExclusionService } from './review-exclusion.service.js';
import { ReviewItemResolver } from './review-item.resolver.js';
import { ReviewQueryService } from './review-query.service.js';
import { ReviewSummaryResolver } from './review-summary.resolver.js';
import { ReviewSummaryService } from './review-summary.service.js';
import { ReviewVerdictService } from './review-verdict.service.js';
import { ReviewResolver } from './review.resolver.js';
import { ReviewService } from './review.service.js';
import { TaskCloseOutService } from './task-close-out.service.js';
import { TaskRectificationResolver } from './task-rectification.resolver.js';

/**
 * 回头看: opening a review of a published plan, verdicts with their 整改 tasks, the summary and its
 * docx (served by the export module); and 办结销号 (closing and reopening tasks). Scorecard and
 * exports read review_item directly.
 */
@Module({
  imports: [TaskModule, PlanModule, UnitModule, MessagingModule],
  providers: [
    ReviewService,
    ReviewVerdictService,
    ReviewExclusionService,
    RectificationService,
    ReviewQueryService,
    ReviewSummaryService,
    TaskCloseOutService,
    ReviewResolver,
    ReviewItemResolver,
    ReviewSummaryResolver,
    RectificationResolver,
    TaskRectificationResolver,
  ],
  exports: [ReviewSummaryService],
})
export class ReviewModule {}
