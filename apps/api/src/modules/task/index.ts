// What other modules may use from the task feature.
export { TaskModule } from './task.module.js';
export { TaskService } from './task.service.js';
export { TaskLoader } from './task.loader.js';
export { TaskStateService, type ReportSubmitted } from './task-state.service.js';
export { TaskLightService } from './task-light.service.js';
export { TaskRulesService, type TenantTaskRules } from './task-rules.service.js';
export { taskVisibility, isOwnUnitTask } from './task-visibility.js';
export { SqlParams } from './sql-params.js';
export { auditView } from './task-audit-view.js';
export { uuidArg } from './task-query.js';
export { judgeTask, overdueWorkingDaysOf, TASK_LIGHT_COLUMNS, type TaskLightRow } from './task-light.js';
