import type { Role } from '../../common/enums.js';

/**
 * Who opens the assessor's view: the security admin, whose duty the controls are. Not the auditor: the
 * view shows the policy and the accounts, which 三员分立 keeps from the auditor, whose own page
 * already checks the audit chain.
 */
export const ASSESSOR_VIEW_ROLES: readonly Role[] = ['SECURITY_ADMIN'];
