import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  TaskRoleEnum,
  TaskStatusEnum,
  WarningLightEnum,
  type TaskRole,
  type TaskStatus,
  type WarningLightValue,
} from '../../../common/enums.js';
import { UnitModel } from '../../unit/index.js';
import { PlanModel } from './plan.model.js';

@ObjectType('ProgressStatusCount')
export class StatusCountModel {
  @Field(() => TaskStatusEnum)
  status!: TaskStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ProgressLightCount')
export class LightCountModel {
  @Field(() => WarningLightEnum)
  light!: WarningLightValue;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ProgressTask', { description: "One unit's task in the progress tree" })
export class ProgressTaskModel {
  @Field(() => ID)
  taskId!: string;

  @Field(() => ID)
  unitId!: string;

  @Field(() => TaskRoleEnum)
  role!: TaskRole;

  @Field(() => TaskStatusEnum)
  status!: TaskStatus;

  @Field(() => Int)
  progress!: number;

  @Field(() => WarningLightEnum)
  light!: WarningLightValue;

  @Field({ description: 'LocalDate' })
  dueDate!: string;

  // A plain value filled in by the service, not a field resolver: a key point can have a unit per
  // task of the province, and a resolver per task costs more than the rest of the request.
  @Field(() => UnitModel)
  unit!: UnitModel;
}

@ObjectType('KeyPointProgress')
export class KeyPointProgressModel {
  @Field(() => ID)
  keyPointId!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field()
  label!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true, description: 'LocalDate' })
  dueDate!: string | null;

  @Field(() => Int)
  taskCount!: number;

  @Field(() => [StatusCountModel])
  byStatus!: StatusCountModel[];

  @Field(() => [LightCountModel])
  byLight!: LightCountModel[];

  @Field(() => Float, { nullable: true, description: 'Mean progress (0..100) of the tasks shown; null without tasks' })
  averageProgress!: number | null;

  @Field(() => [ID], { description: 'The units that lead it (among the tasks shown)' })
  leadUnitIds!: string[];

  // tasks: resolved when asked for (plan-progress.resolver.ts), batched over the key points asked.
}

@ObjectType('UnitProgress', { description: "One unit's tasks in the plan (those shown), by light" })
export class UnitProgressModel {
  @Field(() => ID)
  unitId!: string;

  @Field(() => UnitModel)
  unit!: UnitModel;

  @Field(() => Int)
  taskCount!: number;

  @Field(() => Float, { description: 'Mean progress (0..100) of its tasks' })
  averageProgress!: number;

  @Field(() => [LightCountModel])
  byLight!: LightCountModel[];
}

@ObjectType('SectionProgress', {
  description: 'A section of the plan; the one without id holds key points outside any section',
})
export class SectionProgressModel {
  @Field(() => ID, { nullable: true })
  sectionId!: string | null;

  @Field()
  label!: string;

  @Field()
  title!: string;

  @Field(() => [KeyPointProgressModel])
  keyPoints!: KeyPointProgressModel[];
}

@ObjectType('PlanProgress', { description: 'Section → key point → unit tasks' })
export class PlanProgressModel {
  @Field(() => PlanModel)
  plan!: PlanModel;

  @Field(() => [SectionProgressModel])
  sections!: SectionProgressModel[];

  @Field(() => [UnitProgressModel], { description: 'Per unit, over the whole plan' })
  units!: UnitProgressModel[];
}
