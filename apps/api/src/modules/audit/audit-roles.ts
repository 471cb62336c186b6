import type { Role } from '../../common/enums.js';

/**
 * Who reads, checks and exports the audit log. Today the office admin; when the 安全审计员 role of
 * 三员分立 lands, this one line becomes ['SECURITY_AUDITOR'] and the page, queries and export follow.
 */
export const AUDITOR_ROLES: Role[] = ['OFFICE_ADMIN'];
