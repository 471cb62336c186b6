import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

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
