import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AuditService } from '../audit/index.js';
import { verifyPassword } from './password.js';
import { checkSecurityPolicy } from './security-policy-check.js';
import {
  DEFAULT_SECURITY_POLICY,
  passwordProblem,
  SECURITY_POLICY_BOUNDS,
  type NumericPolicyKey,
  type SecurityPolicy,
} from './security-policy.js';

type Db = DataSource | EntityManager;

/** The columns of tenant_security_policy, by policy key. */
export const POLICY_COLUMNS: Record<NumericPolicyKey, string> = {
  passwordMinLength: 'password_min_length',
  passwordMinClasses: 'password_min_classes',
  passwordHistory: 'password_history',
  passwordMaxAgeDays: 'password_max_age_days',
  sessionIdleMinutes: 'session_idle_minutes',
  sessionMaxHours: 'session_max_hours',
};
const KEYS = Object.keys(POLICY_COLUMNS) as NumericPolicyKey[];
const clamp = (key: NumericPolicyKey, value: number) =>
  Math.min(SECURITY_POLICY_BOUNDS[key].max, Math.max(SECURITY_POLICY_BOUNDS[key].min, value));

/**
 * The security admin's 身份鉴别 policy per tenant, and the password checks every path that sets a
 * password goes through (its rules, and no reuse of the recent ones).
 */
@Injectable()
export class SecurityPolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** What a tenant that never saved a policy has: the 等保 defaults, sessions as the deployment sets them. */
  defaults(): SecurityPolicy {
    return {
      ...DEFAULT_SECURITY_POLICY,
      sessionIdleMinutes: clamp('sessionIdleMinutes', this.config.sessionIdleMinutes),
      sessionMaxHours: clamp('sessionMaxHours', this.config.sessionTtlHours),
    };
  }

  /** The policy's columns as SQL over `alias`, defaults filled in, for queries that read it beside a session. */
  columnsSql(alias: string): string {
    const d = this.defaults();
    // Role codes are the app's own constants, never input: safe to write into the statement.
    const roles = `ARRAY[${d.twoFactorRoles.map((r) => `'${r}'`).join(', ')}]::text[]`;
    return [
      ...KEYS.map((k) => `coalesce(${alias}.${POLICY_COLUMNS[k]}, ${d[k]}) AS "${k}"`),
      `coalesce(${alias}.two_factor_roles, ${roles}) AS "twoFactorRoles"`,
      `coalesce(${alias}.watermark, false) AS "watermark"`,
    ].join(', ');
  }

  async get(tenantId: string, db: Db = this.dataSource): Promise<SecurityPolicy & { version: number }> {
    const row = await one<SecurityPolicy & { version: number }>(
      db,
      `SELECT ${this.columnsSql('p')}, p.version FROM (SELECT 1) x LEFT JOIN tenant_security_policy p ON p.tenant_id = $1`,
      [tenantId],
    );
    return { ...row!, version: row!.version ?? 0 };
  }

  /** `watermark` left out keeps the tenant's current setting (callers from before it existed). */
  async update(
    viewer: Viewer,
    input: Omit<SecurityPolicy, 'watermark'> & { watermark?: boolean | null; version: number },
  ): Promise<SecurityPolicy & { version: number }> {
    await this.dataSource.transaction(async (m) => {
      const before = await this.get(viewer.tenantId, m);
      const checked = checkSecurityPolicy({ ...input, watermark: input.watermark ?? before.watermark });
      const stored = await one(m, `SELECT 1 FROM tenant_security_policy WHERE tenant_id = $1 FOR UPDATE`, [
        viewer.tenantId,
      ]);
      if (before.version !== input.version || (!stored && input.version !== 0))
        throw conflict('安全策略已被他人修改，请刷新后重试');
      const columns = [...KEYS.map((k) => POLICY_COLUMNS[k]), 'two_factor_roles', 'watermark'];
      await m.query(
        `INSERT INTO tenant_security_policy (tenant_id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (tenant_id) DO UPDATE SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')},
           version = tenant_security_policy.version + 1, updated_at = now()`,
        [viewer.tenantId, ...KEYS.map((k) => checked[k]), checked.twoFactorRoles, checked.watermark],
      );
      const { version: _, ...was } = before;
      await this.audit.record(m, viewer, {
        entityType: 'tenant',
        entityId: viewer.tenantId,
        action: 'security-policy.update',
        before: was,
        after: checked,
      });
    });
    return this.get(viewer.tenantId);
  }

  /**
   * Refuses a new password that breaks the tenant's rules or repeats the current one or one of the
   * last `passwordHistory` (each compared by its own hash). `field` names the form field for the message.
   */
  async checkNewPassword(
    db: Db,
    tenantId: string,
    user: { id: string | null; username: string },
    password: string,
    field: string,
  ): Promise<void> {
    const policy = await this.get(tenantId, db);
    const problem = passwordProblem(password, policy, user.username);
    if (problem) throw badInput(problem, field);
    if (!user.id) return;
    const recent = await rows<{ password_hash: string }>(
      db,
      `(SELECT password_hash FROM app_user WHERE tenant_id = $1 AND id = $2)
       UNION ALL
       (SELECT password_hash FROM password_history WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC LIMIT $3)`,
      [tenantId, user.id, policy.passwordHistory],
    );
    for (const r of recent)
      if (await verifyPassword(r.password_hash, password))
        throw badInput(
          policy.passwordHistory
            ? `新密码不能与当前密码或最近 ${policy.passwordHistory} 次使用过的密码相同`
            : '新密码不能与当前密码相同',
          field,
        );
  }

  /**
   * Keeps the hash a user is about to replace, so it cannot come back, and forgets what lies beyond
   * the tenant's count. Call inside the transaction that writes the new hash, before writing it.
   */
  async rememberReplaced(m: EntityManager, tenantId: string, userId: string): Promise<void> {
    const { passwordHistory } = await this.get(tenantId, m);
    await m.query(
      `INSERT INTO password_history (tenant_id, user_id, password_hash) SELECT tenant_id, id, password_hash FROM app_user WHERE tenant_id = $1 AND id = $2`,
      [tenantId, userId],
    );
    await m.query(
      `DELETE FROM password_history WHERE tenant_id = $1 AND user_id = $2 AND id NOT IN (
         SELECT id FROM password_history WHERE tenant_id = $1 AND user_id = $2 ORDER BY created_at DESC, id LIMIT $3)`,
      [tenantId, userId, passwordHistory],
    );
  }
}
