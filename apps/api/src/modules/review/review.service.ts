import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { OpenReviewInput } from './dto/record-verdict.input.js';
import { toReviewModel, type ReviewModel, type ReviewRow } from './dto/review.model.js';
import { REVIEW_LIMITS } from './review-rules.js';
import { tenantDefaultDueDate, type PlanRow } from '../plan/index.js';
import { OPEN_REVIEW_ITEMS_SQL } from './review-scope.js';
import { optionalText, uuidArg } from '../../common/validation.js';

const reviewSnapshot = (row: ReviewRow) => ({
  planId: row.plan_id,
  title: row.title,
  status: row.status,
  itemCount: row.item_count,
  untimedTaskCount: row.untimed_task_count,
  completedAt: row.completed_at,
  version: row.version,
});

/** Opening and completing a 回头看. Verdicts are ReviewVerdictService's. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async openReview(viewer: Viewer, input: OpenReviewInput): Promise<ReviewModel> {
    const planId = uuidArg(input.planId, 'planId');
    const title = optionalText(input.title, 'title', '回头看标题', REVIEW_LIMITS.title);
    return this.dataSource.transaction(async (m) => {
      // Locking the plan queues two offices opening at once, so the second sees the first's review.
      const plan = await one<Pick<PlanRow, 'id' | 'year' | 'title' | 'status'>>(
        m,
        `SELECT id, year, title, status FROM plan WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [viewer.tenantId, planId],
      );
      if (!plan) throw notFound('计划');
      if (plan.status === 'DRAFT') throw badInput('计划尚未发布，不能开展回头看', 'planId');
      const open = await one<{ id: string }>(
        m,
        `SELECT id FROM review WHERE tenant_id = $1 AND plan_id = $2 AND status = 'OPEN'`,
        [viewer.tenantId, planId],
      );
      if (open) throw conflict('该计划已有进行中的回头看，请先完成后再开展新的回头看');
      const created = await one<{ id: string }>(
        m,
        `INSERT INTO review (tenant_id, plan_id, title, opened_by) VALUES ($1, $2, $3, $4) RETURNING id`,
        [viewer.tenantId, planId, title ?? `${plan.year}年政务公开工作要点落实情况回头看`, viewer.userId],
      );
      // The same default publishing wrote into key points without a time limit.
      const defaultDue = await tenantDefaultDueDate(m, viewer.tenantId, plan.year);
      const review = (await one<ReviewRow>(m, OPEN_REVIEW_ITEMS_SQL, [
        viewer.tenantId,
        planId,
        defaultDue,
        created!.id,
      ]))!;
      if (review.item_count === 0) throw badInput('该计划没有任务，无需开展回头看', 'planId');
      await this.audit.record(m, viewer, {
        entityType: 'review',
        entityId: review.id,
        action: 'review.open',
        after: { ...reviewSnapshot(review), untimedDueDate: defaultDue },
      });
      return toReviewModel(review);
    });
  }

  async completeReview(viewer: Viewer, id: string, version: number): Promise<ReviewModel> {
    const reviewId = uuidArg(id, 'id');
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<ReviewRow>(m, 'review', viewer.tenantId, reviewId, version, '回头看');
      if (before.status !== 'OPEN') throw conflict('回头看已完成，不能重复完成');
      const pending = await one<{ n: number }>(
        m,
        `SELECT count(*)::int AS n FROM review_item WHERE tenant_id = $1 AND review_id = $2 AND verdict IS NULL AND excluded_at IS NULL`,
        [viewer.tenantId, reviewId],
      );
      if (pending!.n > 0)
        throw badInput(`还有 ${pending!.n} 项任务未评定，全部评定（或说明理由后不纳入）后才能完成回头看`, 'id');
      const after = (await one<ReviewRow>(
        m,
        `UPDATE review SET status = 'COMPLETED', completed_at = now(), completed_by = $3, version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [viewer.tenantId, reviewId, viewer.userId],
      ))!;
      await this.audit.record(m, viewer, {
        entityType: 'review',
        entityId: reviewId,
        action: 'review.complete',
        before: reviewSnapshot(before),
        after: reviewSnapshot(after),
      });
      return toReviewModel(after);
    });
  }
}
