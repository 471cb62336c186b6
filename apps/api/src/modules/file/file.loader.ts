import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { byKeys, loader } from '../../common/loaders.js';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { toStoredFileModel, type StoredFileModel, type StoredFileRow } from './dto/stored-file.model.js';

/** File metadata by id for one request; never reads the content column. */
@Injectable()
export class FileLoader {
  constructor(private readonly dataSource: DataSource) {}

  byId(req: object, viewer: Viewer): DataLoader<string, StoredFileModel | null> {
    return loader(
      req,
      'storedFile.byId',
      () =>
        new DataLoader<string, StoredFileModel | null>(async (ids) => {
          const found = await rows<StoredFileRow>(
            this.dataSource,
            `SELECT id, filename, mime_type, size_bytes, sha256, created_at FROM stored_file WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
            [viewer.tenantId, ids],
          );
          return byKeys(ids, found.map(toStoredFileModel), (f) => f.id);
        }),
    );
  }
}
