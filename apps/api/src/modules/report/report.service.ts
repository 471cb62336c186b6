import { Injectable, type OnModuleInit } from '@nestjs/common';
import { initialReportStatus, nextReportStatus } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { TenantEvents } from '../../common/tenant-events.js';
import { lockForUpdate } from '../../common/version.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { FileService } from '../file/index.js';
import { MessageEvents } from '../messaging/index.js';
import { QueueService } from '../queue/index.js';
import { TaskSignService } from '../supervision/index.js';
import { TaskStateService, taskVisibility, type TaskRow } from '../task/index.js';
import { TenantSettingsService } from '../tenant/index.js';
import { assertUnitsOfTenant, unitHasActivePerson } from '../unit/index.js';
import {
  toProgressReportModel,
  type ProgressReportModel,
  type ProgressReportRow,
  type CursoredReportRow,
} from './dto/progress-report.model.js';
import type { LeaderDecisionInput, ReviewReportInput } from './dto/report-decision.input.js';
import type { SubmitReportInput } from './dto/submit-report.input.js';
import { cleanComment, cleanReportInput } from './report-input.js';
import { reportTransition } from './report-transition.js';
import { isUuid } from '../../common/validation.js';
import { createOnce } from '../../common/idempotency.js';
import { SqlParams } from '../../common/sql.js';

const CLOSED_TASK: Record<string, string> = {
  DONE: '任务已完成，不能再报送进展',
  CLOSED: '任务已办结销号，不能再报送进展',
  SUBMITTED: '任务已报完成，正在等待办公室审核，暂不能再次报送',
};

const RETURNING = `RETURNING *, submitted_at::text AS cursor_at`;

