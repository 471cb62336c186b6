import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, badInput, notFound } from '../../common/app-error.js';
import type { FieldCipher } from '../../common/crypto/field-cipher.js';
import { fieldCipher } from '../../common/crypto/field-keys.js';
import { qrCode } from '../../common/heavy-libraries.js';
import { secretHash } from '../../common/secret-hash.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { AuditService } from '../audit/index.js';
import { SessionService } from './session.service.js';
import { openTotpSecret, sealTotpSecret } from './totp-seal.js';
import { newRecoveryCodes, newTotpSecret, normalRecoveryCode, totpStep, totpUri } from './totp.js';

type Db = DataSource | EntityManager;
const ISSUER = '督办';

/**
 * Two-factor sign-in (TOTP, RFC 6238): enrolment with a QR code and recovery codes shown once, the
 * check at sign-in (each code once), and the security admin's reset. Secrets are sealed at rest
 * with SM4 (totp-seal.ts); recovery codes are stored as hashes only.
 */
@Injectable()
export class TwoFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.cipher = fieldCipher(config);
  }

  private readonly cipher: FieldCipher;
  private seal = (secret: string, tenantId: string, userId: string) =>
    sealTotpSecret(this.cipher, secret, tenantId, userId);
  private open = (sealed: string, tenantId: string, userId: string) =>
    openTotpSecret(this.cipher, sealed, tenantId, userId);

  async enrolled(tenantId: string, userId: string, db: Db = this.dataSource): Promise<boolean> {
    const row = await one(
      db,
      `SELECT 1 FROM user_totp WHERE tenant_id = $1 AND user_id = $2 AND enabled_at IS NOT NULL`,
      [tenantId, userId],
    );
    return !!row;
  }

  /** Starts (or starts again) an enrolment: a new secret waits for its first code. */
  async begin(viewer: Viewer) {
    if (await this.enrolled(viewer.tenantId, viewer.userId))
      throw badInput('已启用两步验证；如需更换手机，请联系安全管理员重置');
    const tenant = (await one<{ code: string }>(this.dataSource, `SELECT code FROM tenant WHERE id = $1`, [
      viewer.tenantId,
    ]))!;
    const secret = newTotpSecret();
    await this.dataSource.query(
      `INSERT INTO user_totp (tenant_id, user_id, secret_sealed) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id, user_id) DO UPDATE SET secret_sealed = $3, enabled_at = NULL, last_step = NULL, created_at = now()`,
      [viewer.tenantId, viewer.userId, this.seal(secret, viewer.tenantId, viewer.userId)],
    );
    const uri = totpUri(secret, ISSUER, `${viewer.username}@${tenant.code}`);
    return { secret, uri, qrDataUrl: await qrCode().toDataURL(uri, { margin: 1, width: 220 }) };
  }

  /** The first code proves the app holds the secret: two-factor is on, and the recovery codes are shown once. */
  async confirm(viewer: Viewer, code: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.dataSource.transaction(async (m) => {
      const row = await one<{ secret_sealed: string; enabled_at: Date | null }>(
        m,
        `SELECT secret_sealed, enabled_at FROM user_totp WHERE tenant_id = $1 AND user_id = $2 FOR UPDATE`,
        [viewer.tenantId, viewer.userId],
      );
      if (!row || row.enabled_at) throw badInput('请先扫描二维码开始绑定');
      const step = totpStep(this.open(row.secret_sealed, viewer.tenantId, viewer.userId), code, new Date());
      if (step === null) throw badInput('验证码不正确，请核对手机时间后输入身份验证器上当前的 6 位数字', 'code');
      await m.query(`UPDATE user_totp SET enabled_at = now(), last_step = $3 WHERE tenant_id = $1 AND user_id = $2`, [
        viewer.tenantId,
        viewer.userId,
        step,
      ]);
      await m.query(`DELETE FROM user_recovery_code WHERE tenant_id = $1 AND user_id = $2`, [
        viewer.tenantId,
        viewer.userId,
      ]);
      await m.query(
        `INSERT INTO user_recovery_code (tenant_id, user_id, code_hash) SELECT $1, $2, unnest($3::text[])`,
        [viewer.tenantId, viewer.userId, codes.map((c) => secretHash(normalRecoveryCode(c)!))],
      );
      await this.audit.record(m, viewer, { entityType: 'user', entityId: viewer.userId, action: 'two-factor.enrol' });
    });
    return codes;
  }

  /**
   * The second factor at sign-in: a current code not used before, or an unused recovery code (then
   * spent). Each check is one conditional statement, so two requests cannot both use the same code.
   */
  async verify(tenantId: string, userId: string, input: string): Promise<'code' | 'recovery' | null> {
    const row = await one<{ secret_sealed: string }>(
      this.dataSource,
      `SELECT secret_sealed FROM user_totp WHERE tenant_id = $1 AND user_id = $2 AND enabled_at IS NOT NULL`,
      [tenantId, userId],
    );
    if (!row) return null;
    const step = totpStep(this.open(row.secret_sealed, tenantId, userId), input, new Date());
    if (step !== null) {
      const used = await rows(
        this.dataSource,
        `UPDATE user_totp SET last_step = $3 WHERE tenant_id = $1 AND user_id = $2 AND (last_step IS NULL OR last_step < $3) RETURNING 1`,
        [tenantId, userId, step],
      );
      return used.length ? 'code' : null;
    }
    const recovery = normalRecoveryCode(input);
    if (!recovery) return null;
    const spent = await rows(
      this.dataSource,
      `UPDATE user_recovery_code SET used_at = now() WHERE tenant_id = $1 AND user_id = $2 AND code_hash = $3 AND used_at IS NULL RETURNING 1`,
      [tenantId, userId, secretHash(recovery)],
    );
    if (spent.length)
      await this.audit.record(
        this.dataSource.manager,
        { tenantId, userId },
        {
          entityType: 'user',
          entityId: userId,
          action: 'two-factor.recovery-code',
        },
      );
    return spent.length ? 'recovery' : null;
  }

  /** Security admin: the person lost the phone. Two-factor is off until they enrol again (at next sign-in, where required). */
  async reset(viewer: Viewer, userId: string): Promise<boolean> {
    if (userId === viewer.userId) throw new AppError('FORBIDDEN', '不能重置自己的两步验证，请由另一位安全管理员操作');
    await this.dataSource.transaction(async (m) => {
      const user = await one(m, `SELECT 1 FROM app_user WHERE tenant_id = $1 AND id = $2`, [viewer.tenantId, userId]);
      if (!user) throw notFound('用户');
      await m.query(`DELETE FROM user_totp WHERE tenant_id = $1 AND user_id = $2`, [viewer.tenantId, userId]);
      await m.query(`DELETE FROM user_recovery_code WHERE tenant_id = $1 AND user_id = $2`, [viewer.tenantId, userId]);
      await this.audit.record(m, viewer, { entityType: 'user', entityId: userId, action: 'two-factor.reset' });
    });
    await this.sessions.destroyAllOf(viewer.tenantId, userId);
    return true;
  }
}
