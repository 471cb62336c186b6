// What other modules may use from the audit feature.
export { AuditModule } from './audit.module.js';
export { AuditService, type AuditEntry } from './audit.service.js';
