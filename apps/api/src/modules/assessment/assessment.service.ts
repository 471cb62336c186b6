import { Inject, Injectable } from '@nestjs/common';
import { assessControls, type AssessedControl, type AssessmentState } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { fieldCipher } from '../../common/crypto/field-keys.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AuditLogService } from '../audit/index.js';
import { LOCK_MINUTES, MAX_FAILED_SIGN_INS, SecurityPolicyService } from '../auth/index.js';
import { NightlyBackupService } from '../backup/index.js';
import { UNUSED_DAYS, UnusedAccountsService } from '../user/index.js';

/** The youngest records `npm run cli -- audit archive` may remove (the CLI's MIN_RETENTION_DAYS; 网络安全法 §21). */
const AUDIT_RETENTION_DAYS = 180;

export interface Assessment {
  checkedAt: Date;
  controls: AssessedControl[];
}

/**
 * 等保测评视图: reads the tenant's real settings and state (the 安全策略, accounts, the audit chain
 * checked now, encrypted values at rest, password hashes, the last backup) and judges each control by the
 * level-3 rules in @duban/domain.
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: SecurityPolicyService,
    private readonly auditLog: AuditLogService,
    private readonly unused: UnusedAccountsService,
    private readonly backups: NightlyBackupService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assess(viewer: Viewer): Promise<Assessment> {
    const checkedAt = this.clock.now();
    const policy = await this.policies.get(viewer.tenantId);
    const [accounts, hashes, oldest, secrets, chain, unusedAccounts, backup] = await Promise.all([
      this.accounts(viewer.tenantId, policy.twoFactorRoles),
      rows<{ algorithm: string; count: number }>(
        this.dataSource,
        `SELECT split_part(password_hash, '$', 2) AS algorithm, count(*)::int AS count
           FROM app_user WHERE tenant_id = $1 AND active GROUP BY 1 ORDER BY 1`,
        [viewer.tenantId],
      ),
      one<{ at: Date | null }>(this.dataSource, `SELECT min(at) AS at FROM audit_log WHERE tenant_id = $1`, [
        viewer.tenantId,
      ]),
      this.secrets(viewer.tenantId),
      this.auditLog.checkChain(viewer),
      this.unused.count(viewer),
      this.backups.status(),
    ]);
    const state: AssessmentState = {
      policy,
      lockout: { failures: MAX_FAILED_SIGN_INS, minutes: LOCK_MINUTES },
      twoFactorPending: accounts.two_factor_pending,
      duties: {
        systemAdmins: accounts.system_admins,
        securityAdmins: accounts.security_admins,
        auditors: accounts.auditors,
        combined: accounts.combined,
      },
      oneTimePasswords: accounts.one_time,
      unusedAccounts,
      unusedDays: UNUSED_DAYS.default,
      chain: {
        ok: chain.ok,
        verified: chain.verified,
        pending: chain.pending,
        breakSeq: chain.firstBreak?.seq ?? null,
        checkedAt,
      },
      oldestAuditAt: oldest?.at ?? null,
      retentionDays: AUDIT_RETENTION_DAYS,
      secrets,
      passwordHashes: hashes,
      backup: { nightly: this.config.backup.nightly, ageHours: backup.ageHours },
    };
    return { checkedAt, controls: assessControls(state) };
  }

  /** The admin duties' holders and the accounts still owing a password change or a two-factor enrolment. */
  private async accounts(tenantId: string, twoFactorRoles: readonly string[]) {
    return (await one<{
      system_admins: number;
      security_admins: number;
      auditors: number;
      combined: number;
      one_time: number;
      two_factor_pending: number;
    }>(
      this.dataSource,
      `SELECT count(*) FILTER (WHERE u.role = 'OFFICE_ADMIN')::int AS system_admins,
              count(*) FILTER (WHERE u.role = 'SECURITY_ADMIN' OR u.security_admin)::int AS security_admins,
              count(*) FILTER (WHERE u.role = 'SECURITY_AUDITOR')::int AS auditors,
              count(*) FILTER (WHERE u.security_admin)::int AS combined,
              count(*) FILTER (WHERE u.must_change_password)::int AS one_time,
              count(*) FILTER (WHERE (u.role = ANY ($2::text[]) OR (u.security_admin AND 'SECURITY_ADMIN' = ANY ($2::text[])))
                AND NOT EXISTS (SELECT 1 FROM user_totp t WHERE t.tenant_id = u.tenant_id AND t.user_id = u.id AND t.enabled_at IS NOT NULL))::int AS two_factor_pending
         FROM app_user u WHERE u.tenant_id = $1 AND u.active`,
      [tenantId, twoFactorRoles],
    ))!;
  }

  /** Values kept encrypted at rest: how many, how many in clear, how many under a key older than the newest. */
  private async secrets(tenantId: string): Promise<AssessmentState['secrets']> {
    const newestKeyId = fieldCipher(this.config).newestKeyId;
    const row = (await one<{ count: number; plain: number; stale: number }>(
      this.dataSource,
      `WITH sealed(value) AS (
         SELECT value FROM tenant_secret WHERE tenant_id = $1
         UNION ALL SELECT phone FROM app_user WHERE tenant_id = $1 AND coalesce(phone, '') <> ''
         UNION ALL SELECT email FROM app_user WHERE tenant_id = $1 AND coalesce(email, '') <> ''
         UNION ALL SELECT secret_sealed FROM user_totp WHERE tenant_id = $1)
       SELECT count(*)::int AS count,
              count(*) FILTER (WHERE NOT starts_with(value, 'sm4:'))::int AS plain,
              count(*) FILTER (WHERE starts_with(value, 'sm4:') AND NOT starts_with(value, $2))::int AS stale
         FROM sealed`,
      [tenantId, `sm4:${newestKeyId}:`],
    ))!;
    return { count: row.count, plain: row.plain, staleKey: row.stale, newestKeyId };
  }
}
