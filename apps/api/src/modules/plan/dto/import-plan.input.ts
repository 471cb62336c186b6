import { Field, InputType, Int } from '@nestjs/graphql';

@InputType({ description: 'Pasted text of a plan; documents are uploaded to POST /imports/plan (multipart), their plans listed by POST /imports/plan/choices' })
export class ImportPlanInput {
  @Field(() => String, { nullable: true })
  filename?: string | null;

  @Field(() => String, { nullable: true, description: 'Pasted text' })
  text?: string | null;

  @Field(() => Int, { nullable: true, description: 'The plan year when the document does not state one' })
  year?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Which plan to import when the document is a notice issuing several (0-based, as planImportChoices lists them)',
  })
  planIndex?: number | null;
}
