import { watermarkLabel } from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, badInput, notFound } from '../../common/app-error.js';
import { personalData } from '../../common/crypto/personal-data.js';
import { one, rows } from '../../common/sql.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { rolesOf, type Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { accountRoles, checkAccountDuty } from './account-duty.js';
import type { ViewerModel } from './dto/viewer.model.js';
import {
  hashPassword,
  ONE_TIME_PASSWORD_HOURS,
  passwordHashAlgorithm,
  readablePassword,
  verifyPassword,
} from './password.js';
import { describePasswordRule } from './security-policy.js';
import { SecurityPolicyService } from './security-policy.service.js';
import { TwoFactorService } from './two-factor.service.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';

/** After this many wrong passwords in a row the account locks, first for LOCK_MINUTES, then twice as long each time. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
const MAX_LOCK_MINUTES = 24 * 60;
/** Each wrong password in a row delays the answer a little more (slows guessing before the lock). */
const DELAY_PER_FAILURE_MS = 250;

/** One answer for every failed sign-in, so nothing tells a wrong password from an unknown user or a lock. */
export const PASSWORDS_OFF = '本机构已启用统一身份认证，请点击“统一身份认证登录”';
export const TOTP_REQUIRED = '请输入身份验证器（手机应用）上的 6 位动态验证码';
export const TOTP_INVALID = '动态验证码不正确或已使用过，请输入最新的验证码（或一个未用过的恢复码）';
export const SIGN_IN_FAILED = '机构代码、用户名或密码错误，或尝试次数过多，请稍后再试';
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly throttle: SignInThrottleService,
    private readonly policy: SecurityPolicyService,
    private readonly twoFactor: TwoFactorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every attempt is counted before the password is checked (per client address, per tenant, per
   * account), each in one statement that refuses it while its source is blocked: parallel guesses
   * cannot outrun the limits. A locked-out office admin gets in with `npm run cli -- user reset-password`.
   */
  async signIn(
    input: { tenantCode: string; username: string; password: string; totpCode?: string | null },
    meta: { ip?: string; userAgent?: string },
  ) {
    const tenantCode = input.tenantCode.trim().toLowerCase().slice(0, 40);
    const username = input.username.trim().slice(0, 64);
    if (!tenantCode || !username || !input.password) throw badInput('请输入机构代码、用户名和密码');
    const sources = [
      { scope: 'ip' as const, key: meta.ip ?? 'unknown' },
      { scope: 'tenant' as const, key: tenantCode },
    ];
    if (await this.passwordsRefused(tenantCode))
      throw new AppError('UNAUTHENTICATED', PASSWORDS_OFF, { detail: 'passwords off, single sign-on only' });
    const sourcesAdmitted = await this.throttle.admit(sources);
    const user = await one<{
      tenant_id: string;
      id: string;
      password_hash: string;
      failed_logins: number;
      active: boolean;
      password_expires_at: Date | null;
    }>(
      this.dataSource,
      `SELECT u.tenant_id, u.id, u.password_hash, u.failed_logins, u.active, u.password_expires_at
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id
        WHERE t.code = $1 AND u.username = $2`,
      [tenantCode, username],
    );
    // The account's attempt is counted (and its lock set on the last allowed one) before verifying;
    // a deactivated account's too, so its password cannot be guessed faster than an active one's.
    const counted =
      sourcesAdmitted && user
        ? await one<{ failed_logins: number }>(
            this.dataSource,
            `UPDATE app_user SET failed_logins = failed_logins + 1,
                    locked_until = CASE WHEN failed_logins + 1 >= $3
                      THEN now() + make_interval(mins => least($5, $4 * power(2, least(20, failed_logins + 1 - $3)))::int) ELSE locked_until END
              WHERE tenant_id = $1 AND id = $2 AND (locked_until IS NULL OR locked_until <= now())
              RETURNING failed_logins`,
            [user.tenant_id, user.id, MAX_FAILED_SIGN_INS, LOCK_MINUTES, MAX_LOCK_MINUTES],
          )
        : null;
    if (!user || !counted) {
      // Same work as a wrong password, so neither a username nor a lock can be probed.
      await verifyPassword(DUMMY_HASH, input.password);
      throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED, {
        detail: !user ? 'unknown user' : sourcesAdmitted ? 'account locked' : 'throttled',
      });
    }
    if (counted.failed_logins > 1) await sleep(Math.min((counted.failed_logins - 1) * DELAY_PER_FAILURE_MS, 2000));
    if (!(await verifyPassword(user.password_hash, input.password)))
      throw new AppError('UNAUTHENTICATED', SIGN_IN_FAILED, { detail: 'wrong password' });
    // The right password: from here on the answer may differ, since only the account's owner sees it.
    const expired = !!user.password_expires_at && new Date(user.password_expires_at) <= new Date();
    // An enrolled account's sign-in succeeds only with its second factor: the right password alone
    // neither resets the lock counter (wrong codes lock the account like wrong passwords) nor signs in.
    if (user.active && !expired && (await this.twoFactor.enrolled(user.tenant_id, user.id))) {
      const code = input.totpCode?.trim().slice(0, 40);
      if (!code)
        throw new AppError('UNAUTHENTICATED', TOTP_REQUIRED, {
          detail: 'second factor required',
          extensions: { reason: 'TOTP_REQUIRED' },
        });
      if (!(await this.twoFactor.verify(user.tenant_id, user.id, code)))
        throw new AppError('UNAUTHENTICATED', TOTP_INVALID, {
          detail: 'wrong second factor',
          extensions: { reason: 'TOTP_INVALID' },
        });
    }
    const signsIn = user.active && !expired;
    // PASSWORD_HASH changed since this hash was made: the password is at hand once, so it is rehashed now.
    const rehashed =
      signsIn && passwordHashAlgorithm(user.password_hash) !== this.config.passwordHash
        ? await hashPassword(input.password, this.config.passwordHash)
        : null;
    await this.dataSource.query(
      `UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_sign_in_at = CASE WHEN $3 THEN now() ELSE last_sign_in_at END,
              password_hash = COALESCE($4, password_hash) WHERE tenant_id = $1 AND id = $2`,
      [user.tenant_id, user.id, signsIn, rehashed],
    );
    await this.throttle.succeeded(sources);
    // The person learns the account is deactivated and whom to ask.
    if (!user.active)
      throw new AppError('UNAUTHENTICATED', await this.deactivatedMessage(user.tenant_id), { detail: 'deactivated' });
    if (expired)
      throw new AppError('UNAUTHENTICATED', '一次性密码已过期，请联系管理员重新设置', {
        detail: 'one-time password expired',
      });
    return this.sessions.create(user.tenant_id, user.id, meta);
  }

  /** The tenant signs in only through its 统一身份认证 platform (turned back with `npm run cli -- tenant sso`). */
  private async passwordsRefused(tenantCode: string): Promise<boolean> {
    const row = await one<{ '?column?': number }>(
      this.dataSource,
      `SELECT 1 FROM tenant_sso s JOIN tenant t ON t.id = s.tenant_id WHERE t.code = $1 AND s.enabled AND NOT s.password_allowed`,
      [tenantCode],
    );
    return !!row;
  }

  /** Names the tenant's office admins (with a phone when recorded) as the people to contact. */
  async deactivatedMessage(tenantId: string): Promise<string> {
    const admins = await rows<{ id: string; display_name: string; phone: string | null }>(
      this.dataSource,
      `SELECT id, display_name, phone FROM app_user WHERE tenant_id = $1 AND role = 'OFFICE_ADMIN' AND active ORDER BY created_at LIMIT 2`,
      [tenantId],
    );
    const people = personalData(this.config);
    // Whole: the admins' number is there to be called.
    const who = admins
      .map((a) => {
        const phone = people.open(tenantId, a.id, 'phone', a.phone);
        return phone ? `${a.display_name}（${phone}）` : a.display_name;
      })
      .join('、');
    return `该账号已停用，不能登录。如需恢复，请联系政务公开办公室管理员${who ? `：${who}` : ''}`;
  }

  async describe(viewer: Viewer): Promise<ViewerModel> {
    const policy = await this.policy.get(viewer.tenantId);
    const row = (await one<{
      tenant_name: string;
      tenant_demo: boolean;
      unit_name: string | null;
      must_change_password: boolean;
      via_sso: boolean | null;
    }>(
      this.dataSource,
      `SELECT t.name AS tenant_name, t.demo AS tenant_demo, un.name AS unit_name, u.must_change_password,
              (SELECT s.via_sso FROM user_session s WHERE s.tenant_id = u.tenant_id AND s.id = $3) AS via_sso
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id
         LEFT JOIN unit un ON un.tenant_id = u.tenant_id AND un.id = u.unit_id
        WHERE u.tenant_id = $1 AND u.id = $2`,
      [viewer.tenantId, viewer.userId, viewer.sessionId],
    ))!;
    return {
      id: viewer.userId,
      username: viewer.username,
      displayName: viewer.displayName,
      role: viewer.role,
      roles: [...rolesOf(viewer)],
      tenantId: viewer.tenantId,
      tenantName: row.tenant_name,
      tenantDemo: row.tenant_demo,
      unitId: viewer.unitId,
      unitName: row.unit_name,
      csrfToken: viewer.csrfToken,
      mustChangePassword: row.must_change_password || !!viewer.passwordExpired,
      ssoLogoutPath: row.via_sso ? `/auth/sso/logout?tenant=${viewer.tenantId}` : null,
      passwordExpired: !!viewer.passwordExpired,
      twoFactorEnabled: await this.twoFactor.enrolled(viewer.tenantId, viewer.userId),
      mustEnrolTwoFactor: !!viewer.mustEnrolTwoFactor,
      passwordRule: describePasswordRule(policy),
      sessionIdleMinutes: policy.sessionIdleMinutes,
      watermark: policy.watermark ? watermarkLabel(viewer) : null,
    };
  }

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string) {
    const row = (await one<{ password_hash: string }>(
      this.dataSource,
      `SELECT password_hash FROM app_user WHERE tenant_id = $1 AND id = $2`,
      [viewer.tenantId, viewer.userId],
    ))!;
    if (!(await verifyPassword(row.password_hash, currentPassword)))
      throw badInput('当前密码不正确', 'currentPassword');
    await this.policy.checkNewPassword(
      this.dataSource,
      viewer.tenantId,
      { id: viewer.userId, username: viewer.username },
      newPassword,
      'newPassword',
    );
    const passwordHash = await hashPassword(newPassword, this.config.passwordHash);
    await this.dataSource.transaction(async (m) => {
      await this.policy.rememberReplaced(m, viewer.tenantId, viewer.userId);
      await m.query(
        `UPDATE app_user SET password_hash = $3, must_change_password = false, password_expires_at = NULL, password_changed_at = now(),
                version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, viewer.userId, passwordHash],
      );
      await this.audit.record(m, viewer, { entityType: 'user', entityId: viewer.userId, action: 'password.change' });
    });
    // Other browsers signed in as this user are signed out; this one stays.
    await this.sessions.destroyAllOf(viewer.tenantId, viewer.userId, viewer.sessionId);
  }

  /** An admin sets a one-time password; the user must change it at next sign-in. Returns it once. */
  async resetPassword(viewer: Viewer, userId: string): Promise<string> {
    await checkAccountDuty(this.dataSource, viewer, userId);
    const temporary = readablePassword(await this.policy.get(viewer.tenantId));
    const passwordHash = await hashPassword(temporary, this.config.passwordHash);
    await this.dataSource.transaction(async (m) => {
      await this.policy.rememberReplaced(m, viewer.tenantId, userId);
      const updated = await rows<{ id: string }>(
        m,
        `UPDATE app_user SET password_hash = $3, must_change_password = true, failed_logins = 0, locked_until = NULL,
                password_expires_at = now() + make_interval(hours => $4), password_changed_at = now(), version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [viewer.tenantId, userId, passwordHash, ONE_TIME_PASSWORD_HOURS],
      );
      if (!updated.length) throw notFound('用户');
      await this.audit.record(m, viewer, { entityType: 'user', entityId: userId, action: 'password.reset' });
    });
    await this.sessions.destroyAllOf(viewer.tenantId, userId);
    return temporary;
  }

  /** The security admin lifts an account's lock (too many wrong passwords); the password stays as it is. */
  async unlock(viewer: Viewer, userId: string): Promise<boolean> {
    await this.dataSource.transaction(async (m) => {
      await accountRoles(m, viewer.tenantId, userId);
      const unlocked = await rows<{ was_locked: boolean }>(
        m,
        `UPDATE app_user u SET failed_logins = 0, locked_until = NULL
           FROM app_user old WHERE old.tenant_id = u.tenant_id AND old.id = u.id AND u.tenant_id = $1 AND u.id = $2
         RETURNING (old.locked_until IS NOT NULL AND old.locked_until > now()) AS was_locked`,
        [viewer.tenantId, userId],
      );
      await this.audit.record(m, viewer, {
        entityType: 'user',
        entityId: userId,
        action: 'unlock',
        note: unlocked[0].was_locked ? null : 'was not locked',
      });
    });
    return true;
  }
}
