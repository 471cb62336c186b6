import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, groupByKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { taskVisibility } from '../task/index.js';
import {
  toProgressReportModel,
  toReportEvidenceModel,
  type ProgressReportModel,
  type ReportEvidenceModel,
  type CursoredReportRow,
  type ReportEvidenceRow,
} from './dto/progress-report.model.js';
import { SqlParams } from '../../common/sql.js';

/** Per-request batching for everything a report list shows, so a page costs the same queries for 2 rows or 200. */
@Injectable()
export class ReportLoader {
  constructor(private readonly dataSource: DataSource) {}

  evidence(req: object, viewer: Viewer): DataLoader<string, ReportEvidenceModel[]> {
    return loader(
      req,
      'report.evidence',
      () =>
        new DataLoader<string, ReportEvidenceModel[]>(async (reportIds) => {
          const found = await rows<ReportEvidenceRow>(
            this.dataSource,
            `SELECT * FROM report_evidence WHERE tenant_id = $1 AND report_id = ANY($2::uuid[]) ORDER BY report_id, sort`,
            [viewer.tenantId, reportIds],
          );
          return groupByKeys(reportIds, found.map(toReportEvidenceModel), (e) => e.reportId);
        }),
    );
  }

  /** A task's reports, newest first, under the same visibility rule as the reports list. */
  byTask(req: object, viewer: Viewer): DataLoader<string, ProgressReportModel[]> {
    return loader(
      req,
      'report.byTask',
      () =>
        new DataLoader<string, ProgressReportModel[]>(async (taskIds) => {
          const params = new SqlParams([viewer.tenantId, taskIds]);
          const found = await rows<CursoredReportRow>(
            this.dataSource,
            `SELECT r.*, r.submitted_at::text AS cursor_at FROM progress_report r
             JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
            WHERE r.tenant_id = $1 AND r.task_id = ANY($2::uuid[]) AND ${taskVisibility(viewer, params, 't')}
            ORDER BY r.submitted_at DESC, r.id DESC`,
            params.values,
          );
          return groupByKeys(taskIds, found.map(toProgressReportModel), (r) => r.taskId);
        }),
    );
  }

  /** Display names of authors, leaders and reviewers. */
  userName(req: object, viewer: Viewer): DataLoader<string, string | null> {
    return loader(
      req,
      'report.userName',
      () =>
        new DataLoader<string, string | null>(async (ids) => {
          const found = await rows<{ id: string; display_name: string }>(
            this.dataSource,
            `SELECT id, display_name FROM app_user WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found, (u) => u.id).map((u) => u?.display_name ?? null);
        }),
    );
  }
}
