import { USER_ROLE_LABELS } from '@duban/domain';
import type { Role } from '../../../generated/graphql';

export type { Role };

export const OFFICE_ROLES: Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF'];
export const UNIT_ROLES: Role[] = ['UNIT_LIAISON', 'UNIT_LEADER'];
export const LEADERSHIP_ROLES: Role[] = ['LEADERSHIP'];
/** Who reads the audit log (the API's AUDITOR_ROLES): the 安全审计员 role replaces this when 三员分立 lands. */
export const AUDITOR_ROLES: Role[] = ['OFFICE_ADMIN'];

export const ROLE_LABELS: Readonly<Record<Role, string>> = USER_ROLE_LABELS;

export const isOffice = (role: Role) => OFFICE_ROLES.includes(role);
export const isUnitRole = (role: Role) => UNIT_ROLES.includes(role);
export const isLeadership = (role: Role) => LEADERSHIP_ROLES.includes(role);

/** Where each kind of person lands: the page that answers their first question. */
export function homePath(role: Role): string {
  if (isOffice(role)) return '/office';
  if (isUnitRole(role)) return '/unit';
  return '/leadership';
}
