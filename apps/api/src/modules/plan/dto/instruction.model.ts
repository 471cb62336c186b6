import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Instruction', { description: '批示: a leadership comment on a key point' })
export class InstructionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  keyPointId!: string;

  @Field(() => ID)
  authorId!: string;

  @Field({ description: 'The author as shown (display name)' })
  authorName!: string;

  @Field()
  text!: string;

  @Field(() => Date)
  createdAt!: Date;
}

/** An `instruction` row, with its author's name when joined (`author_name`). */
export interface InstructionRow {
  id: string;
  key_point_id: string;
  author_id: string;
  author_name?: string | null;
  text: string;
  created_at: Date;
}

export function toInstructionModel(row: InstructionRow): InstructionModel {
  return {
    id: row.id,
    keyPointId: row.key_point_id,
    authorId: row.author_id,
    authorName: row.author_name ?? '',
    text: row.text,
    createdAt: row.created_at,
  };
}
