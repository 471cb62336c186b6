import { Field, ID, InputType, Int } from '@nestjs/graphql';

/** Omitted fields stay as they are; null clears the optional ones. */
@InputType()
export class UpdatePlanInput {
  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true, description: '文号' })
  docNumber?: string | null;

  @Field(() => String, { nullable: true })
  issuer?: string | null;

  @Field(() => ID, { nullable: true, description: 'The upper-level plan this one implements' })
  parentPlanId?: string | null;
}
