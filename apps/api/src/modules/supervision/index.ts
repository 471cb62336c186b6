// What other modules may use from the supervision feature.
export { SupervisionModule } from './supervision.module.js';
export { SupervisionLoader } from './supervision.loader.js';
export { SupervisionNoticeService } from './supervision-notice.service.js';
export { TaskSignService } from './task-sign.service.js';
