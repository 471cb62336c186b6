import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { DOCX_MIME, type DownloadFile } from '../../common/download.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { ReviewSummaryModel } from './dto/review-summary.model.js';
import {
  PROGRESS_COLUMNS,
  toReviewModel,
  toReviewProgress,
  type ReviewProgressRow,
  type ReviewRow,
} from './dto/review.model.js';

/** A 整改 task of the review with its unit and key point, as the summary lists it. */
interface SummaryRectificationRow {
  id: string;
  origin_task_id: string;
  unit_id: string;
  unit_name: string;
  key_point_id: string;
  label: string;
  title: string;
  verdict: ReviewSummaryModel['rectifications'][number]['verdict'];
  rectification_requirement: string | null;
  due_date: string;
  status: ReviewSummaryModel['rectifications'][number]['status'];
}
import { reviewReportTitle, reviewSummaryDocx } from './review-summary-docx.js';
import { uuidArg } from '../../common/validation.js';

/** The summary leadership reads: four aggregate queries, whatever the review's size. */
@Injectable()
export class ReviewSummaryService {
  constructor(private readonly dataSource: DataSource) {}

  /** The summary as the .docx leadership reads, dated `now`. */
  async document(viewer: Viewer, id: string, now: Date): Promise<DownloadFile> {
    const summary = await this.summary(viewer, id);
    return {
      filename: `${reviewReportTitle(summary.planYear)}.docx`,
      contentType: DOCX_MIME,
      bytes: await reviewSummaryDocx(summary, now),
    };
  }

  async summary(viewer: Viewer, id: string): Promise<ReviewSummaryModel & { tenantName: string }> {
    const reviewId = uuidArg(id, 'id');
    const head = await one<ReviewRow & { plan_year: number; plan_title: string; tenant_name: string }>(
      this.dataSource,
      `SELECT r.*, p.year AS plan_year, p.title AS plan_title, tn.name AS tenant_name
         FROM review r
         JOIN plan p ON p.tenant_id = r.tenant_id AND p.id = r.plan_id
         JOIN tenant tn ON tn.id = r.tenant_id
        WHERE r.tenant_id = $1 AND r.id = $2`,
      [viewer.tenantId, reviewId],
    );
    if (!head) throw notFound('回头看');
    const params = [viewer.tenantId, reviewId];
    const [counts, byUnit, rectifications] = await Promise.all([
      one<ReviewProgressRow>(
        this.dataSource,
        `SELECT ${PROGRESS_COLUMNS} FROM review_item i WHERE i.tenant_id = $1 AND i.review_id = $2`,
        params,
      ),
      rows<ReviewProgressRow & { unit_id: string; unit_name: string }>(
        this.dataSource,
        `SELECT t.unit_id, un.name AS unit_name, ${PROGRESS_COLUMNS}
           FROM review_item i
           JOIN task t ON t.tenant_id = i.tenant_id AND t.id = i.task_id
           JOIN unit un ON un.tenant_id = t.tenant_id AND un.id = t.unit_id
          WHERE i.tenant_id = $1 AND i.review_id = $2
          GROUP BY t.unit_id, un.name, un.sort
          ORDER BY un.sort, un.name`,
        params,
      ),
      rows<SummaryRectificationRow>(
        this.dataSource,
        `SELECT rt.id, rt.origin_task_id, rt.unit_id, un.name AS unit_name, k.id AS key_point_id, k.label, k.title,
                i.verdict, i.rectification_requirement, rt.due_date, rt.status
           FROM review_item i
           JOIN task rt ON rt.tenant_id = i.tenant_id AND rt.id = i.rectification_task_id
           JOIN unit un ON un.tenant_id = rt.tenant_id AND un.id = rt.unit_id
           JOIN key_point k ON k.tenant_id = rt.tenant_id AND k.id = rt.key_point_id
          WHERE i.tenant_id = $1 AND i.review_id = $2
          ORDER BY rt.due_date, k.seq, un.sort, un.name`,
        params,
      ),
    ]);
    return {
      review: toReviewModel(head),
      tenantName: head.tenant_name,
      planYear: head.plan_year,
      planTitle: head.plan_title,
      counts: toReviewProgress(counts),
      byUnit: byUnit.map((r) => ({ unitId: r.unit_id, unitName: r.unit_name, counts: toReviewProgress(r) })),
      rectifications: rectifications.map((r) => ({
        taskId: r.id,
        originTaskId: r.origin_task_id,
        unitId: r.unit_id,
        unitName: r.unit_name,
        keyPointId: r.key_point_id,
        keyPointLabel: r.label,
        keyPointTitle: r.title,
        verdict: r.verdict,
        requirement: r.rectification_requirement,
        dueDate: r.due_date,
        status: r.status,
      })),
    };
  }
}
