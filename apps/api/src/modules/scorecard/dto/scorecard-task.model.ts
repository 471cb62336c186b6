import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../../common/pagination.js';
import { TaskModel } from '../../task/index.js';

@ObjectType('ScorecardTaskEntry', { description: 'A task behind a scorecard number and how much it adds to it' })
export class ScorecardTaskEntry {
  @Field(() => TaskModel)
  task!: TaskModel;

  @Field(() => Int, { description: "This task's part of the number (e.g. 2 urges); the parts sum to the number" })
  count!: number;
}

@ObjectType('ScorecardTaskConnection')
export class ScorecardTaskConnection {
  @Field(() => [ScorecardTaskEntry])
  nodes!: ScorecardTaskEntry[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
