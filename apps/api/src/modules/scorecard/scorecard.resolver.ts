import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UnitLoader, UnitModel } from '../unit/index.js';
import { ScorecardArgs, ScorecardTasksArgs } from './dto/scorecard.args.js';
import { ScorecardConnection, ScorecardRowModel } from './dto/scorecard-row.model.js';
import { ScorecardTaskConnection } from './dto/scorecard-task.model.js';
import { ScorecardService } from './scorecard.service.js';

@Resolver(() => ScorecardRowModel)
export class ScorecardResolver {
  constructor(
    private readonly scorecards: ScorecardService,
    private readonly unitLoader: UnitLoader,
  ) {}

  @Query(() => ScorecardConnection, {
    description: '考核: units ranked by score for a plan or a year; a unit user gets only their own row',
  })
  scorecard(@CurrentViewer() viewer: Viewer, @Args() args: ScorecardArgs): Promise<ScorecardConnection> {
    return this.scorecards.scorecard(viewer, args.filter, args);
  }

  @Query(() => ScorecardTaskConnection, { description: 'The tasks behind one scorecard number of one unit' })
  scorecardTasks(@CurrentViewer() viewer: Viewer, @Args() args: ScorecardTasksArgs): Promise<ScorecardTaskConnection> {
    return this.scorecards.scorecardTasks(viewer, args);
  }

  @ResolveField(() => UnitModel, { nullable: true })
  unit(@Parent() row: ScorecardRowModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.unitLoader.byId(req, viewer).load(row.unitId);
  }
}
