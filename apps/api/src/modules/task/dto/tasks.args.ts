import { ArgsType, Field, Int } from '@nestjs/graphql';
import { TaskFilterInput } from './task-filter.input.js';
import { TaskSortInput } from './task-sort.input.js';

@ArgsType()
export class TasksArgs {
  @Field(() => TaskFilterInput, { nullable: true })
  filter?: TaskFilterInput | null;

  @Field(() => TaskSortInput, { nullable: true })
  sort?: TaskSortInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 1–200 (default 50)' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string | null;
}

@ArgsType()
export class MyTasksArgs {
  @Field(() => TaskFilterInput, { nullable: true })
  filter?: TaskFilterInput | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
