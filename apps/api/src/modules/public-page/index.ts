// What other modules may use from the public-page feature (政务公开).
export { PublicPageModule } from './public-page.module.js';
export { PublicPageController } from './public-page.controller.js';
