// What other modules may use from the plan feature.
export { PlanModule } from './plan.module.js';
export { PlanLoader } from './plan.loader.js';
export { PlanModel, toPlanModel, type PlanRow } from './dto/plan.model.js';
export { KeyPointModel, PlanSectionModel, toKeyPointModel, type KeyPointRow } from './dto/key-point.model.js';
export { planSnapshot, sharePlanOf } from './plan-locks.js';
export { dateInPlanYearOrLater, LIMITS } from './plan-validation.js';
export { PUBLISH_PREVIEW_SQL, toPublishPreview, type PublishPreviewRow } from './publish-preview.sql.js';
export { tenantDefaultDueDate } from './tenant-due-default.js';
export { TASK_MILESTONES_FROM_DEADLINES_SQL } from './task-milestones.sql.js';
