// What other modules may use from the queue feature.
export { QueueModule } from './queue.module.js';
export { QueueService, oncePerDay, type Worker, type SendOptions } from './queue.service.js';
export type { JobData, JobName } from './job-names.js';
