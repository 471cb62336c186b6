import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('LightRecompute', {
  description: "The latest recomputation of the tenant's warning lights after a rule change",
})
export class LightRecomputeModel {
  @Field({ description: 'What changed, in Chinese (e.g. 预警设置已修改)' })
  reason!: string;

  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int, { description: 'Tasks whose light changed' })
  changed!: number;

  @Field()
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  finishedAt!: Date | null;

  @Field()
  running!: boolean;

  @Field({ description: 'The run failed or its process stopped; the daily job recomputes the lights anyway' })
  failed!: boolean;
}
