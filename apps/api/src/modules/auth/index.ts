// What other modules may use from the auth feature.
export { AuthModule } from './auth.module.js';
export { hashPassword, passwordProblem, readablePassword, ONE_TIME_PASSWORD_HOURS } from './password.js';
export { SessionService, setSessionCookies } from './session.service.js';
export { AuthService, LOCK_MINUTES, MAX_FAILED_SIGN_INS } from './auth.service.js';
export { SecurityPolicyService } from './security-policy.service.js';
export { accountRoles, checkAccountDuty } from './account-duty.js';
