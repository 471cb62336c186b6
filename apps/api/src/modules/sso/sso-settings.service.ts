import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { conflict } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AuditService } from '../audit/index.js';
import { maskSecret, SECRET, SecretStore } from '../messaging/index.js';
import type { SsoSettingsModel, UpdateSsoSettingsInput } from './dto/sso-settings.model.js';
import { checkSsoSettings, type SsoMatchField, type SsoSettings } from './sso-settings.js';

type Db = DataSource | EntityManager;

interface SsoRow {
  enabled: boolean;
  issuer: string;
  client_id: string;
  claim: string;
  match_field: SsoMatchField;
  password_allowed: boolean;
  create_users: boolean;
  default_role: SsoSettings['defaultRole'];
  version: number;
}

/** A tenant's provider as the sign-in flow needs it. */
export interface SsoProvider extends SsoSettings {
  tenantId: string;
  clientSecret: string | null;
}

export const SSO_CALLBACK_PATH = '/auth/sso/callback';

const toSettings = (r: SsoRow): SsoSettings => ({
  enabled: r.enabled,
  issuer: r.issuer,
  clientId: r.client_id,
  claim: r.claim,
  matchField: r.match_field,
  passwordAllowed: r.password_allowed,
  createUsers: r.create_users,
  defaultRole: r.default_role,
});

/** The office admin's 统一身份认证 settings (tenant_sso; the client secret in tenant_secret). */
@Injectable()
export class SsoSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretStore,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private row(db: Db, tenantId: string, lock = false) {
    return one<SsoRow>(db, `SELECT * FROM tenant_sso WHERE tenant_id = $1${lock ? ' FOR UPDATE' : ''}`, [tenantId]);
  }

  /** The redirect URI registered at the provider; PUBLIC_URL when set, else the address the request came to. */
  redirectUri(requestOrigin: string | null): string {
    return `${this.config.publicUrl ?? requestOrigin ?? ''}${SSO_CALLBACK_PATH}`;
  }

  async read(viewer: Viewer, requestOrigin: string | null): Promise<SsoSettingsModel> {
    const row = await this.row(this.dataSource, viewer.tenantId);
    const secret = await this.secrets.value(this.dataSource, viewer.tenantId, SECRET.ssoClientSecret);
    const settings = row
      ? toSettings(row)
      : {
          enabled: false,
          issuer: '',
          clientId: '',
          claim: 'preferred_username',
          matchField: 'USERNAME' as const,
          passwordAllowed: true,
          createUsers: false,
          defaultRole: 'UNIT_LIAISON' as const,
        };
    return {
      ...settings,
      clientSecretMasked: secret ? maskSecret(secret) : null,
      redirectUri: this.redirectUri(requestOrigin),
      version: row?.version ?? 0,
    };
  }

  async update(viewer: Viewer, input: UpdateSsoSettingsInput, requestOrigin: string | null): Promise<SsoSettingsModel> {
    const checked = checkSsoSettings(input, this.config.nodeEnv !== 'production');
    await this.dataSource.transaction(async (m) => {
      const before = await this.row(m, viewer.tenantId, true);
      if ((before?.version ?? 0) !== input.version) throw conflict('统一身份认证设置已被他人修改，请刷新后重试');
      await m.query(
        `INSERT INTO tenant_sso (tenant_id, enabled, issuer, client_id, claim, match_field, password_allowed, create_users, default_role)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id) DO UPDATE SET enabled = $2, issuer = $3, client_id = $4, claim = $5, match_field = $6,
           password_allowed = $7, create_users = $8, default_role = $9, version = tenant_sso.version + 1, updated_at = now()`,
        [
          viewer.tenantId,
          checked.enabled,
          checked.issuer,
          checked.clientId,
          checked.claim,
          checked.matchField,
          checked.passwordAllowed,
          checked.createUsers,
          checked.defaultRole,
        ],
      );
      const secretChanged = !!input.clientSecret?.trim();
      if (secretChanged) await this.secrets.set(m, viewer.tenantId, SECRET.ssoClientSecret, input.clientSecret!.trim());
      await this.audit.record(m, viewer, {
        entityType: 'tenant',
        entityId: viewer.tenantId,
        action: 'sso.settings',
        before: before ? toSettings(before) : null,
        // The secret itself never goes into the audit log.
        after: { ...checked, clientSecretChanged: secretChanged },
      });
    });
    return this.read(viewer, requestOrigin);
  }

  /** The tenant's provider by 机构代码 or id, whether or not it is enabled; null when none is configured. */
  async provider(by: { tenantCode: string } | { tenantId: string }): Promise<SsoProvider | null> {
    const row = await one<SsoRow & { tenant_id: string }>(
      this.dataSource,
      'tenantCode' in by
        ? `SELECT s.* FROM tenant_sso s JOIN tenant t ON t.id = s.tenant_id WHERE t.code = $1`
        : `SELECT s.* FROM tenant_sso s WHERE s.tenant_id = $1`,
      ['tenantCode' in by ? by.tenantCode.trim().toLowerCase().slice(0, 40) : by.tenantId],
    );
    if (!row) return null;
    const clientSecret = await this.secrets.value(this.dataSource, row.tenant_id, SECRET.ssoClientSecret);
    return { ...toSettings(row), tenantId: row.tenant_id, clientSecret };
  }
}
