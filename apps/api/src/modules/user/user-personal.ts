import type { PersonalData } from '../../common/crypto/personal-data.js';
import { maskEmail, maskPhone } from '@duban/domain';
import { personalFor } from '../../common/crypto/personal-mask.js';
import type { Viewer } from '../../common/viewer.js';
import { toUserModel, type UserModel, type UserRow } from './dto/user.model.js';

/** A person with phone and e-mail decrypted: for the server's own use and for seesPersonalWhole. */
export const wholeUserModel = (tenantId: string, people: PersonalData, row: UserRow): UserModel =>
  toUserModel({
    ...row,
    phone: people.open(tenantId, row.id, 'phone', row.phone),
    email: people.open(tenantId, row.id, 'email', row.email),
  });

/** A person as this viewer may see them: phone and e-mail masked unless the viewer needs them whole. */
export const userModelFor =
  (viewer: Viewer, people: PersonalData) =>
  (row: UserRow): UserModel =>
    personalFor(viewer, row.id, wholeUserModel(viewer.tenantId, people, row));

/**
 * A form filled from a masked list sends the mask back (138****1234): that means "unchanged" (a mask
 * never passes checkPhone or checkEmail, so it cannot be a new value).
 */
export function unmaskedInput<T extends { phone?: string | null; email?: string | null }>(
  input: T,
  before: { phone: string | null; email: string | null },
): T {
  return {
    ...input,
    phone: input.phone && input.phone === maskPhone(before.phone) ? before.phone : input.phone,
    email: input.email && input.email === maskEmail(before.email) ? before.email : input.email,
  };
}
