import { Injectable } from '@nestjs/common';
import { REVIEW_VERDICT_LABELS, shanghaiDate, type ReviewVerdict } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, conflict } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { parseLocalDate } from '../../common/scalars.js';
import { one } from '../../common/sql.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { RecordVerdictInput } from './dto/record-verdict.input.js';
import { toReviewItemModel, type ReviewItemModel, type ReviewItemTableRow } from './dto/review-item.model.js';
import type { ReviewRow } from './dto/review.model.js';
import type { TaskRow } from '../task/index.js';
import { needsRectification, rectificationDueDate, REVIEW_LIMITS } from './review-rules.js';
import { RectificationService } from './rectification.service.js';
import { optionalText, requiredText, uuidArg } from '../../common/validation.js';
import { cleanEvidenceUrls } from '../../common/validation.js';

interface CleanVerdict {
  itemId: string;
  verdict: ReviewVerdict;
  notes: string | null;
  evidenceUrls: string[];
  fileIds: string[];
  rectification: { dueDate: string; requirement: string } | null;
}

const itemSnapshot = (row: ReviewItemTableRow) => ({
  verdict: row.verdict,
  notes: row.notes,
  evidenceUrls: row.evidence_urls,
  fileIds: row.file_ids,
  rectificationTaskId: row.rectification_task_id,
  rectificationRequirement: row.rectification_requirement,
  version: row.version,
});

/** Recording (and re-recording) a verdict, with the 整改 task it calls for. */
@Injectable()
export class ReviewVerdictService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly rectifications: RectificationService,
    private readonly clock: Clock,
  ) {}

  async recordVerdict(viewer: Viewer, input: RecordVerdictInput): Promise<ReviewItemModel> {
    const now = this.clock.now();
    const today = shanghaiDate(now);
    const clean = cleanVerdictInput(input, today);
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<ReviewItemTableRow>(
        m,
        'review_item',
        viewer.tenantId,
        clean.itemId,
        input.version,
        '评定事项',
      );
      const review = (await one<Pick<ReviewRow, 'status'>>(
        m,
        `SELECT status FROM review WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, before.review_id],
      ))!;
      if (review.status !== 'OPEN') throw conflict('回头看已完成，不能再修改评定');
      if (before.excluded_at) throw conflict('该任务已不纳入本次回头看，请先重新纳入再评定');
      await this.checkFiles(m, viewer, clean.fileIds);
      const task = (await one<TaskRow>(m, `SELECT * FROM task WHERE tenant_id = $1 AND id = $2`, [
        viewer.tenantId,
        before.task_id,
      ]))!;

      let rectificationTaskId: string | null = before.rectification_task_id;
      if (clean.rectification) {
        const { dueDate, requirement } = clean.rectification;
        if (rectificationTaskId)
          await this.rectifications.retime(m, viewer, rectificationTaskId, dueDate, now, requirement);
        else rectificationTaskId = await this.rectifications.create(m, viewer, task, dueDate, today, now, requirement);
      } else if (rectificationTaskId) {
        await this.rectifications.withdraw(m, viewer, rectificationTaskId);
        rectificationTaskId = null;
      }

      const after = (await one<ReviewItemTableRow>(
        m,
        `UPDATE review_item SET verdict = $3, notes = $4, evidence_urls = $5, file_ids = $6, reviewer_id = $7, reviewed_at = $8,
                rectification_task_id = $9, rectification_requirement = $10, version = version + 1
          WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [
          viewer.tenantId,
          clean.itemId,
          clean.verdict,
          clean.notes,
          clean.evidenceUrls,
          clean.fileIds,
          viewer.userId,
          now,
          rectificationTaskId,
          clean.rectification?.requirement ?? null,
        ],
      ))!;
      // The item's own row, plus one on the reviewed task so the verdict shows in the task's history.
      await this.audit.record(m, viewer, [
        {
          entityType: 'review_item',
          entityId: after.id,
          action: 'review.verdict',
          before: itemSnapshot(before),
          after: itemSnapshot(after),
        },
        {
          entityType: 'task',
          entityId: task.id,
          action: 'task.review_verdict',
          after: { reviewId: after.review_id, verdict: after.verdict, rectificationTaskId },
          note: `回头看评定：${REVIEW_VERDICT_LABELS[clean.verdict]}${clean.notes ? `。${clean.notes}` : ''}`,
        },
      ]);
      const reviewer = await one<{ display_name: string }>(
        m,
        `SELECT display_name FROM app_user WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, viewer.userId],
      );
      return toReviewItemModel({
        ...after,
        unit_id: task.unit_id,
        key_point_id: task.key_point_id,
        reviewer_name: reviewer?.display_name,
      });
    });
  }

  private async checkFiles(m: EntityManager, viewer: Viewer, fileIds: string[]): Promise<void> {
    if (fileIds.length === 0) return;
    const found = await one<{ n: number }>(
      m,
      `SELECT count(*)::int AS n FROM stored_file WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [viewer.tenantId, fileIds],
    );
    if (found!.n !== fileIds.length) throw badInput('佐证文件不存在或无权访问，请重新上传', 'fileIds');
  }
}

/** Checks everything that needs no database before the transaction starts. */
function cleanVerdictInput(input: RecordVerdictInput, today: string): CleanVerdict {
  const itemId = uuidArg(input.itemId, 'itemId');
  const notes = optionalText(input.notes, 'notes', '评定说明', REVIEW_LIMITS.notes);
  const evidenceUrls = cleanEvidenceUrls(input.evidenceUrls ?? []);
  const files = input.fileIds ?? [];
  if (files.length > REVIEW_LIMITS.files) throw badInput(`佐证文件不能超过 ${REVIEW_LIMITS.files} 个`, 'fileIds');
  const fileIds = [...new Set(files.map((id) => uuidArg(id, 'fileIds')))];
  if (!needsRectification(input.verdict)) {
    if (input.rectification)
      throw badInput(
        `评定为“${REVIEW_VERDICT_LABELS[input.verdict]}”的任务无需整改，请不要填写整改时限`,
        'rectification',
      );
    return { itemId, verdict: input.verdict, notes, evidenceUrls, fileIds, rectification: null };
  }
  if (!input.rectification)
    throw badInput('评定为部分落实或未落实的任务，须明确整改时限和整改要求', 'rectification.dueDate');
  let dueDate: string;
  try {
    dueDate = parseLocalDate(input.rectification.dueDate);
  } catch (error) {
    throw error instanceof AppError ? badInput(error.message, 'rectification.dueDate') : error;
  }
  return {
    itemId,
    verdict: input.verdict,
    notes,
    evidenceUrls,
    fileIds,
    rectification: {
      dueDate: rectificationDueDate(dueDate, today),
      requirement: requiredText(
        input.rectification.requirement,
        'rectification.requirement',
        '整改要求',
        REVIEW_LIMITS.requirement,
      ),
    },
  };
}
