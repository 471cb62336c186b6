import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { logger } from '../../logging/logger.js';
import { AuditService } from '../audit/index.js';
import { type ReportEvidenceModel, type ReportEvidenceRow, toReportEvidenceModel } from '../report/index.js';
import { EvidenceCheckLimits } from './evidence-check.limits.js';
import { evidenceFlags, type EvidenceFlag } from './evidence-flags.js';
import { mapLimited } from './map-limited.js';
import { IsolatedRunner } from '../../isolation/isolated-runner.js';
import { ANALYSE_PAGE_TASK } from './page-analysis.js';
import { checkPage, type PageAnalyser, type PageCheck } from './page-check.js';
import { isUuid } from '../../common/validation.js';

/** Who a check is recorded for: the office user who asked, or the scheduled job (no user). */
export type CheckActor = Pick<Viewer, 'tenantId' | 'userId'> | { tenantId: string; userId: null };

interface UrlEvidenceRow {
  id: string;
  report_id: string;
  url: string;
}

const CHECK_COLUMNS = 'check_status, check_http_status, check_title, page_date, checked_at, check_final_url';

/**
 * Checks the web pages units give as evidence and keeps what was found on the evidence rows. Pages are
 * fetched outside any transaction (a slow site must not hold locks); the results are written in one.
 */
