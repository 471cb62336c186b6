import type { AppConfig } from '../../config/app-config.js';
import { devSecret } from '../../config/dev-secret.js';
import type { FieldCipher } from './field-cipher.js';
import { fieldCipher } from './field-keys.js';
import { hmacSm3 } from './guomi.js';
import type { SealedColumn } from './sealed-column.js';

/**
 * People's phone and e-mail at rest (个人信息, 商用密码): SM4 under FIELD_KEYS, bound to the person's
 * row, like the tenant's secrets. Nobody can look them up by ciphertext, so each has a blind index
 * beside it: HMAC-SM3 of the normalised value under its own key (BLIND_INDEX_KEY) and the tenant, so the
 * same number gives the same index within a tenant and nothing comparable across tenants. Reading a
 * whole value is this class's job; lists show `maskPhone`/`maskEmail` (personal-mask.ts).
 */
export type PersonalField = 'phone' | 'email';

export const personalContext = (tenantId: string, userId: string, field: PersonalField) =>
  `app_user|${tenantId}|${userId}|${field}`;

/** A mainland mobile number as messaging platforms take it (11 digits), or null: spaces, dashes and +86 dropped. */
export function mobileOf(phone: string | null | undefined): string | null {
  const digits = (phone ?? '').replace(/[\s()-]/g, '').replace(/^(?:\+|00)?86(?=1)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** What two ways of writing one phone number or address have in common. */
export function normalisePersonal(field: PersonalField, value: string): string {
  if (field === 'email') return value.trim().toLowerCase();
  return mobileOf(value) ?? value.replace(/[\s()-]/g, '');
}

/** The app_user columns a phone and an e-mail are stored in. */
export interface PersonalColumns {
  phone: string | null;
  phone_index: string | null;
  phone_mobile: boolean;
  email: string | null;
  email_index: string | null;
}

export class PersonalData {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly indexKey: string,
  ) {}

  index(tenantId: string, field: PersonalField, value: string): string {
    return hmacSm3(this.indexKey, `${field}|${tenantId}|${normalisePersonal(field, value)}`).toString('hex');
  }

  seal(tenantId: string, userId: string, field: PersonalField, value: string | null): string | null {
    return value ? this.cipher.encrypt(value, personalContext(tenantId, userId, field)) : null;
  }

  open(tenantId: string, userId: string, field: PersonalField, stored: string | null): string | null {
    return stored ? this.cipher.decrypt(stored, personalContext(tenantId, userId, field)) : null;
  }

  columns(tenantId: string, userId: string, values: { phone: string | null; email: string | null }): PersonalColumns {
    return {
      phone: this.seal(tenantId, userId, 'phone', values.phone),
      phone_index: values.phone ? this.index(tenantId, 'phone', values.phone) : null,
      phone_mobile: mobileOf(values.phone) !== null,
      email: this.seal(tenantId, userId, 'email', values.email),
      email_index: values.email ? this.index(tenantId, 'email', values.email) : null,
    };
  }

  /** Where messages reach a person, decrypted at send time: the e-mail address and the mobile number. */
  contact(
    tenantId: string,
    userId: string,
    stored: { phone: string | null; email: string | null },
  ): { email: string | null; mobile: string | null } {
    return {
      email: this.open(tenantId, userId, 'email', stored.email),
      mobile: mobileOf(this.open(tenantId, userId, 'phone', stored.phone)),
    };
  }

  /** app_user.phone and app_user.email for sealColumn: plaintext from before is encrypted and indexed. */
  sealedColumns(): SealedColumn[] {
    return (['phone', 'email'] as const).map((field) => ({
      table: 'app_user',
      key: ['tenant_id', 'id'],
      column: field,
      context: (row) => personalContext(row.tenant_id, row.id, field),
      legacy: (stored) => stored,
      derived: (plain, row) => ({
        [`${field}_index`]: this.index(row.tenant_id, field, plain),
        ...(field === 'phone' ? { phone_mobile: mobileOf(plain) !== null } : {}),
      }),
    }));
  }
}

const made = new WeakMap<object, PersonalData>();

/** The process's PersonalData for this configuration (FIELD_KEYS and BLIND_INDEX_KEY, or DATA_DIR's). */
export function personalData(config: Pick<AppConfig, 'fieldKeys' | 'dataDir' | 'blindIndexKey'>): PersonalData {
  let found = made.get(config);
  if (!found) {
    found = new PersonalData(fieldCipher(config), config.blindIndexKey ?? devSecret(config.dataDir, 'blind-index.key'));
    made.set(config, found);
  }
  return found;
}
