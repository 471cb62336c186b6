import type { Role } from '../../common/enums.js';

/** 三员分立: the 安全审计员 alone reads, checks and exports the audit log (never combined with another role). */
export const AUDITOR_ROLES: Role[] = ['SECURITY_AUDITOR'];