@Injectable()
export class EvidenceCheckService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly limits: EvidenceCheckLimits,
    private readonly isolated: IsolatedRunner,
  ) {}

  /**
   * The office asks for a fresh check before accepting. Within the rate limit the stored results are
   * returned without fetching again, so the page may call this every time a report is opened.
   */
  async requestCheck(viewer: Viewer, reportId: string): Promise<ReportEvidenceModel[]> {
    if (!isUuid(reportId)) throw notFound('进展报告');
    const report = await one<{ id: string }>(
      this.dataSource,
      `SELECT id FROM progress_report WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, reportId],
    );
    if (!report) throw notFound('进展报告');
    // One statement claims the slot, so two clicks at once fetch once.
    const claimed = await one<{ claimed: number }>(
      this.dataSource,
      `INSERT INTO evidence_check_request AS q (tenant_id, report_id, requested_at, requested_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, report_id) DO UPDATE SET requested_at = EXCLUDED.requested_at, requested_by = EXCLUDED.requested_by
        WHERE q.requested_at <= EXCLUDED.requested_at - make_interval(secs => $5)
       RETURNING 1 AS claimed`,
      [viewer.tenantId, reportId, this.clock.now(), viewer.userId, this.limits.recheckAfterSeconds],
    );
    if (claimed) await this.checkReport(viewer.tenantId, reportId, viewer);
    return this.evidenceOfReport(viewer.tenantId, reportId);
  }

  /** Checks every URL evidence of one report; returns the report's evidence as stored afterwards. */
  async checkReport(
    tenantId: string,
    reportId: string,
    actor: CheckActor = { tenantId, userId: null },
  ): Promise<ReportEvidenceModel[]> {
    const evidence = await rows<UrlEvidenceRow>(
      this.dataSource,
      `SELECT id, report_id, url FROM report_evidence WHERE tenant_id = $1 AND report_id = $2 AND kind = 'URL' ORDER BY sort`,
      [tenantId, reportId],
    );
    await this.checkRows(tenantId, evidence, actor);
    return this.evidenceOfReport(tenantId, reportId);
  }

  /** Checks the URL evidence of all of a task's reports; returns how many evidence rows were checked. */
  async checkTask(tenantId: string, taskId: string, actor: CheckActor = { tenantId, userId: null }): Promise<number> {
    const evidence = await rows<UrlEvidenceRow>(
      this.dataSource,
      `SELECT e.id, e.report_id, e.url FROM report_evidence e
         JOIN progress_report r ON r.tenant_id = e.tenant_id AND r.id = e.report_id
        WHERE e.tenant_id = $1 AND r.task_id = $2 AND e.kind = 'URL'
        ORDER BY r.submitted_at, e.sort`,
      [tenantId, taskId],
    );
    await this.checkRows(tenantId, evidence, actor);
    return evidence.length;
  }

  /**
   * Tasks whose evidence the daily run should check again: those due today in Shanghai (the page must be
   * up by the time limit), and completion claims waiting for the office whose pages have not been
   * checked since the claim was submitted (so the office sees fresh results at close-out).
   */
  async dueForRecheck(tenantId: string, now: Date): Promise<string[]> {
    const found = await rows<{ id: string }>(
      this.dataSource,
      `SELECT t.id FROM task t
        WHERE t.tenant_id = $1 AND t.status <> 'CLOSED'
          AND (t.due_date = $2::date OR t.status = 'SUBMITTED')
          AND EXISTS (
            SELECT 1 FROM progress_report r
              JOIN report_evidence e ON e.tenant_id = r.tenant_id AND e.report_id = r.id AND e.kind = 'URL'
             WHERE r.tenant_id = t.tenant_id AND r.task_id = t.id
               AND (t.due_date = $2::date
                    OR (r.status = 'PENDING_OFFICE' AND r.claims_completion AND (e.checked_at IS NULL OR e.checked_at < r.submitted_at))))
        ORDER BY t.due_date, t.id`,
      [tenantId, shanghaiDate(now)],
    );
    return found.map((r) => r.id);
  }

  /** The daily run: re-checks every task `dueForRecheck` names. Returns the tasks and evidence rows checked. */
  async recheckDue(tenantId: string, now: Date): Promise<{ tasks: number; evidence: number }> {
    const taskIds = await this.dueForRecheck(tenantId, now);
    let evidence = 0;
    for (const taskId of taskIds) evidence += await this.checkTask(tenantId, taskId);
    return { tasks: taskIds.length, evidence };
  }

  /** Office-facing flags per report, from the stored results; one query for any number of reports. */
  async flagsForReports(tenantId: string, reportIds: readonly string[]): Promise<Map<string, EvidenceFlag[]>> {
    const found = await rows<FlaggedEvidenceRow>(
      this.dataSource,
      `SELECT e.id, e.report_id, e.url, e.check_status, e.check_http_status, e.page_date, t.due_date
         FROM report_evidence e
         JOIN progress_report r ON r.tenant_id = e.tenant_id AND r.id = e.report_id
         JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
        WHERE e.tenant_id = $1 AND e.report_id = ANY($2::uuid[]) AND e.kind = 'URL'
        ORDER BY e.report_id, e.sort`,
      [tenantId, reportIds],
    );
    const byReport = new Map<string, FlaggedEvidenceRow[]>();
    for (const row of found) byReport.set(row.report_id, [...(byReport.get(row.report_id) ?? []), row]);
    const flags = new Map<string, EvidenceFlag[]>();
    for (const reportId of reportIds) {
      const evidence = byReport.get(reportId) ?? [];
      flags.set(
        reportId,
        evidenceFlags(
          evidence.map((e) => ({
            id: e.id,
            url: e.url,
            checkStatus: e.check_status,
            checkHttpStatus: e.check_http_status,
            pageDate: e.page_date,
          })),
          evidence[0]?.due_date ?? null,
        ),
      );
    }
    return flags;
  }

  async flagsForReport(tenantId: string, reportId: string): Promise<EvidenceFlag[]> {
    return (await this.flagsForReports(tenantId, [reportId])).get(reportId) ?? [];
  }

  /** Where each evidence URL finally led, for a batch of evidence ids. */
  async finalUrls(tenantId: string, evidenceIds: readonly string[]): Promise<Map<string, string | null>> {
    const found = await rows<{ id: string; check_final_url: string | null }>(
      this.dataSource,
      `SELECT id, check_final_url FROM report_evidence WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [tenantId, evidenceIds],
    );
    return new Map(found.map((r) => [r.id, r.check_final_url]));
  }

  private async evidenceOfReport(tenantId: string, reportId: string): Promise<ReportEvidenceModel[]> {
    const found = await rows<ReportEvidenceRow>(
      this.dataSource,
      `SELECT * FROM report_evidence WHERE tenant_id = $1 AND report_id = $2 ORDER BY sort`,
      [tenantId, reportId],
    );
    return found.map(toReportEvidenceModel);
  }

  private async checkRows(tenantId: string, evidence: UrlEvidenceRow[], actor: CheckActor): Promise<void> {
    if (evidence.length === 0) return;
    // The same page given by several reports is fetched once.
    const urls = [...new Set(evidence.map((e) => e.url))];
    const options = {
      policy: this.limits.addressPolicy,
      timeoutMs: this.limits.timeoutMs,
      maxBytes: this.limits.maxBytes,
      maxRedirects: this.limits.maxRedirects,
    };
    // Pages are analysed in a worker thread: a hostile page costs that worker, within the analysis time limit.
    const analyse: PageAnalyser = (bytes, contentType) =>
      this.isolated
        .run(ANALYSE_PAGE_TASK, { bytes, contentType }, tenantId, { timeoutMs: this.limits.analysisTimeoutMs })
        .catch((error) => {
          logger().warn({ tenantId, err: (error as Error).message }, 'evidence page analysis stopped');
          return null;
        });
    const checks = await mapLimited(urls, this.limits.concurrency, (url) =>
      checkPage(url, options, () => this.clock.now(), analyse),
    );
    const byUrl = new Map(urls.map((url, i) => [url, checks[i]]));
    for (const [url, check] of byUrl) {
      if (check.detail)
        logger().info(
          { tenantId, host: safeHost(url), status: check.status, detail: check.detail },
          'evidence page check',
        );
    }
    await this.store(tenantId, evidence, byUrl, actor);
  }

  private async store(
    tenantId: string,
    evidence: UrlEvidenceRow[],
    byUrl: Map<string, PageCheck>,
    actor: CheckActor,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const ids = evidence.map((e) => e.id);
      const before = await rows<CheckedEvidenceRow>(
        m,
        `SELECT id, report_id, url, ${CHECK_COLUMNS} FROM report_evidence WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
        [tenantId, ids],
      );
      const results = evidence.map((e) => byUrl.get(e.url)!);
      // `e.url = c.url`: a row whose URL changed while its old page was being fetched keeps its state.
      const after = await rows<CheckedEvidenceRow>(
        m,
        `UPDATE report_evidence e
            SET check_status = c.status, check_http_status = c.http_status, check_title = c.title, page_date = c.page_date,
                checked_at = c.checked_at, check_final_url = c.final_url
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::date[], $8::timestamptz[], $9::text[])
                AS c(id, url, status, http_status, title, page_date, checked_at, final_url)
          WHERE e.tenant_id = $1 AND e.id = c.id AND e.url = c.url
          RETURNING e.id, e.report_id, e.url, ${CHECK_COLUMNS.split(', ')
            .map((c) => `e.${c}`)
            .join(', ')}`,
        [
          tenantId,
          ids,
          evidence.map((e) => e.url),
          results.map((r) => r.status),
          results.map((r) => r.httpStatus),
          results.map((r) => r.title),
          results.map((r) => r.pageDate),
          results.map((r) => r.checkedAt),
          results.map((r) => r.finalUrl),
        ],
      );
      const reportIds = [...new Set(after.map((r) => r.report_id))];
      await this.audit.record(
        m,
        actor,
        reportIds.map((reportId) => ({
          entityType: 'report',
          entityId: reportId,
          action: 'report.evidence_check',
          before: before.filter((r) => r.report_id === reportId).map(auditView),
          after: after.filter((r) => r.report_id === reportId).map(auditView),
        })),
      );
    });
  }
}

/** An evidence row with the checker's columns (CHECK_COLUMNS). */
type CheckedEvidenceRow = Pick<
  ReportEvidenceRow,
  'id' | 'report_id' | 'url' | 'check_status' | 'check_http_status' | 'check_title' | 'page_date' | 'checked_at'
> & {
  check_final_url: string | null;
};

/** A URL evidence with its task's due date, as the office's flags read it. */
type FlaggedEvidenceRow = Pick<
  ReportEvidenceRow,
  'id' | 'report_id' | 'check_status' | 'check_http_status' | 'page_date'
> & { url: string; due_date: string };

function auditView(row: CheckedEvidenceRow) {
  return {
    evidenceId: row.id,
    url: row.url,
    checkStatus: row.check_status,
    checkHttpStatus: row.check_http_status,
    checkTitle: row.check_title,
    pageDate: row.page_date,
    checkedAt: row.checked_at,
    finalUrl: row.check_final_url,
  };
}

/** Logs name the host only: a full evidence URL may carry tokens in its query string. */
function safeHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
