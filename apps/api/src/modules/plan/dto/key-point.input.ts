import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class AddKeyPointInput {
  @Field(() => ID)
  planId!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  sectionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Makes it a sub-item of this key point' })
  parentId?: string | null;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => String, { nullable: true, description: 'LocalDate YYYY-MM-DD' })
  dueDate?: string | null;
}

/** Omitted fields stay as they are; null clears the optional ones. */
@InputType()
export class UpdateKeyPointInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => ID, { nullable: true })
  sectionId?: string | null;

  @Field(() => String, { nullable: true, description: 'LocalDate YYYY-MM-DD; null = year end (the tenant default)' })
  dueDate?: string | null;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => ID, { nullable: true, description: 'A key point of the parent plan that this one implements' })
  upperKeyPointId?: string | null;
}

@InputType()
export class DeadlineInput {
  @Field({ description: 'e.g. 6月底前' })
  text!: string;

  @Field(() => String, { nullable: true, description: 'LocalDate YYYY-MM-DD' })
  date?: string | null;
}
