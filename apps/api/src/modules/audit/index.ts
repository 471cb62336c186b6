// What other modules may use from the audit feature.
export { AuditModule } from './audit.module.js';
export { AuditService, type AuditEntry, type AuditOrigin } from './audit.service.js';
export { AuditRead } from './read-audit.interceptor.js';
export { AuditLogService, AUDIT_EXPORT_MAX, auditEntryFields } from './audit-log.service.js';
export { AUDITOR_ROLES } from './audit-roles.js';
export { AuditLogFilterInput } from './dto/audit-log.args.js';
export type { AuditRecordModel } from './dto/audit-record.model.js';
