// What other modules may use from the watermark feature.
export { WatermarkModule } from './watermark.module.js';
export { WatermarkService } from './watermark.service.js';
