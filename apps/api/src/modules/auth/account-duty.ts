import { accountManagerRefusal, heldRoles } from '@duban/domain';
import { forbidden, notFound } from '../../common/app-error.js';
import type { Role } from '../../common/enums.js';
import { one, type Queryable } from '../../common/sql.js';
import { isUuid } from '../../common/validation.js';
import { rolesOf, type Viewer } from '../../common/viewer.js';

/** Every role the tenant's account `userId` holds; NOT_FOUND for an id the tenant does not have. */
export async function accountRoles(db: Queryable, tenantId: string, userId: string): Promise<Role[]> {
  const row = isUuid(userId)
    ? await one<{ role: Role; security_admin: boolean }>(
        db,
        `SELECT role, security_admin FROM app_user WHERE tenant_id = $1 AND id = $2`,
        [tenantId, userId],
      )
    : undefined;
  if (!row) throw notFound('用户');
  return heldRoles(row.role, row.security_admin);
}

/**
 * Refuses `viewer` an account outside their duty (三员分立): the security roles' accounts are the
 * security admin's, every other account the system admin's. Returns the account's roles.
 */
export async function checkAccountDuty(db: Queryable, viewer: Viewer, userId: string): Promise<Role[]> {
  const roles = await accountRoles(db, viewer.tenantId, userId);
  const refusal = accountManagerRefusal(rolesOf(viewer), roles);
  if (refusal) throw forbidden(refusal);
  return roles;
}
