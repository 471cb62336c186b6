import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/viewer.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { logger } from '../../logging/logger.js';
import { appendAudit, type AuditEntry } from './audit-chain.js';
import { AuditSealer, managerSql } from './audit-sealer.js';

export type { AuditEntry } from './audit-chain.js';
export { managerSql } from './audit-sealer.js';

/** Where a request came from, recorded with what it did. */
export interface AuditOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

/**
 * Writes audit rows inside the caller's transaction, so a change and its record commit together: one
 * INSERT that takes no lock, the record sealed into the tenant's chain once the transaction commits
 * (audit-sealer.ts). Outside a transaction the INSERT stands alone.
 */
@Injectable()
export class AuditService {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sealer: AuditSealer,
  ) {
    if (!config.auditHmacKey && config.nodeEnv === 'production')
      logger().warn(
        'AUDIT_HMAC_KEY is not set: the audit chain uses the key made in DATA_DIR, which other API processes do not share',
      );
  }

  /** The chain's key, for the check that recomputes it. */
  get chainKey(): string {
    return this.sealer.key;
  }

  async record(
    manager: EntityManager,
    viewer: Pick<Viewer, 'tenantId' | 'userId'> | { tenantId: string; userId: null },
    entries: AuditEntry | AuditEntry[],
    origin: AuditOrigin = {},
  ): Promise<void> {
    const all = Array.isArray(entries) ? entries : [entries];
    if (!all.length) return;
    const subject = { tenantId: viewer.tenantId, actorId: viewer.userId, ip: origin.ip, userAgent: origin.userAgent };
    await appendAudit(managerSql(manager), this.sealer.key, subject, all);
    this.sealer.sealAfterCommit(manager, viewer.tenantId);
  }
}
