// What other modules may use from the single sign-on feature.
export { SsoModule } from './sso.module.js';
