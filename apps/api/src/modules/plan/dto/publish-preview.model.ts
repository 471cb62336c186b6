import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('PublishPreview', {
  description: 'What publishing the plan would create, what still blocks it, and what would go wrong',
})
export class PublishPreviewModel {
  @Field(() => ID, { nullable: true })
  planId!: string | null;

  @Field(() => Int)
  keyPoints!: number;

  @Field(() => Int, { description: 'One task per (key point, unit)' })
  tasksToCreate!: number;

  @Field(() => Int)
  unitsInvolved!: number;

  @Field(() => Int, { description: 'Key points (without sub-items) that name no unit: they block publishing' })
  keyPointsWithoutUnits!: number;

  @Field(() => Int, {
    description:
      'Distinct unit names not yet mapped to a unit (each decided once for the draft): they block publishing',
  })
  unresolvedNames!: number;

  @Field(() => Int, { description: 'Places where those names occur' })
  unresolvedOccurrences!: number;
}
