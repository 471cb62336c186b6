import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { completedOnTime, isTaskCompleted } from '@duban/domain';
import { Clock } from '../../common/clock.js';
import { forbidden } from '../../common/app-error.js';
import { CurrentViewer, fieldContext, Roles } from '../../common/auth.decorators.js';
import { isOffice, type Viewer } from '../../common/viewer.js';
import { AuditRead } from '../audit/index.js';
import { KeyPointModel, PlanLoader, PlanModel, PlanSectionModel } from '../plan/index.js';
import { UnitLoader, UnitModel } from '../unit/index.js';
import { TaskConnection } from './dto/task-connection.model.js';
import { TaskHistoryEntryModel } from './dto/task-history-entry.model.js';
import { TaskMilestoneModel } from './dto/task-milestone.model.js';
import { TaskModel } from './dto/task.model.js';
import { MyTasksArgs, TasksArgs } from './dto/tasks.args.js';
import { overdueWorkingDaysOf } from './task-light.js';
import { TaskLoader } from './task.loader.js';
import { TaskService } from './task.service.js';

@Resolver(() => TaskModel)
export class TaskResolver {
  constructor(
    private readonly tasksService: TaskService,
    private readonly taskLoader: TaskLoader,
    private readonly unitLoader: UnitLoader,
    private readonly planLoader: PlanLoader,
    private readonly clock: Clock,
  ) {}

  @Query(() => TaskConnection, { description: '任务台账: filtered, sorted, cursor-paginated' })
  tasks(@CurrentViewer() viewer: Viewer, @Args() args: TasksArgs): Promise<TaskConnection> {
    return this.tasksService.tasks(viewer, args);
  }

  @Roles('UNIT_LIAISON', 'UNIT_LEADER')
  @Query(() => TaskConnection, {
    description: "我的任务: the unit's own tasks, red first, then yellow, then by due date",
  })
  async myTasks(
    @CurrentViewer() viewer: Viewer,
    @Args() args: MyTasksArgs,
    @Context('req') req: object,
  ): Promise<TaskConnection> {
    // The page's key points, read with it, go to the request's loader: `keyPoint` and `section` then send no statement for them.
    const { keyPoints, ...page } = await this.tasksService.myTasks(viewer, args);
    const loader = this.planLoader.keyPoint(req, viewer);
    for (const keyPoint of keyPoints) loader.prime(keyPoint.id, keyPoint);
    return page;
  }

  @Query(() => TaskModel)
  @AuditRead('task')
  task(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<TaskModel> {
    return this.tasksService.task(viewer, id);
  }

  // Without parameter decorators, so @nestjs/graphql calls these directly with graphql-js's arguments (fieldContext).
  @ResolveField(() => UnitModel, { nullable: true })
  unit(task: TaskModel, _args: unknown, context: { req: object }) {
    const { req, viewer } = fieldContext(context);
    return this.unitLoader.byId(req, viewer).load(task.unitId);
  }

  @ResolveField(() => KeyPointModel, { nullable: true })
  keyPoint(task: TaskModel, _args: unknown, context: { req: object }) {
    const { req, viewer } = fieldContext(context);
    return this.planLoader.keyPoint(req, viewer).load(task.keyPointId);
  }

  @ResolveField(() => PlanModel, { nullable: true })
  plan(task: TaskModel, _args: unknown, context: { req: object }) {
    const { req, viewer } = fieldContext(context);
    return this.planLoader.plan(req, viewer).load(task.planId);
  }

  @ResolveField(() => PlanSectionModel, { nullable: true })
  async section(task: TaskModel, _args: unknown, context: { req: object }) {
    const { req, viewer } = fieldContext(context);
    const keyPoint = await this.planLoader.keyPoint(req, viewer).load(task.keyPointId);
    return keyPoint?.sectionId ? this.planLoader.section(req, viewer).load(keyPoint.sectionId) : null;
  }

  @ResolveField(() => [TaskMilestoneModel])
  milestones(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.taskLoader.milestones(req, viewer).load(task.id);
  }

  @ResolveField(() => [TaskHistoryEntryModel], { description: "操作记录: office users and the task's own unit" })
  history(@Parent() task: TaskModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    if (!isOffice(viewer) && viewer.unitId !== task.unitId) throw forbidden('只有办公室和任务承办单位可以查看操作记录');
    return this.taskLoader.history(req, viewer).load(task.id);
  }

  @ResolveField(() => Boolean, {
    description:
      'Completed after the due date that counts (the original one unless a delay was approved or the office amended it)',
  })
  async isLate(
    @Parent() task: TaskModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<boolean> {
    if (!isTaskCompleted(task.status)) return false;
    const row = await this.taskLoader.lightRows(req, viewer).load(task.id);
    const completedAt = row?.completed_at ?? row?.accepted_at ?? row?.updated_at;
    return (
      !!row &&
      !!completedAt &&
      !completedOnTime(completedAt, row.due_date, row.original_due_date, row.due_date_sanctioned)
    );
  }

  @ResolveField(() => Int, { description: 'Working days past the due date (until today, or until completion)' })
  async overdueWorkingDays(
    @Parent() task: TaskModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<number> {
    const [row, rules] = await Promise.all([
      this.taskLoader.lightRows(req, viewer).load(task.id),
      this.taskLoader.rulesOf(req, viewer),
    ]);
    return row ? overdueWorkingDaysOf(row, rules, this.clock.now()) : 0;
  }
}
