import { Field, Int, ObjectType } from '@nestjs/graphql';
import { WarningLightEnum, type WarningLightValue } from '../../../common/enums.js';
import { UnitModel } from '../../unit/index.js';

@ObjectType('LightCount')
export class LightCountModel {
  @Field(() => WarningLightEnum)
  light!: WarningLightValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType('UnitOverdueCount')
export class UnitOverdueCountModel {
  @Field(() => UnitModel)
  unit!: UnitModel;

  @Field(() => Int)
  overdueCount!: number;
}

@ObjectType('Dashboard', { description: '督办概览: office and leadership see the tenant, unit users their unit' })
export class DashboardModel {
  @Field(() => Int)
  totalTasks!: number;

  @Field(() => [LightCountModel], { description: 'Every light, zero counts included' })
  lights!: LightCountModel[];

  @Field(() => Int, { description: 'Not finished and past the due date today' })
  overdueCount!: number;

  @Field(() => Int, { description: 'Progress reports waiting for the office (PENDING_OFFICE)' })
  reportsWaitingReview!: number;

  @Field(() => Int, { description: 'Delay requests waiting for a decision' })
  delayRequestsWaiting!: number;

  @Field(() => Int, { description: 'Unfinished tasks due from today up to dueSoonUntil' })
  dueSoonCount!: number;

  @Field({ description: 'LocalDate: the 10th working day from today' })
  dueSoonUntil!: string;

  @Field(() => [UnitOverdueCountModel], { description: 'Top 10 units by overdue tasks' })
  unitsMostOverdue!: UnitOverdueCountModel[];
}
