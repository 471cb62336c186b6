import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldCipher } from '../../../common/crypto/field-cipher.js';
import { fieldCipher } from '../../../common/crypto/field-keys.js';
import { one, rows } from '../../../common/sql.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import { secretContext } from './secret-context.js';

type Db = DataSource | EntityManager;

export interface StoredSecret {
  value: string;
  expiresAt: Date | null;
}

/** Names of the secrets a tenant can have. */
export const SECRET = {
  wecomSecret: 'wecom.secret',
  wecomToken: 'wecom.token',
  dingtalkSecret: 'dingtalk.secret',
  dingtalkToken: 'dingtalk.token',
  robotWebhook: (robotId: string) => `robot.${robotId}.webhook`,
  robotSign: (robotId: string) => `robot.${robotId}.sign`,
  ssoClientSecret: 'sso.client_secret',
} as const;

/**
 * The one accessor of tenant_secret: app secrets, robot webhook URLs and 加签 secrets, cached access
 * tokens. Values are stored encrypted (SM4-CBC + HMAC-SM3, see field-cipher.ts; 商用密码) and
 * decrypted only here. Values never leave the server except through `mask`.
 */
@Injectable()
export class SecretStore {
  private readonly cipher: FieldCipher;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.cipher = fieldCipher(config);
  }

  private open(tenantId: string, name: string, stored: string): string {
    return this.cipher.decrypt(stored, secretContext(tenantId, name));
  }

  async get(db: Db, tenantId: string, name: string): Promise<StoredSecret | null> {
    const row = await one<{ value: string; expires_at: Date | null }>(
      db,
      `SELECT value, expires_at FROM tenant_secret WHERE tenant_id = $1 AND name = $2`,
      [tenantId, name],
    );
    return row ? { value: this.open(tenantId, name, row.value), expiresAt: row.expires_at } : null;
  }

  async value(db: Db, tenantId: string, name: string): Promise<string | null> {
    return (await this.get(db, tenantId, name))?.value ?? null;
  }

  /** Which of these names are set (for settings screens that show "已设置" without the value). */
  async present(db: Db, tenantId: string, names: string[]): Promise<Map<string, string>> {
    const found = await rows<{ name: string; value: string }>(
      db,
      `SELECT name, value FROM tenant_secret WHERE tenant_id = $1 AND name = ANY($2::text[])`,
      [tenantId, names],
    );
    return new Map(found.map((r) => [r.name, this.open(tenantId, r.name, r.value)]));
  }

  async set(db: Db, tenantId: string, name: string, value: string, expiresAt: Date | null = null): Promise<void> {
    await db.query(
      `INSERT INTO tenant_secret (tenant_id, name, value, expires_at, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant_id, name) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at, updated_at = now()`,
      [tenantId, name, this.cipher.encrypt(value, secretContext(tenantId, name)), expiresAt],
    );
  }

  async remove(db: Db, tenantId: string, names: string[]): Promise<void> {
    await db.query(`DELETE FROM tenant_secret WHERE tenant_id = $1 AND name = ANY($2::text[])`, [tenantId, names]);
  }
}

/**
 * How a secret is shown to the office admin: enough to recognise it, never enough to use it. A URL keeps
 * its scheme, host and path; its query values (the access_token) are masked like any other secret.
 */
export function maskSecret(value: string): string {
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      const query = [...url.searchParams.entries()].map(([k, v]) => `${k}=${maskSecret(v)}`).join('&');
      return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
    } catch {
      // fall through: masked as plain text
    }
  }
  if (value.length < 12) return '*'.repeat(Math.max(value.length, 6));
  return `${value.slice(0, 4)}${'*'.repeat(6)}${value.slice(-4)}`;
}
