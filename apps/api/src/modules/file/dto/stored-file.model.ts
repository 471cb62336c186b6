import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { StoredFileRow } from '../../file-storage/index.js';

@ObjectType('StoredFile', { description: '上传的附件；内容通过 GET /files/:id 下载' })
export class StoredFileModel {
  @Field(() => ID)
  id!: string;

  @Field()
  filename!: string;

  @Field({ description: 'The type sniffed from the content at upload' })
  mimeType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  sha256!: string;

  @Field(() => Date)
  createdAt!: Date;
}

export type { StoredFileRow };

export function toStoredFileModel(row: StoredFileRow): StoredFileModel {
  return {
    id: row.id,
    filename: row.filename,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}
