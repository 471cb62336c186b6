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

  @Field(() => Boolean, { nullable: true, description: 'Import even though a plan with the same 文号 or text exists' })
  allowDuplicate?: boolean | null;
}

@InputType({ description: 'An empty draft plan, to fill in by hand' })
export class CreatePlanInput {
  @Field()
  title!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => String, { nullable: true, description: '文号' })
  docNumber?: string | null;

  @Field(() => String, { nullable: true })
  issuer?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Create it even though a plan with the same 文号 exists' })
  allowDuplicate?: boolean | null;
}
