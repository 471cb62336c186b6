import { Field, InputType, Int, registerEnumType } from '@nestjs/graphql';

export const SOURCE_MARKS = ['KEY_POINT', 'SECTION'] as const;
export type SourceMark = (typeof SOURCE_MARKS)[number];
export const SourceMarkEnum = { KEY_POINT: 'KEY_POINT', SECTION: 'SECTION' } as const;
registerEnumType(SourceMarkEnum, { name: 'SourceMark', description: 'KEY_POINT 设为要点, SECTION 设为部分' });

@InputType({ description: 'A line or sentence the office selected in the source text' })
export class MarkSourceInput {
  @Field(() => Int, { description: 'Where the selection starts in the plan’s sourceText (UTF-16 offset)' })
  start!: number;

  @Field({ description: 'The selected text, as it appears in sourceText' })
  text!: string;

  @Field(() => SourceMarkEnum)
  as!: SourceMark;
}
