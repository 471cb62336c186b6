import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import { appendItems, type AuditItem } from './audit-chain.js';
import { AuditSealer, managerSql } from './audit-sealer.js';

/** How long a record waits for others of its tenant to share one INSERT. */
const BATCH_MS = 10;

interface Batch {
  items: AuditItem[];
  waiters: { resolve(): void; reject(error: unknown): void }[];
}

/**
 * Records that commit with nothing else (the office reading a unit's task or report) written together:
 * each tenant's records of the last few milliseconds in one INSERT, so a burst of reads costs one write,
 * not one transaction per read. Each caller still waits until its record is stored, so nothing is read
 * unrecorded, and a process that dies loses no acknowledged read.
 */
@Injectable()
export class AuditBatch {
  private readonly batches = new Map<string, Batch>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  record(item: AuditItem): Promise<void> {
    return new Promise((resolve, reject) => {
      const tenantId = item.subject.tenantId;
      const batch = this.batches.get(tenantId) ?? { items: [], waiters: [] };
      batch.items.push(item);
      batch.waiters.push({ resolve, reject });
      this.batches.set(tenantId, batch);
      this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
    });
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const batches = [...this.batches];
    this.batches.clear();
    await runOutsideTenant(() =>
      Promise.all(
        batches.map(async ([tenantId, batch]) => {
          try {
            await runInTenant(tenantId, () =>
              appendItems(managerSql(this.dataSource.manager), this.sealer.key, batch.items),
            );
            batch.waiters.forEach((w) => w.resolve());
            this.sealer.sealAfterCommit(this.dataSource.manager, tenantId);
          } catch (error) {
            batch.waiters.forEach((w) => w.reject(error));
          }
        }),
      ),
    );
  }
}
