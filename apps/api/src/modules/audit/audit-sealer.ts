import { AsyncLocalStorage } from 'node:async_hooks';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { rows } from '../../common/sql.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { runInTenant, runOutsideTenant } from '../../database/tenant-context.js';
import { logger } from '../../logging/logger.js';
import type { SqlRows } from './audit-chain.js';
import { auditKey } from './audit-key.js';
import { sealPending, type SealResult } from './audit-seal.js';

/** How long a seal waits for more commits to take along (a burst of writes is sealed in one go). */
const SEAL_DELAY_MS = 20;
/** How often each process looks for records nobody sealed (a process that died between commit and seal). */
const SWEEP_MS = 10_000;
/** Seals skipped because another process held the head, before leaving the tenant to the sweep. */
const MAX_SKIPS = 3;

/**
 * Set while the sealer works: its statements are background work, not the request's that happened to
 * commit just before (tests that count a request's statements leave them out, see count-statements.ts).
 */
export const sealerAtWork = new AsyncLocalStorage<true>();

export const managerSql =
  (manager: Pick<EntityManager, 'query'>): SqlRows =>
  (text, params) =>
    rows(manager, text, params);

/**
 * Seals audit records (audit-seal.ts) off the request path: a tenant is sealed right after a
 * transaction that wrote its records commits, and every process sweeps now and then for records left
 * behind. Seals of one tenant from several processes skip each other (SKIP LOCKED): nobody waits.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  /** The chain's HMAC-SM3 key (AUDIT_HMAC_KEY, or the one made in DATA_DIR). */
  readonly key: string;
  private readonly waiting = new Set<string>();
  private readonly skips = new Map<string, number>();
  private readonly afterCommit = new WeakMap<QueryRunner, Set<string>>();
  private timer: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private sweeping: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.key = auditKey(config);
    dataSource.subscribers.push({
      afterTransactionCommit: ({ queryRunner }) => {
        if (queryRunner.isTransactionActive) return;
        const tenants = this.afterCommit.get(queryRunner);
        this.afterCommit.delete(queryRunner);
        tenants?.forEach((t) => this.nudge(t));
      },
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.afterCommit.delete(queryRunner);
      },
    });
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(
      () => void (this.sweeping ??= this.sweep().finally(() => (this.sweeping = null))),
      SWEEP_MS,
    ).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([this.running, this.sweeping]);
    // What this process wrote last is sealed before it goes (best effort: the sweep of another takes the rest).
    if (this.waiting.size) await this.sealEach([...this.waiting]);
  }

  /** Seals the tenant once the manager's transaction commits (at once when there is none). */
  sealAfterCommit(manager: EntityManager, tenantId: string): void {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) return this.nudge(tenantId);
    const tenants = this.afterCommit.get(runner) ?? new Set<string>();
    tenants.add(tenantId);
    this.afterCommit.set(runner, tenants);
  }

  /** Seals a tenant's pending records now, waiting for a seal under way: what the chain check does first. */
  sealNow(tenantId: string): Promise<SealResult | null> {
    return runInTenant(tenantId, () =>
      this.dataSource.transaction((m) => sealPending(managerSql(m), this.key, tenantId, { wait: true })),
    );
  }

  private nudge(tenantId: string): void {
    if (this.closed) return;
    this.waiting.add(tenantId);
    this.schedule();
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, SEAL_DELAY_MS).unref();
  }

  /** One flush at a time per process; tenants nudged meanwhile wait for the next. */
  private async flush(): Promise<void> {
    if (this.running || this.closed) return;
    const tenants = [...this.waiting];
    this.waiting.clear();
    this.running = this.sealEach(tenants);
    try {
      await this.running;
    } finally {
      this.running = null;
      if (this.waiting.size && !this.closed) this.schedule();
    }
  }

  private sealEach(tenants: string[]): Promise<void> {
    return sealerAtWork.run(true, () => this.sealEachNow(tenants));
  }

  private sealEachNow(tenants: string[]): Promise<void> {
    return runOutsideTenant(async () => {
      for (const tenantId of tenants) {
        try {
          const result = await runInTenant(tenantId, () =>
            this.dataSource.transaction((m) => sealPending(managerSql(m), this.key, tenantId)),
          );
          if (result === null) {
            // Another process is sealing this tenant; it may have looked before our commit.
            const skips = (this.skips.get(tenantId) ?? 0) + 1;
            if (skips <= MAX_SKIPS) {
              this.skips.set(tenantId, skips);
              this.waiting.add(tenantId);
            } else this.skips.delete(tenantId);
            continue;
          }
          this.skips.delete(tenantId);
          if (result.refused)
            logger().error(
              { tenantId, refused: result.refused },
              'audit records without a valid row MAC (written outside Duban) were numbered but not chained',
            );
        } catch (err) {
          // The sweep seals it later; the records are stored either way.
          logger().warn({ err, tenantId }, 'sealing audit records failed');
        }
      }
    });
  }

  private async sweep(): Promise<void> {
    if (this.closed) return;
    try {
      const found = await sealerAtWork.run(true, () =>
        runOutsideTenant(() =>
          rows<{ tenant_id: string }>(this.dataSource, `SELECT DISTINCT tenant_id FROM audit_log WHERE seq IS NULL`),
        ),
      );
      for (const { tenant_id } of found) this.nudge(tenant_id);
    } catch (err) {
      logger().debug({ err }, 'audit seal sweep failed');
    }
  }
}
