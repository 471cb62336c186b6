import { Field, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'A document (base64 of a .docx/.pdf/.txt) or pasted text' })
export class ImportPlanInput {
  @Field(() => String, { nullable: true })
  filename?: string | null;

  @Field(() => String, { nullable: true, description: 'The file content, base64' })
  contentBase64?: string | null;

  @Field(() => String, { nullable: true, description: 'Pasted text, instead of a file' })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'The plan year when the document does not state one' })
  year?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Which plan to import when the document is a notice issuing several (0-based, as planImportChoices lists them)',
  })
  planIndex?: number | null;
}
