import { USER_ROLE_LABELS } from '@duban/domain';
import type { Role } from '../../../generated/graphql';

export type { Role };

export const OFFICE_ROLES: Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF'];
export const UNIT_ROLES: Role[] = ['UNIT_LIAISON', 'UNIT_LEADER'];
export const LEADERSHIP_ROLES: Role[] = ['LEADERSHIP'];
/** 三员分立: the security admin's pages (the system admin is the office admin). */
export const SECURITY_ADMIN_ROLES: Role[] = ['SECURITY_ADMIN'];
/** 三员分立: who reads the audit log (the API's AUDITOR_ROLES), the 安全审计员 alone. */
export const AUDITOR_ROLES: Role[] = ['SECURITY_AUDITOR'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = USER_ROLE_LABELS;

export const isOffice = (role: Role) => OFFICE_ROLES.includes(role);
export const isUnitRole = (role: Role) => UNIT_ROLES.includes(role);
export const isLeadership = (role: Role) => LEADERSHIP_ROLES.includes(role);

/** Where each kind of person lands: the page that answers their first question. */
export function homePath(role: Role): string {
  if (isOffice(role)) return '/office';
  if (isUnitRole(role)) return '/unit';
  if (role === 'SECURITY_ADMIN') return '/security';
  if (role === 'SECURITY_AUDITOR') return '/audit';
  return '/leadership';
}

/** Every role a person holds, in a few words (政务公开办管理员 + 安全管理员). */
export const rolesLabel = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join(' + ');
