import { holdsBusinessRole } from '@duban/domain';
import type { Role } from './enums.js';

/** The signed-in person a request acts for; every service call takes it and filters by its tenant. */
export interface Viewer {
  tenantId: string;
  userId: string;
  sessionId: string;
  role: Role;
  /** Every role held (三员分立: an office admin may hold the security admin's too); absent means just `role`. */
  roles?: Role[];
  /** The unit of a unit liaison or unit leader; null for office and leadership. */
  unitId: string | null;
  username: string;
  displayName: string;
  csrfToken: string;
  /** A first or reset password not yet replaced: only me, changePassword and signOut are served. */
  mustChangePassword?: boolean;
  /** The password is older than the tenant's policy allows: the must-change above, for that reason. */
  passwordExpired?: boolean;
  /** The tenant requires two-factor for this role, the person has not set it up, and did not come through SSO. */
  mustEnrolTwoFactor?: boolean;
}

export const isOffice = (v: Viewer) => v.role === 'OFFICE_ADMIN' || v.role === 'OFFICE_STAFF';
export const isUnitUser = (v: Viewer) => v.role === 'UNIT_LIAISON' || v.role === 'UNIT_LEADER';
export const isLeadership = (v: Viewer) => v.role === 'LEADERSHIP';
/** Office and leadership read the whole tenant; unit users read their unit (plus what it leads). */
export const readsWholeTenant = (v: Viewer) => isOffice(v) || isLeadership(v);

/** Every role the viewer holds. */
export const rolesOf = (v: Viewer): readonly Role[] => v.roles ?? [v.role];
export const holdsRole = (v: Viewer, role: Role) => rolesOf(v).includes(role);
/** The security admin and auditor do none of the office's or the units' business (三员分立). */
export const doesBusiness = (v: Viewer) => holdsBusinessRole(rolesOf(v));
