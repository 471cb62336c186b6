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

export function toInstructionModel(row: Record<string, any>): InstructionModel {
  return {
    id: row.id,
    keyPointId: row.key_point_id,
    authorId: row.author_id,
    authorName: row.author_name ?? '',
    text: row.text,
    createdAt: row.created_at,
  };
}
