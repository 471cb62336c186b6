import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';

/** The feature modules the app is made of; one folder each under modules/. */
export const featureModules = [AuditModule, AuthModule];
