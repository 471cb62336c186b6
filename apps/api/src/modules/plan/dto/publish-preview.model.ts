import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PublishPreview', { description: 'What publishing the plan would create, and what still blocks it' })
export class PublishPreviewModel {
  @Field(() => Int)
  keyPoints!: number;

  @Field(() => Int, { description: 'One task per (key point, unit)' })
  tasksToCreate!: number;

  @Field(() => Int)
  unitsInvolved!: number;

  @Field(() => Int, { description: 'Key points (without sub-items) that name no unit: they block publishing' })
  keyPointsWithoutUnits!: number;

  @Field(() => Int, { description: 'Unit names not yet mapped to a unit: they block publishing' })
  unresolvedNames!: number;
}
