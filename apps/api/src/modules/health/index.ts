// What other modules may use from the health feature.
export { HealthModule } from './health.module.js';
