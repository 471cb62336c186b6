import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../logging/logger.js';
import { appendAudit, type AuditEntry, type SqlRows } from './audit-chain.js';
import { auditKey } from './audit-key.js';

export type { AuditEntry } from './audit-chain.js';

/** Where a request came from, recorded with what it did. */
export interface AuditOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

export const managerSql =
  (manager: Pick<EntityManager, 'query'>): SqlRows =>
  (text, params) =>
    rows(manager, text, params);

/**
 * Writes audit rows inside the caller's transaction, so a change and its record commit together, and
 * chains them (audit-chain.ts). A caller outside a transaction gets one of its own.
 */
@Injectable()
export class AuditService {
  private readonly key: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = auditKey(config);
    if (!config.auditHmacKey && config.nodeEnv === 'production')
      logger().warn(
        'AUDIT_HMAC_KEY is not set: the audit chain uses the key made in DATA_DIR, which other API processes do not share',
      );
  }

  /** The chain's key, for the check that recomputes it. */
  get chainKey(): string {
    return this.key;
  }

  async record(
    manager: EntityManager,
    viewer: Pick<Viewer, 'tenantId' | 'userId'> | { tenantId: string; userId: null },
    entries: AuditEntry | AuditEntry[],
    origin: AuditOrigin = {},
  ) {
    const all = Array.isArray(entries) ? entries : [entries];
    const subject = { tenantId: viewer.tenantId, actorId: viewer.userId, ip: origin.ip, userAgent: origin.userAgent };
    if (manager.queryRunner?.isTransactionActive) return appendAudit(managerSql(manager), this.key, subject, all);
    return manager.transaction((m) => appendAudit(managerSql(m), this.key, subject, all));
  }
}
