import { Field, InputType, Int } from '@nestjs/graphql';

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
