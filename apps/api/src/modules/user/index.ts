// What other modules may use from the user feature.
export { UserModule } from './user.module.js';
