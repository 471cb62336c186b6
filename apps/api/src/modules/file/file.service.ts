import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { formatSize } from '../../common/format-size.js';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { isOffice, isUnitUser, type Viewer } from '../../common/viewer.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AuditService } from '../audit/index.js';
import { taskVisibility } from '../task/index.js';
import { FILE_STORAGE, type FileStorage, type StoredFileRecord } from '../file-storage/index.js';
import { cleanFilename, sniffUpload } from './upload-policy.js';
import { SqlParams } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import { createOnce } from '../../common/idempotency.js';

export interface UploadedFileInfo {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

export const MAX_FILES_PER_REPORT = 10;

@Injectable()
export class FileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Stores an upload after checking who sends it, its size and its real type. */
  async upload(
    viewer: Viewer,
    bytes: Buffer | undefined,
    rawFilename: string | undefined,
    idempotencyKey?: string | null,
  ): Promise<UploadedFileInfo> {
    if (!isUnitUser(viewer) && !isOffice(viewer)) throw forbidden('只有承办单位和政务公开办公室可以上传附件');
    if (!bytes) throw badInput('请选择要上传的文件（表单字段 file）', 'file');
    if (bytes.length > this.config.maxUploadBytes)
      throw badInput(`文件过大，不能超过 ${formatSize(this.config.maxUploadBytes)}`, 'file');
    const filename = cleanFilename(rawFilename);
    const mimeType = await sniffUpload(bytes, filename);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta = { filename, mimeType, sizeBytes: bytes.length, sha256, createdBy: viewer.userId };
    return this.dataSource.transaction((m) =>
      createOnce(m, viewer, {
        operation: 'file.upload',
        key: idempotencyKey,
        create: async () => {
          const id = await this.storage.put(viewer.tenantId, bytes, meta, m);
          const after = { filename, mimeType, sizeBytes: bytes.length, sha256 };
          await this.audit.record(m, viewer, { entityType: 'file', entityId: id, action: 'file.upload', after });
          return { id, ...after };
        },
        idOf: (info) => info.id,
        replay: async (id) => {
          const row = (await one<{ filename: string; mime_type: string; size_bytes: number; sha256: string }>(
            m,
            `SELECT filename, mime_type, size_bytes, sha256 FROM stored_file WHERE tenant_id = $1 AND id = $2`,
            [viewer.tenantId, id],
          ))!;
          return { id, filename: row.filename, mimeType: row.mime_type, sizeBytes: row.size_bytes, sha256: row.sha256 };
        },
      }),
    );
  }

  /**
   * A file's bytes for its uploader or anyone who can read a report that cites it; everyone else
   * gets NOT_FOUND (not FORBIDDEN) so ids of other units' files reveal nothing.
   */
  async download(viewer: Viewer, id: string): Promise<{ bytes: Buffer; meta: StoredFileRecord }> {
    if (!isUuid(id)) throw notFound('文件');
    const params = new SqlParams([viewer.tenantId, id, viewer.userId]);
    // A report is readable exactly when its task is (the lead unit reads its co-units' tasks).
    const visible = taskVisibility(viewer, params, 't');
    const allowed = await one<{ '?column?': number }>(
      this.dataSource,
      `SELECT 1 FROM stored_file f
        WHERE f.tenant_id = $1 AND f.id = $2
          AND (f.created_by = $3 OR EXISTS (
            SELECT 1 FROM report_evidence e
              JOIN progress_report r ON r.tenant_id = e.tenant_id AND r.id = e.report_id
              JOIN task t ON t.tenant_id = r.tenant_id AND t.id = r.task_id
             WHERE e.tenant_id = f.tenant_id AND e.file_id = f.id AND ${visible}))`,
      params.values,
    );
    if (!allowed) throw notFound('文件');
    const file = await this.storage.get(viewer.tenantId, id);
    if (!file) throw notFound('文件');
    return file;
  }

  /** Reports may cite only files their author uploaded, in the same tenant. */
  async requireOwnUploads(m: EntityManager, viewer: Viewer, ids: string[]): Promise<void> {
    if (ids.length > MAX_FILES_PER_REPORT) throw badInput(`附件不能超过 ${MAX_FILES_PER_REPORT} 个`, 'fileIds');
    if (new Set(ids).size !== ids.length) throw badInput('附件重复', 'fileIds');
    if (ids.some((id) => !isUuid(id))) throw badInput('附件不存在或不是本人上传', 'fileIds');
    if (ids.length === 0) return;
    const found = await rows<{ id: string }>(
      m,
      `SELECT id FROM stored_file WHERE tenant_id = $1 AND created_by = $2 AND id = ANY($3::uuid[])`,
      [viewer.tenantId, viewer.userId, ids],
    );
    if (found.length !== ids.length) throw badInput('附件不存在或不是本人上传', 'fileIds');
  }
}
