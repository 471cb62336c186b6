import type { EntityManager } from 'typeorm';

/** What we keep next to a file's bytes; the type is the one sniffed from the content, never the client's. */
export interface StoredFileMeta {
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string;
}

/** The metadata columns of a `stored_file` row (the bytes are read apart). */
export interface StoredFileRow {
  id: string;
  filename: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  created_by?: string;
  created_at: Date;
}

export interface StoredFileRecord extends StoredFileMeta {
  id: string;
  createdAt: Date;
}

/**
 * Where file bytes live. The metadata row always goes to PostgreSQL (reports reference it by foreign
 * key); a backend decides where the bytes go. `m` lets `put` join the caller's transaction.
 */
export interface FileStorage {
  put(tenantId: string, bytes: Buffer, meta: StoredFileMeta, m?: EntityManager): Promise<string>;
  get(tenantId: string, id: string): Promise<{ bytes: Buffer; meta: StoredFileRecord } | null>;
}

/** Injection token: bind another implementation (an S3-compatible store) here to move the bytes out. */
export const FILE_STORAGE = Symbol('FILE_STORAGE');
