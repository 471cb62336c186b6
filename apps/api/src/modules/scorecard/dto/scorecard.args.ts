import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { type UnitKind, UnitKindEnum } from '../../unit/index.js';
import { ScorecardMetricEnum } from './scorecard-metric.enum.js';
import type { ScorecardMetric } from '../scorecard-metrics.js';

@InputType({ description: 'Give exactly one of planId or year' })
export class ScorecardFilterInput {
  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Every published plan of that year' })
  year?: number | null;

  @Field(() => UnitKindEnum, { nullable: true, description: 'Rank only units of this kind (e.g. towns among towns)' })
  unitKind?: UnitKind | null;
}

@ArgsType()
export class ScorecardArgs {
  @Field(() => ScorecardFilterInput)
  filter!: ScorecardFilterInput;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 200)' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class ScorecardTasksArgs {
  @Field(() => ID)
  unitId!: string;

  @Field(() => ScorecardMetricEnum)
  metric!: ScorecardMetric;

  @Field(() => ScorecardFilterInput)
  filter!: ScorecardFilterInput;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
