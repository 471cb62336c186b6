import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import {
  toReviewItemModel,
  type ReviewItemModel,
  type ReviewItemRow,
  type ReviewItemTableRow,
} from './dto/review-item.model.js';
import type { ReviewRow } from './dto/review.model.js';
import { REVIEW_LIMITS } from './review-rules.js';
import { requiredText, uuidArg } from '../../common/validation.js';

/**
 * Taking a task out of a 回头看 (and putting it back). Every task of the plan is reviewed unless the
 * office says why not (a key point withdrawn by a later notice, a unit merged away); the reason is kept
 * on the item and in the task's history. A judged item keeps its verdict: 不适用 is the verdict for
 * work that turned out not to apply.
 */
@Injectable()
export class ReviewExclusionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  exclude(viewer: Viewer, itemId: string, version: number, reason: string): Promise<ReviewItemModel> {
    const id = uuidArg(itemId, 'itemId');
    const why = requiredText(reason, 'reason', '不纳入的理由', REVIEW_LIMITS.reason);
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockOpen(m, viewer, id, version);
      if (before.excluded_at) throw conflict('该任务已不纳入本次回头看');
      if (before.verdict) throw conflict('该任务已评定，不能再排除；确实不适用的，请评定为“不适用”');
      return this.change(
        m,
        viewer,
        before,
        'review.exclude',
        [why, viewer.userId, this.clock.now()],
        `已不纳入回头看：${why}`,
      );
    });
  }

  include(viewer: Viewer, itemId: string, version: number): Promise<ReviewItemModel> {
    const id = uuidArg(itemId, 'itemId');
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockOpen(m, viewer, id, version);
      if (!before.excluded_at) throw conflict('该任务已在本次回头看中');
      return this.change(m, viewer, before, 'review.include', [null, null, null], '重新纳入回头看');
    });
  }

  private async lockOpen(m: EntityManager, viewer: Viewer, id: string, version: number): Promise<ReviewItemTableRow> {
    const before = await lockForUpdate<ReviewItemTableRow>(m, 'review_item', viewer.tenantId, id, version, '评定事项');
    const review = (await one<Pick<ReviewRow, 'status'>>(
      m,
      `SELECT status FROM review WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, before.review_id],
    ))!;
    if (review.status !== 'OPEN') throw conflict('回头看已完成，不能再调整评定范围');
    return before;
  }

  private async change(
    m: EntityManager,
    viewer: Viewer,
    before: ReviewItemTableRow,
    action: string,
    values: unknown[],
    note: string,
  ): Promise<ReviewItemModel> {
    const after = (await one<ReviewItemTableRow>(
      m,
      `UPDATE review_item SET excluded_reason = $3, excluded_by = $4, excluded_at = $5, version = version + 1
        WHERE tenant_id = $1 AND id = $2 RETURNING *`,
      [viewer.tenantId, before.id, ...values],
    ))!;
    await this.audit.record(m, viewer, [
      {
        entityType: 'review_item',
        entityId: after.id,
        action,
        before: { excludedReason: before.excluded_reason, version: before.version },
        after: { excludedReason: after.excluded_reason, version: after.version },
      },
      {
        entityType: 'task',
        entityId: after.task_id,
        action: `task.${action}`,
        after: { reviewId: after.review_id },
        note,
      },
    ]);
    const found = (await one<ReviewItemRow>(
      m,
      `SELECT i.*, t.unit_id, t.key_point_id, u.display_name AS reviewer_name, x.display_name AS excluded_by_name
         FROM review_item i JOIN task t ON t.tenant_id = i.tenant_id AND t.id = i.task_id
         LEFT JOIN app_user u ON u.tenant_id = i.tenant_id AND u.id = i.reviewer_id
         LEFT JOIN app_user x ON x.tenant_id = i.tenant_id AND x.id = i.excluded_by
        WHERE i.tenant_id = $1 AND i.id = $2`,
      [viewer.tenantId, after.id],
    ))!;
    return toReviewItemModel(found);
  }
}
