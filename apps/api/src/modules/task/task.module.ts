import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/index.js';
import { LevelsModule } from '../levels/index.js';
import { MessagingModule } from '../messaging/index.js';
import { PlanModule } from '../plan/index.js';
import { TenantModule } from '../tenant/index.js';
import { UnitModule } from '../unit/index.js';
import { DashboardResolver } from './dashboard.resolver.js';
import { DashboardService } from './dashboard.service.js';
import { LightRecomputeService } from './light-recompute.service.js';
import { LightRecomputeResolver } from './light-recompute.resolver.js';
import { KeyPointAmendService } from './key-point-amend.service.js';
import { PlanPublishResolver } from './plan-publish.resolver.js';
import { PlanPublishService } from './plan-publish.service.js';
import { TaskLightService } from './task-light.service.js';
import { TaskRulesService } from './task-rules.service.js';
import { TaskStateService } from './task-state.service.js';
import { TaskLoader } from './task.loader.js';
import { TaskResolver } from './task.resolver.js';
import { TaskService } from './task.service.js';

/**
 * Tasks: publishing a plan (which creates them), the ledger, a task's relations and history, the
 * dashboard, and the status and light changes other modules drive (reports call TaskStateService; supervision and the daily job use
 * TaskLightService). Task visibility for other modules' SQL is the exported `taskVisibility`.
 */
@Module({
  imports: [UnitModule, PlanModule, TenantModule, CalendarModule, MessagingModule, LevelsModule],
  providers: [
    TaskService,
    TaskLoader,
    TaskRulesService,
    TaskLightService,
    TaskStateService,
    DashboardService,
    TaskResolver,
    DashboardResolver,
    LightRecomputeService,
    LightRecomputeResolver,
    PlanPublishService,
    KeyPointAmendService,
    PlanPublishResolver,
  ],
  exports: [TaskService, TaskLoader, TaskRulesService, TaskLightService, TaskStateService],
})
export class TaskModule {}
