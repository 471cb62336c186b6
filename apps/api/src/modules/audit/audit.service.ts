import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../../common/viewer.js';

export interface AuditEntry {
  entityType: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/** Writes audit rows inside the caller's transaction, so a change and its record commit together. */
@Injectable()
export class AuditService {
  async record(
    manager: EntityManager,
    viewer: Pick<Viewer, 'tenantId' | 'userId'> | { tenantId: string; userId: null },
    entries: AuditEntry | AuditEntry[],
  ) {
    const all = Array.isArray(entries) ? entries : [entries];
    // PostgreSQL allows 65535 bind parameters per statement: 8 per row, so chunks of 1000 rows.
    for (let start = 0; start < all.length; start += 1000)
      await this.insert(manager, viewer.tenantId, viewer.userId, all.slice(start, start + 1000));
  }

  private async insert(manager: EntityManager, tenantId: string, actorId: string | null, list: AuditEntry[]) {
    const values: unknown[] = [];
    const rows = list.map((e, i) => {
      values.push(tenantId, actorId, e.entityType, e.entityId, e.action, json(e.before), json(e.after), e.note ?? null);
      const o = i * 8;
      return `($${o + 1}, $${o + 2}, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}::jsonb, $${o + 7}::jsonb, $${o + 8})`;
    });
    await manager.query(
      `INSERT INTO audit_log (tenant_id, actor_id, entity_type, entity_id, action, before, after, note) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
