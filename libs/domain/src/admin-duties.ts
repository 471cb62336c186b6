import type { UserRole } from './vocabulary.js';

/**
 * 三员分立 (等保 2.0 level 3): the system admin (the office admin: users, units, settings, plans), the
 * security admin (password and session policy, unlocks, two-factor resets, role grants) and the security
 * auditor (the audit log, nothing else) cannot act for each other. A small office may let one person
 * hold the system and security duties together (stored as the office admin with the security flag);
 * the auditor's role is never combined with another.
 */
export const ADMIN_DUTY_ROLES: readonly UserRole[] = ['OFFICE_ADMIN', 'SECURITY_ADMIN', 'SECURITY_AUDITOR'];
/** The roles that do none of the office's or the units' business. */
export const SECURITY_DUTY_ROLES: readonly UserRole[] = ['SECURITY_ADMIN', 'SECURITY_AUDITOR'];

export const ADMIN_DUTY_LABELS: Readonly<Record<'OFFICE_ADMIN' | 'SECURITY_ADMIN' | 'SECURITY_AUDITOR', string>> = {
  OFFICE_ADMIN: '系统管理员',
  SECURITY_ADMIN: '安全管理员',
  SECURITY_AUDITOR: '安全审计员',
};

/** Every role a person holds: the stored role, plus the security admin's when the office admin holds it too. */
export function heldRoles(role: UserRole, securityAdmin: boolean): UserRole[] {
  return role === 'OFFICE_ADMIN' && securityAdmin ? ['OFFICE_ADMIN', 'SECURITY_ADMIN'] : [role];
}

/** Whether someone holding `roles` does any of the office's or units' work (a pure security role does not). */
export const holdsBusinessRole = (roles: readonly UserRole[]) => roles.some((r) => !SECURITY_DUTY_ROLES.includes(r));

const sameSet = (a: readonly UserRole[], b: readonly UserRole[]) =>
  a.length === b.length && a.every((r) => b.includes(r));
const touchesAdminDuty = (before: readonly UserRole[], after: readonly UserRole[]) =>
  ADMIN_DUTY_ROLES.some((r) => before.includes(r) !== after.includes(r));

/** Why `actor` may not give `target` (`self` when it is the actor) the roles `after` in place of `before`; null when it may. */
export function roleGrantRefusal(
  actor: readonly UserRole[],
  self: boolean,
  before: readonly UserRole[],
  after: readonly UserRole[],
): string | null {
  if (after.includes('SECURITY_AUDITOR') && after.length > 1) return '安全审计员不能兼任其他角色';
  if (after.includes('SECURITY_ADMIN') && !after.every((r) => r === 'SECURITY_ADMIN' || r === 'OFFICE_ADMIN'))
    return '安全管理员只能兼任系统管理员';
  if (sameSet(before, after)) return null;
  if (self) return '不能修改自己的角色';
  if (touchesAdminDuty(before, after))
    return actor.includes('SECURITY_ADMIN')
      ? null
      : '授予或撤销系统管理员、安全管理员、安全审计员角色须由安全管理员办理';
  return actor.includes('OFFICE_ADMIN') ? null : '联络员、分管领导、工作人员、领导等业务角色由系统管理员设置';
}

/**
 * Why `actor` may not manage (edit, deactivate, reset the password of) an account holding `target`;
 * null when it may. The security roles' own accounts are the security admin's, so the system admin can
 * neither lock out nor take over the people who watch it; everyone else's are the system admin's.
 */
export function accountManagerRefusal(actor: readonly UserRole[], target: readonly UserRole[]): string | null {
  if (target.some((r) => SECURITY_DUTY_ROLES.includes(r)))
    return actor.includes('SECURITY_ADMIN') ? null : '安全管理员、安全审计员的账号由安全管理员管理';
  return actor.includes('OFFICE_ADMIN') ? null : '账号由系统管理员管理';
}
