import { maskEmail, maskPhone } from '@duban/domain';
import { rolesOf, type Viewer } from '../viewer.js';

/**
 * Who reads a person's phone and e-mail whole: the person, and the 系统管理员 (政务公开办管理员) who keeps
 * the accounts and edits them. Everyone else who may see the person (staff, the security admin and the
 * auditor, leaders) sees them masked.
 */
export function seesPersonalWhole(viewer: Viewer, personId: string): boolean {
  return viewer.userId === personId || rolesOf(viewer).includes('OFFICE_ADMIN');
}

/** The phone and e-mail as this viewer may see them. */
export function personalFor<T extends { phone: string | null; email: string | null }>(
  viewer: Viewer,
  personId: string,
  values: T,
): T {
  return seesPersonalWhole(viewer, personId)
    ? values
    : { ...values, phone: maskPhone(values.phone), email: maskEmail(values.email) };
}
