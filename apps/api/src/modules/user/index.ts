// What other modules may use from the user feature.
export { UserModule } from './user.module.js';
export { UnusedAccountsService, UNUSED_DAYS } from './unused-accounts.service.js';
