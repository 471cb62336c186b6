import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, badInput, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import { requireRole, type Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/audit.service.js';
import type { ViewerModel } from './dto/viewer.model.js';
import { hashPassword, passwordProblem, readablePassword, verifyPassword } from './password.js';
import { SessionService } from './session.service.js';

/** After this many wrong passwords in a row the account locks for LOCK_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;
/** Each wrong password in a row delays the answer a little more (slows guessing before the lock). */
const DELAY_PER_FAILURE_MS = 250;

const WRONG_CREDENTIALS = '机构代码、用户名或密码错误';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async signIn(input: { tenantCode: string; username: string; password: string }, meta: { ip?: string; userAgent?: string }) {
    const tenantCode = input.tenantCode.trim().toLowerCase();
    const username = input.username.trim();
    if (!tenantCode || !username || !input.password) throw badInput('请输入机构代码、用户名和密码');
    const rows = await this.dataSource.query(
      `SELECT u.tenant_id, u.id, u.password_hash, u.failed_logins, u.locked_until, u.active
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id
        WHERE t.code = $1 AND u.username = $2`,
      [tenantCode.slice(0, 40), username.slice(0, 64)],
    );
    const user = rows[0];
    if (!user) {
      // Same work and a similar delay as a wrong password, so usernames cannot be probed.
      await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000', input.password);
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    if (!user.active) {
      // Only someone who knows the password learns the account exists and is deactivated, and whom to ask.
      if (await verifyPassword(user.password_hash, input.password)) throw new AppError('UNAUTHENTICATED', await this.deactivatedMessage(user.tenant_id));
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    if (user.locked_until && new Date(user.locked_until) > new Date()) {
      throw new AppError('UNAUTHENTICATED', `连续登录失败次数过多，账户已锁定，请 ${LOCK_MINUTES} 分钟后再试`);
    }
    if (user.failed_logins > 0) await sleep(Math.min(user.failed_logins * DELAY_PER_FAILURE_MS, 2000));
    if (!(await verifyPassword(user.password_hash, input.password))) {
      const { failed_logins } = (await one<{ failed_logins: number }>(
        this.dataSource,
        `UPDATE app_user SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= $3 THEN now() + make_interval(mins => $4) ELSE locked_until END
          WHERE tenant_id = $1 AND id = $2 RETURNING failed_logins`,
        [user.tenant_id, user.id, MAX_FAILED_SIGN_INS, LOCK_MINUTES],
      ))!;
      if (failed_logins >= MAX_FAILED_SIGN_INS) {
        throw new AppError('UNAUTHENTICATED', `连续登录失败次数过多，账户已锁定，请 ${LOCK_MINUTES} 分钟后再试`);
      }
      throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    }
    await this.dataSource.query(`UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_sign_in_at = now() WHERE tenant_id = $1 AND id = $2`, [
      user.tenant_id,
      user.id,
    ]);
    return this.sessions.create(user.tenant_id, user.id, meta);
  }

  /** Names the tenant's office admins (with a phone when recorded) as the people to contact. */
  private async deactivatedMessage(tenantId: string): Promise<string> {
    const admins = await rows<{ display_name: string; phone: string | null }>(
      this.dataSource,
      `SELECT display_name, phone FROM app_user WHERE tenant_id = $1 AND role = 'OFFICE_ADMIN' AND active ORDER BY created_at LIMIT 2`,
      [tenantId],
    );
    const who = admins.map((a) => (a.phone ? `${a.display_name}（${a.phone}）` : a.display_name)).join('、');
    return `该账号已停用，不能登录。如需恢复，请联系政务公开办公室管理员${who ? `：${who}` : ''}`;
  }

  async describe(viewer: Viewer): Promise<ViewerModel> {
    const [row] = await this.dataSource.query(
      `SELECT t.name AS tenant_name, un.name AS unit_name, u.must_change_password
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id
         LEFT JOIN unit un ON un.tenant_id = u.tenant_id AND un.id = u.unit_id
        WHERE u.tenant_id = $1 AND u.id = $2`,
      [viewer.tenantId, viewer.userId],
    );
    return {
      id: viewer.userId,
      username: viewer.username,
      displayName: viewer.displayName,
      role: viewer.role,
      tenantId: viewer.tenantId,
      tenantName: row.tenant_name,
      unitId: viewer.unitId,
      unitName: row.unit_name,
      csrfToken: viewer.csrfToken,
      mustChangePassword: row.must_change_password,
    };
  }

  async changePassword(viewer: Viewer, currentPassword: string, newPassword: string) {
    const [row] = await this.dataSource.query(`SELECT password_hash FROM app_user WHERE tenant_id = $1 AND id = $2`, [
      viewer.tenantId,
      viewer.userId,
    ]);
    if (!(await verifyPassword(row.password_hash, currentPassword))) throw badInput('当前密码不正确', 'currentPassword');
    const problem = passwordProblem(newPassword);
    if (problem) throw badInput(problem, 'newPassword');
    if (newPassword === currentPassword) throw badInput('新密码不能与当前密码相同', 'newPassword');
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE app_user SET password_hash = $3, must_change_password = false, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, viewer.userId, passwordHash],
      );
      await this.audit.record(m, viewer, { entityType: 'user', entityId: viewer.userId, action: 'password.change' });
    });
    // Other browsers signed in as this user are signed out; this one stays.
    await this.sessions.destroyAllOf(viewer.tenantId, viewer.userId, viewer.sessionId);
  }

  /** Office admin sets a one-time password; the user must change it at next sign-in. Returns it once. */
  async resetPassword(viewer: Viewer, userId: string): Promise<string> {
    requireRole(viewer, ['OFFICE_ADMIN'], '只有管理员可以重置密码');
    const temporary = readablePassword();
    const passwordHash = await hashPassword(temporary);
    await this.dataSource.transaction(async (m) => {
      const updated = await rows(
        m,
        `UPDATE app_user SET password_hash = $3, must_change_password = true, failed_logins = 0, locked_until = NULL,
                version = version + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 RETURNING id`,
        [viewer.tenantId, userId, passwordHash],
      );
      if (!updated.length) throw notFound('用户');
      await this.audit.record(m, viewer, { entityType: 'user', entityId: userId, action: 'password.reset' });
    });
    await this.sessions.destroyAllOf(viewer.tenantId, userId);
    return temporary;
  }
}
