// What other modules may use from the task feature.
export { TaskModule } from './task.module.js';
export { TaskService } from './task.service.js';
export { TaskLoader } from './task.loader.js';
export { TaskStateService, type ReportSubmitted } from './task-state.service.js';
export { TaskLightService } from './task-light.service.js';
export { TaskRulesService, type TenantTaskRules } from './task-rules.service.js';
export { TaskModel, toTaskModel, type TaskRow } from './dto/task.model.js';
export { TaskConnection } from './dto/task-connection.model.js';
export type { TaskFilterInput } from './dto/task-filter.input.js';
// Reading tasks in other features' SQL: who may see them, the ledger's filters, overdue.
export { taskVisibility, isOwnUnitTask } from './task-visibility.js';
export { taskFilterConditions } from './task-ledger.sql.js';
export { overdueCondition } from './task-overdue.js';
export {
  DUE_DATE_SANCTIONED_SQL,
  judgeTask,
  overdueWorkingDaysOf,
  TASK_LIGHT_COLUMNS,
  type TaskLightRow,
} from './task-light.js';
export { auditView } from './task-audit-view.js';
