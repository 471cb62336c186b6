import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { one } from '../../common/sql.js';
import { logger } from '../../logging/logger.js';
import { AuditService, type AuditOrigin } from '../audit/index.js';

/**
 * Failed sign-ins in the tenant's audit log (等保 安全审计): who tried (the account when it exists,
 * otherwise the name typed), from where, and why it failed in the log's words (the person only ever
 * reads the one answer that tells nothing). A wrong password or
 * second-factor code that locked the account records the lock.
 * An unknown 机构代码 has no tenant to record into; the application log keeps it.
 */
@Injectable()
export class SignInAuditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async failed(attempt: { tenantCode: string; username: string }, origin: AuditOrigin, error: unknown): Promise<void> {
    const reason = ((error as { detail?: string }).detail ?? (error as Error).message ?? 'unknown').slice(0, 200);
    try {
      const tenantCode = attempt.tenantCode.trim().toLowerCase().slice(0, 40);
      const username = attempt.username.trim().slice(0, 64);
      const found = await one<{ tenant_id: string; user_id: string | null; locked_until: Date | null }>(
        this.dataSource,
        `SELECT t.id AS tenant_id, u.id AS user_id, u.locked_until
           FROM tenant t LEFT JOIN app_user u ON u.tenant_id = t.id AND u.username = $2
          WHERE t.code = $1`,
        [tenantCode, username],
      );
      if (!found) {
        logger().info({ tenantCode, reason, ip: origin.ip }, 'sign-in failed for an unknown tenant');
        return;
      }
      const userId = found.user_id;
      // Wrong second-factor codes count toward the lock like wrong passwords, so either may set it.
      const counted = reason === 'wrong password' || reason === 'wrong second factor';
      const lockedNow = counted && !!found.locked_until && found.locked_until > new Date();
      await this.audit.record(
        this.dataSource.manager,
        { tenantId: found.tenant_id, userId: null },
        [
          {
            entityType: userId ? 'user' : 'tenant',
            entityId: userId ?? found.tenant_id,
            action: 'sign_in',
            result: 'failure',
            after: { username, reason },
          },
          ...(lockedNow
            ? [
                {
                  entityType: 'user',
                  entityId: userId!,
                  action: 'account.lock',
                  after: { username, lockedUntil: found.locked_until },
                },
              ]
            : []),
        ],
        origin,
      );
    } catch (auditError) {
      // The person's answer must not change because the record could not be written; the log says so.
      logger().error({ err: auditError, reason }, 'failed sign-in not audited');
    }
  }
}
