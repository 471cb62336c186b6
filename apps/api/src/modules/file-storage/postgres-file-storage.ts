import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { one } from '../../common/sql.js';
import type { FileStorage, StoredFileMeta, StoredFileRecord, StoredFileRow } from './file-storage.js';

/**
 * The default backend: bytes in stored_file.content, so several API processes share them and a
 * database backup contains them. Fine for the document sizes offices upload (limited by config).
 */
@Injectable()
export class PostgresFileStorage implements FileStorage {
  constructor(private readonly dataSource: DataSource) {}

  async put(tenantId: string, bytes: Buffer, meta: StoredFileMeta, m?: EntityManager): Promise<string> {
    const row = await one<{ id: string }>(
      m ?? this.dataSource,
      `INSERT INTO stored_file (tenant_id, filename, mime_type, size_bytes, sha256, storage, content, created_by)
       VALUES ($1, $2, $3, $4, $5, 'postgres', $6, $7) RETURNING id`,
      [tenantId, meta.filename, meta.mimeType, meta.sizeBytes, meta.sha256, bytes, meta.createdBy],
    );
    return row!.id;
  }

  async get(tenantId: string, id: string): Promise<{ bytes: Buffer; meta: StoredFileRecord } | null> {
    const row = await one<Required<StoredFileRow> & { content: Buffer | null }>(
      this.dataSource,
      `SELECT id, filename, mime_type, size_bytes, sha256, created_by, created_at, content
         FROM stored_file WHERE tenant_id = $1 AND id = $2 AND storage = 'postgres'`,
      [tenantId, id],
    );
    if (!row || !row.content) return null;
    return {
      bytes: row.content,
      meta: {
        id: row.id,
        filename: row.filename,
        mimeType: row.mime_type,
        sizeBytes: row.size_bytes,
        sha256: row.sha256,
        createdBy: row.created_by,
        createdAt: row.created_at,
      },
    };
  }
}
