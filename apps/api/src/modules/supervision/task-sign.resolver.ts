import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { LateSigningModel, SignTasksInput, SignTasksResultModel } from './dto/task-sign.model.js';
import { TaskSignService } from './task-sign.service.js';

@Resolver(() => LateSigningModel)
export class TaskSignResolver {
  constructor(private readonly signs: TaskSignService) {}

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Mutation(() => SignTasksResultModel, { description: '签收 newly assigned tasks of my unit: the given ones, or all' })
  signTasks(@CurrentViewer() viewer: Viewer, @Args('input') input: SignTasksInput): Promise<SignTasksResultModel> {
    return this.signs.sign(viewer, input);
  }

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Query(() => Int, { description: 'Tasks of my unit not yet signed for' })
  unsignedTaskCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.signs.unsignedCount(viewer);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => [LateSigningModel], {
    description: 'Units that have not signed for tasks within the set number of working days',
  })
  lateSigning(@CurrentViewer() viewer: Viewer): Promise<LateSigningModel[]> {
    return this.signs.lateSigning(viewer);
  }
}
