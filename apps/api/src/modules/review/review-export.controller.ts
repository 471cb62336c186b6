import { Controller, Get, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { Clock } from '../../common/clock.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import { reviewReportTitle, reviewSummaryDocx } from './review-summary-docx.js';
import { ReviewSummaryService } from './review-summary.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@Controller('exports')
@UseFilters(HttpJsonErrorFilter)
export class ReviewExportController {
  constructor(
    private readonly summaries: ReviewSummaryService,
    private readonly clock: Clock,
  ) {}

  /** GET /exports/review-summary.docx?reviewId=… : the 回头看 report leadership reads. */
  @Get('review-summary.docx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  async reviewSummary(@CurrentViewer() viewer: Viewer, @Query('reviewId') reviewId: string | undefined, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const summary = await this.summaries.summary(viewer, reviewId ?? '');
    const bytes = await reviewSummaryDocx(summary, this.clock.now());
    const filename = `${reviewReportTitle(summary.planYear)}.docx`;
    res.setHeader('Content-Type', DOCX);
    res.setHeader('Content-Disposition', `attachment; filename="review-summary.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }
}
