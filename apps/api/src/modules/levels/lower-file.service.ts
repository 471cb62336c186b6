import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import type { Viewer } from '../../common/viewer.js';
import { runInTenant } from '../../database/tenant-context.js';
import { AuditService } from '../audit/index.js';
import { FILE_STORAGE, type FileStorage, type StoredFileRecord } from '../file-storage/index.js';
import { acrossTenants } from './across-tenants.js';
import { SHARED_LOWER_FILE_SQL } from './lower-file.sql.js';

/**
 * 上下联动: a lower office's evidence file, downloaded by its upper office when the lower office shares
 * report files. Every download is decided afresh against the live link, the sharing setting and the
 * file's report (never against the upper's read model, which may lag), recorded in both tenants' audit
 * logs, and read from the lower tenant's own storage in its own scope. Anything else is NOT_FOUND, so
 * ids reveal nothing.
 */
@Injectable()
export class LowerFileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async download(
    viewer: Viewer,
    lowerTenantId: string,
    fileId: string,
  ): Promise<{ bytes: Buffer; meta: StoredFileRecord }> {
    if (!isUuid(lowerTenantId) || !isUuid(fileId)) throw notFound('文件');
    await acrossTenants(this.dataSource, async (m) => {
      // The link as it stands now, held against an unlink until the download is recorded.
      const link = await one<{ lower_name: string; upper_name: string }>(
        m,
        `SELECT t.name AS lower_name, u.name AS upper_name FROM tenant t JOIN tenant u ON u.id = t.upper_tenant_id
          WHERE t.id = $1 AND t.upper_tenant_id = $2 FOR SHARE OF t`,
        [lowerTenantId, viewer.tenantId],
      );
      if (!link) throw notFound('文件');
      const file = await one<{ filename: string }>(m, SHARED_LOWER_FILE_SQL, [lowerTenantId, viewer.tenantId, fileId]);
      if (!file) throw notFound('文件');
      await this.audit.record(m, viewer, {
        entityType: 'lower_file',
        entityId: fileId,
        action: 'DOWNLOAD',
        after: { lowerTenant: link.lower_name, filename: file.filename },
        note: `下载下级机构“${link.lower_name}”共享的附件“${file.filename}”`,
      });
      await this.audit.record(
        m,
        { tenantId: lowerTenantId, userId: null },
        {
          entityType: 'file',
          entityId: fileId,
          action: 'UPPER_DOWNLOAD',
          after: { upperTenant: link.upper_name, downloadedBy: viewer.displayName, filename: file.filename },
          note: `上级机构“${link.upper_name}”的${viewer.displayName}下载了共享的附件“${file.filename}”`,
        },
      );
    });
    const stored = await runInTenant(lowerTenantId, () => this.storage.get(lowerTenantId, fileId));
    if (!stored) throw notFound('文件');
    return stored;
  }
}
