// What other modules may use from the levels feature (上下联动).
export { LevelsModule } from './levels.module.js';
export { UpperPlanPointService } from './upper-plan-point.service.js';
