import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { conflict } from '../../common/app-error.js';
import { one, type Queryable } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { UpperShareSettingInput, UpperShareSettingModel } from './dto/upper-share-setting.model.js';

interface SettingRow {
  share_report_text: boolean;
  share_report_files: boolean;
  version: number;
}

/** Nothing shared until the office says so: no row reads as both off, version 0. */
const NONE: SettingRow = { share_report_text: false, share_report_files: false, version: 0 };

const toModel = (r: SettingRow): UpperShareSettingModel => ({
  shareReportText: r.share_report_text,
  shareReportFiles: r.share_report_files,
  version: r.version,
});

/**
 * 上下联动: what a lower office lets its upper office see beyond dates and states. The upper's read model
 * (LowerRollupService) copies report text and file names only as this setting allows, when it next takes
 * the lower tenant in: a change bumps the tenant's scorecard revision (a trigger), so turning sharing off
 * removes what was shared on the upper's next read.
 */
@Injectable()
export class UpperShareSettingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(viewer: Viewer): Promise<UpperShareSettingModel> {
    return toModel((await this.read(this.dataSource, viewer.tenantId)) ?? NONE);
  }

  async set(viewer: Viewer, input: UpperShareSettingInput, version: number): Promise<UpperShareSettingModel> {
    return this.dataSource.transaction(async (m) => {
      // Serialises the first save too (no row to lock yet).
      await m.query(`SELECT id FROM tenant WHERE id = $1 FOR UPDATE`, [viewer.tenantId]);
      const before = (await this.read(m, viewer.tenantId)) ?? NONE;
      if (before.version !== version) throw conflict('共享设置已被他人修改，请刷新后重试');
      const after = (await one<SettingRow>(
        m,
        `INSERT INTO upper_share_setting (tenant_id, share_report_text, share_report_files, version, updated_by)
         VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (tenant_id) DO UPDATE SET share_report_text = $2, share_report_files = $3,
           version = upper_share_setting.version + 1, updated_by = $4, updated_at = now()
         RETURNING share_report_text, share_report_files, version`,
        [viewer.tenantId, input.shareReportText, input.shareReportFiles, viewer.userId],
      ))!;
      await this.audit.record(m, viewer, {
        entityType: 'upper_share_setting',
        entityId: viewer.tenantId,
        action: 'update',
        before: toModel(before),
        after: toModel(after),
      });
      return toModel(after);
    });
  }

  private async read(db: Queryable, tenantId: string): Promise<SettingRow | null> {
    return (
      (await one<SettingRow>(
        db,
        `SELECT share_report_text, share_report_files, version FROM upper_share_setting WHERE tenant_id = $1`,
        [tenantId],
      )) ?? null
    );
  }
}
