import { Field, ID, InputType } from '@nestjs/graphql';
import {
  TaskKindEnum,
  TaskRoleEnum,
  TaskStatusEnum,
  WarningLightEnum,
  type TaskKind,
  type TaskRole,
  type TaskStatus,
  type WarningLightValue,
} from '../../../common/enums.js';

@InputType({ description: 'Ledger filters; all optional and combined with AND' })
export class TaskFilterInput {
  @Field(() => ID, { nullable: true })
  planId?: string | null;

  @Field(() => ID, { nullable: true })
  sectionId?: string | null;

  @Field(() => ID, { nullable: true })
  keyPointId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => TaskRoleEnum, { nullable: true })
  role?: TaskRole | null;

  @Field(() => [TaskStatusEnum], { nullable: true })
  status?: TaskStatus[] | null;

  @Field(() => [WarningLightEnum], { nullable: true })
  light?: WarningLightValue[] | null;

  @Field(() => String, { nullable: true, description: 'LocalDate: due on or after' })
  dueFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'LocalDate: due on or before' })
  dueTo?: string | null;

  @Field(() => String, { nullable: true, description: 'Searches key point titles and unit names' })
  text?: string | null;

  @Field(() => TaskKindEnum, { nullable: true })
  kind?: TaskKind | null;
}
