import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../../common/pagination.js';
import { SCORECARD_METRICS, type ScorecardCounts } from '../scorecard-metrics.js';

@ObjectType('ScorecardCounts', { description: 'The numbers behind a unit\'s score; each can be drilled into with scorecardTasks' })
export class ScorecardCountsModel {}
// One Int field per metric, declared from SCORECARD_METRICS so the schema cannot drift from the SQL.
for (const m of SCORECARD_METRICS) {
  Field(() => Int, { description: m.label })(ScorecardCountsModel.prototype, m.field);
}

@ObjectType('ScorecardRow', { description: 'One unit on the scorecard' })
export class ScorecardRowModel {
  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => ScorecardCountsModel)
  counts!: ScorecardCounts;

  @Field(() => Float)
  score!: number;

  @Field(() => Int, { description: 'Competition ranking: equal scores share a rank (1, 2, 2, 4)' })
  rank!: number;

  @Field(() => Float, { nullable: true, description: 'The unit\'s score in the previous plan year (null: no tasks then)' })
  previousScore!: number | null;

  @Field(() => Int, { nullable: true })
  previousRank!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − previousScore' })
  scoreChange!: number | null;
}

@ObjectType('ScorecardConnection')
export class ScorecardConnection {
  @Field(() => [ScorecardRowModel])
  nodes!: ScorecardRowModel[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Rows the viewer may see (a unit user sees only their own)' })
  totalCount!: number;

  @Field(() => Int, { description: 'Units ranked (all units with tasks in scope, whoever reads)' })
  rankedUnits!: number;

  @Field(() => Int, { nullable: true, description: 'The plan year the scorecard covers' })
  year!: number | null;
}
