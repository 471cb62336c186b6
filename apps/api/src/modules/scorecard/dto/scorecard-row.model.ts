import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SCORE_COMPONENTS, type ScoreComponentKey } from '@duban/domain';
import { PageInfo } from '../../../common/pagination.js';
import { SCORECARD_METRICS, type ScorecardCounts } from '../scorecard-metrics.js';

@ObjectType('ScorecardCounts', {
  description: "The numbers behind a unit's score; each can be drilled into with scorecardTasks",
})
export class ScorecardCountsModel {}
// One Int field per metric, declared from SCORECARD_METRICS so the schema cannot drift from the SQL.
for (const m of SCORECARD_METRICS) {
  Field(() => Int, { description: m.label })(ScorecardCountsModel.prototype, m.field);
}

export const ScoreComponentEnum = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c.component, c.component])) as {
  [K in ScoreComponentKey]: K;
};
registerEnumType(ScoreComponentEnum, {
  name: 'ScoreComponent',
  description: SCORE_COMPONENTS.map((c) => `${c.component} ${c.label}: ${c.explain}`).join('; '),
});

@ObjectType('ScoreLine', { description: "One rate of a unit's score: how the score was made" })
export class ScoreLineModel {
  @Field(() => ScoreComponentEnum)
  component!: ScoreComponentKey;

  @Field()
  label!: string;

  @Field(() => Float, { description: 'Counted with lead tasks weighing leadWeight times' })
  numerator!: number;

  @Field(() => Float)
  denominator!: number;

  @Field(() => Float, { nullable: true, description: '0–1; null: nothing to judge yet, left out of the score' })
  rate!: number | null;

  @Field(() => Float, { description: "The tenant's weight of this rate" })
  weight!: number;

  @Field(() => Float, { description: 'Points this rate adds to the score (they sum to the score)' })
  points!: number;
}

@ObjectType('ScorecardRow', { description: 'One unit on the scorecard' })
export class ScorecardRowModel {
  @Field(() => ID)
  unitId!: string;

  @Field()
  unitName!: string;

  @Field(() => ScorecardCountsModel)
  counts!: ScorecardCounts;

  @Field(() => Float, {
    nullable: true,
    description: '0–100, the weighted mean of the rates; null: nothing due to judge yet',
  })
  score!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Competition ranking after the tie-break rule: full ties share a rank (1, 2, 2, 4); null without a score',
  })
  rank!: number | null;

  @Field(() => [ScoreLineModel], { description: 'How the score was made, rate by rate' })
  breakdown!: ScoreLineModel[];

  @Field(() => Float, {
    nullable: true,
    description: "The unit's score in the previous plan year (null: no tasks then)",
  })
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

  @Field(() => Int, { description: 'Units ranked (all units with a score in scope, whoever reads)' })
  rankedUnits!: number;

  @Field({ description: 'How equal scores are ranked' })
  tieBreak!: string;

  @Field(() => Int, { nullable: true, description: 'The plan year the scorecard covers' })
  year!: number | null;
}
