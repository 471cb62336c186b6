// What other modules may use from the review (回头看) feature.
export { ReviewModule } from './review.module.js';
export { ReviewSummaryService } from './review-summary.service.js';
