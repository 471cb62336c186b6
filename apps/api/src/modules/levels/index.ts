// What other modules may use from the levels feature (上下联动).
export { LevelsModule } from './levels.module.js';
export { UpperPlanPointService } from './upper-plan-point.service.js';
export { LowerRollupService } from './lower-rollup.service.js';
export type { LowerCoverageModel } from './dto/lower-rollup.model.js';