/** The report workflow: a unit submits, its leader may approve, the office accepts or returns. */
@Injectable()
export class ReportService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly files: FileService,
    private readonly taskState: TaskStateService,
    private readonly tenantSettings: TenantSettingsService,
    private readonly queue: QueueService,
    private readonly events: TenantEvents,
    private readonly messages: MessageEvents,
    private readonly signs: TaskSignService,
  ) {}

  onModuleInit(): void {
    this.events.on('leadersChanged', async ({ viewer, unitIds }) => {
      await this.releaseLeaderless(viewer, unitIds);
    });
  }

  async submit(
    viewer: Viewer,
    taskId: string,
    raw: SubmitReportInput,
    idempotencyKey?: string | null,
  ): Promise<ProgressReportModel> {
    const input = cleanReportInput(raw);
    if (!isUuid(taskId)) throw notFound('任务');
    return this.dataSource.transaction((m) =>
      createOnce(m, viewer, {
        operation: `report.submit:${taskId}`,
        key: idempotencyKey,
        create: () => this.insertReport(m, viewer, taskId, input),
        idOf: (report) => report.id,
        replay: async (id) =>
          toProgressReportModel(
            (await one<CursoredReportRow>(
              m,
              `SELECT *, submitted_at::text AS cursor_at FROM progress_report WHERE tenant_id = $1 AND id = $2`,
              [viewer.tenantId, id],
            ))!,
          ),
      }),
    );
  }

  private async insertReport(
    m: EntityManager,
    viewer: Viewer,
    taskId: string,
    input: ReturnType<typeof cleanReportInput>,
  ): Promise<ProgressReportModel> {
    const task = await this.lockOwnTask(m, viewer, taskId);
    if (CLOSED_TASK[task.status]) throw badInput(CLOSED_TASK[task.status]);
    await this.files.requireOwnUploads(m, viewer, input.fileIds);
    const { leaderApproval } = await this.tenantSettings.get(viewer.tenantId, m);
    // A unit without an active leader cannot have its reports approved: they go to the office and say so.
    const viaLeader = leaderApproval && (await unitHasActivePerson(m, viewer.tenantId, task.unit_id, 'UNIT_LEADER'));
    const status = initialReportStatus(viaLeader);
    const report = (await one<CursoredReportRow>(
      m,
      `INSERT INTO progress_report (tenant_id, task_id, unit_id, author_id, text, progress, claims_completion, status, leader_skipped)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ${RETURNING}`,
      [
        viewer.tenantId,
        task.id,
        task.unit_id,
        viewer.userId,
        input.text,
        input.progress,
        input.claimsCompletion,
        status,
        leaderApproval && !viaLeader,
      ],
    ))!;
    await this.insertEvidence(m, viewer.tenantId, report.id, input.evidenceUrls, input.fileIds);
    await this.signs.signOnReport(m, viewer, task.id);
    // With leader approval the office has not seen the report yet, so the task moves on approval.
    if (status === 'PENDING_OFFICE') await this.reachOffice(m, viewer, report);
    else
      await this.messages.taskEvent(m, viewer, 'REPORT_PENDING_APPROVAL', [task.id], {
        claimsCompletion: input.claimsCompletion,
        progress: input.progress,
      });
    await this.audit.record(m, viewer, {
      entityType: 'report',
      entityId: report.id,
      action: 'report.submit',
      after: { ...auditView(report), evidenceUrls: input.evidenceUrls, fileIds: input.fileIds },
    });
    // With the report: queued exactly when it commits, from any process (the checker waits for the commit).
    if (input.evidenceUrls.length) {
      await this.queue.sendWithin(
        m,
        'evidence-check',
        { tenantId: viewer.tenantId, reportId: report.id },
        { singletonKey: report.id },
      );
    }
    return toProgressReportModel(report);
  }

  async leaderDecide(
    viewer: Viewer,
    id: string,
    version: number,
    input: LeaderDecisionInput,
  ): Promise<ProgressReportModel> {
    const comment = cleanComment(input.comment, !input.approve, 'comment', '退回时请填写意见');
    return this.dataSource.transaction(async (m) => {
      const before = await this.lockVisible(m, viewer, id, version);
      if (before.unit_id !== viewer.unitId) throw forbidden('只能审核本单位的报告');
      const status = reportTransition(before.status, () =>
        nextReportStatus(
          before.status,
          input.approve ? { type: 'LEADER_APPROVE' } : { type: 'LEADER_REJECT', reason: comment ?? '' },
        ),
      );
      const after = (await one<CursoredReportRow>(
        m,
        `UPDATE progress_report SET status = $3, leader_id = $4, leader_decided_at = now(), leader_comment = $5, version = version + 1
          WHERE tenant_id = $1 AND id = $2 ${RETURNING}`,
        [viewer.tenantId, id, status, viewer.userId, comment],
      ))!;
      if (status === 'PENDING_OFFICE') await this.reachOffice(m, viewer, after);
      else await this.messages.taskEvent(m, viewer, 'REPORT_RETURNED', [after.task_id], { reason: comment });
      await this.recordChange(
        m,
        viewer,
        before,
        after,
        input.approve ? 'report.leader_approve' : 'report.leader_reject',
        comment,
      );
      return toProgressReportModel(after);
    });
  }

  async review(viewer: Viewer, id: string, version: number, input: ReviewReportInput): Promise<ProgressReportModel> {
    const reason = cleanComment(input.reason, !input.accept, 'reason', '退回时请填写理由');
    if (!isUuid(id)) throw notFound('进展报告');
    return this.dataSource.transaction(async (m) => {
      const before = await lockForUpdate<ProgressReportRow>(
        m,
        'progress_report',
        viewer.tenantId,
        id,
        version,
        '进展报告',
      );
      const status = reportTransition(before.status, () =>
        nextReportStatus(
          before.status,
          input.accept ? { type: 'OFFICE_ACCEPT' } : { type: 'OFFICE_RETURN', reason: reason ?? '' },
        ),
      );
      const after = (await one<CursoredReportRow>(
        m,
        `UPDATE progress_report SET status = $3, reviewer_id = $4, reviewed_at = now(), review_comment = $5, version = version + 1
          WHERE tenant_id = $1 AND id = $2 ${RETURNING}`,
        [viewer.tenantId, id, status, viewer.userId, reason],
      ))!;
      const at = after.reviewed_at!;
      if (input.accept)
        await this.taskState.onReportAccepted(m, viewer, after.task_id, {
          claimsCompletion: after.claims_completion,
          at,
        });
      else await this.taskState.onReportReturned(m, viewer, after.task_id, { reason: reason ?? undefined, at });
      await this.messages.taskEvent(m, viewer, input.accept ? 'REPORT_ACCEPTED' : 'REPORT_RETURNED', [after.task_id], {
        reason,
        claimsCompletion: after.claims_completion,
      });
      await this.recordChange(m, viewer, before, after, input.accept ? 'report.accept' : 'report.return', reason);
      return toProgressReportModel(after);
    });
  }

  /**
   * Reports waiting for a leader who is not there move on to the office, marked leader_skipped:
   * the given units' (or, with 'ALL', every unit's) when leader approval is off or the unit has no
   * active leader. Returns how many moved.
   */
  async releaseLeaderless(viewer: Viewer, unitIds: string[] | 'ALL'): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      if (unitIds !== 'ALL') await assertUnitsOfTenant(m, viewer.tenantId, unitIds);
      const { leaderApproval } = await this.tenantSettings.get(viewer.tenantId, m);
      const waiting = await rows<ProgressReportRow>(
        m,
        `SELECT r.* FROM progress_report r
          WHERE r.tenant_id = $1 AND r.status = 'PENDING_LEADER' AND ($2::uuid[] IS NULL OR r.unit_id = ANY($2::uuid[]))
            AND (NOT $3 OR NOT EXISTS (SELECT 1 FROM app_user p WHERE p.tenant_id = r.tenant_id AND p.unit_id = r.unit_id AND p.role = 'UNIT_LEADER' AND p.active))
          ORDER BY r.submitted_at FOR UPDATE OF r`,
        [viewer.tenantId, unitIds === 'ALL' ? null : unitIds, leaderApproval],
      );
      for (const before of waiting) {
        const after = (await one<CursoredReportRow>(
          m,
          `UPDATE progress_report SET status = 'PENDING_OFFICE', leader_skipped = true, version = version + 1 WHERE tenant_id = $1 AND id = $2 ${RETURNING}`,
          [viewer.tenantId, before.id],
        ))!;
        // Judged by when the unit sent it, not by when the missing leader was noticed.
        await this.reachOffice(m, viewer, after, after.submitted_at);
        await this.recordChange(
          m,
          viewer,
          before,
          after,
          'report.leader_skipped',
          leaderApproval ? '本单位无分管领导，转送办公室' : '已取消分管领导审核，转送办公室',
        );
      }
      return waiting.length;
    });
  }

  /**
   * The task a unit user reports on, locked so two reports cannot race past the status check. Tasks the
   * viewer cannot see are NOT_FOUND; a co-unit's task the viewer only coordinates is FORBIDDEN.
   */
  private async lockOwnTask(m: EntityManager, viewer: Viewer, taskId: string) {
    const params = new SqlParams([taskId]);
    const task = await one<TaskRow>(
      m,
      `SELECT t.* FROM task t WHERE t.id = $1 AND ${taskVisibility(viewer, params, 't')} FOR UPDATE OF t`,
      params.values,
    );
    if (!task) throw notFound('任务');
    if (task.unit_id !== viewer.unitId) throw forbidden('只能为本单位的任务报送进展');
    return task;
  }

  /** A report the viewer may read, locked with its version checked; unreadable ones are NOT_FOUND. */
  private async lockVisible(m: EntityManager, viewer: Viewer, id: string, version: number) {
    if (!isUuid(id)) throw notFound('进展报告');
    const params = new SqlParams([viewer.tenantId, id]);
    const visible = await one<{ '?column?': number }>(
      m,
      `SELECT 1 FROM progress_report r JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
        WHERE r.tenant_id = $1 AND r.id = $2 AND ${taskVisibility(viewer, params, 't')}`,
      params.values,
    );
    if (!visible) throw notFound('进展报告');
    return lockForUpdate<ProgressReportRow>(m, 'progress_report', viewer.tenantId, id, version, '进展报告');
  }

  private async reachOffice(m: EntityManager, viewer: Viewer, report: ProgressReportRow, at = new Date()) {
    await this.taskState.onReportSubmitted(m, viewer, report.task_id, {
      progress: report.progress,
      claimsCompletion: report.claims_completion,
      at,
    });
    await this.messages.taskEvent(m, viewer, 'REPORT_SUBMITTED', [report.task_id]);
  }

  private async insertEvidence(
    m: EntityManager,
    tenantId: string,
    reportId: string,
    urls: string[],
    fileIds: string[],
  ) {
    if (urls.length + fileIds.length === 0) return;
    await m.query(
      `INSERT INTO report_evidence (tenant_id, report_id, kind, url, file_id, sort)
       SELECT $1, $2, e.kind, e.url, e.file_id, e.sort - 1
         FROM unnest($3::text[], $4::text[], $5::uuid[]) WITH ORDINALITY AS e(kind, url, file_id, sort)`,
      [
        tenantId,
        reportId,
        [...urls.map(() => 'URL'), ...fileIds.map(() => 'FILE')],
        [...urls, ...fileIds.map(() => null)],
        [...urls.map(() => null), ...fileIds],
      ],
    );
  }

  private recordChange(
    m: EntityManager,
    viewer: Viewer,
    before: ProgressReportRow,
    after: ProgressReportRow,
    action: string,
    note: string | null,
  ) {
    return this.audit.record(m, viewer, {
      entityType: 'report',
      entityId: after.id,
      action,
      before: auditView(before),
      after: auditView(after),
      note,
    });
  }
}

function auditView(row: ProgressReportRow) {
  return {
    taskId: row.task_id,
    status: row.status,
    progress: row.progress,
    claimsCompletion: row.claims_completion,
    leaderComment: row.leader_comment,
    reviewComment: row.review_comment,
    version: row.version,
  };
}
