import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PlanImportChoice', { description: 'One plan of a document; a notice may issue several (e.g. 政务管理服务工作要点 and 政务公开工作要点)' })
export class PlanImportChoiceModel {
  @Field(() => Int, { description: 'Its place in the document, 0-based: pass it as ImportPlanInput.planIndex' })
  index!: number;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Int, { nullable: true })
  year!: number | null;

  @Field(() => Int, { description: 'Key points found' })
  keyPoints!: number;

  @Field(() => Int, { description: 'Units its key points have from a clause written once for many (impliedUnits)' })
  impliedUnits!: number;
}
