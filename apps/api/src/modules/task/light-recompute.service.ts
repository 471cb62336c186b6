import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { one, rows } from '../../common/sql.js';
import { TenantEvents } from '../../common/tenant-events.js';
import type { Viewer } from '../../common/viewer.js';
import { logger } from '../../logging/logger.js';
import type { LightRecomputeModel } from './dto/light-recompute.model.js';

/** The tenant's `light_recompute` row: the last run of recomputing every light. */
interface LightRecomputeRow {
  run_id: string;
  reason: string;
  total: number;
  done: number;
  changed: number;
  started_at: Date;
  finished_at: Date | null;
  failed: boolean;
}
import { TaskLightService } from './task-light.service.js';

/** A settings change answers once the lights are done, or after this long with a progress note. */
const WAIT_MS = 2_000;
/** A run that has not finished after this long died with its process; the daily job redoes it. */
const STALE_MS = 30 * 60_000;

/**
 * Recomputes a tenant's warning lights when the rules behind them change (thresholds, report cycle,
 * calendar), instead of waiting for the next morning's job. The run goes on in this process after the
 * answer when it takes long; its progress is a row every process can read, and a newer run supersedes
 * an older one (the older stops at its next batch).
 */
@Injectable()
export class LightRecomputeService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lights: TaskLightService,
    private readonly events: TenantEvents,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.on('lightRulesChanged', ({ tenantId, reason }) => this.start(tenantId, reason));
  }

  async start(tenantId: string, reason: string): Promise<void> {
    const runId = randomUUID();
    const total = (await one<{ n: number }>(
      this.dataSource,
      `SELECT count(*)::int AS n FROM task WHERE tenant_id = $1`,
      [tenantId],
    ))!.n;
    await this.dataSource.query(
      `INSERT INTO light_recompute (tenant_id, run_id, reason, total, started_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (tenant_id) DO UPDATE SET run_id = EXCLUDED.run_id, reason = EXCLUDED.reason, total = EXCLUDED.total,
         done = 0, changed = 0, started_at = now(), finished_at = NULL, failed = false`,
      [tenantId, runId, reason, total],
    );
    const run = this.run(tenantId, runId);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run, new Promise<void>((resolve) => (timer = setTimeout(resolve, WAIT_MS)))]);
    clearTimeout(timer);
  }

  async status(viewer: Viewer): Promise<LightRecomputeModel | null> {
    const row = await one<LightRecomputeRow>(this.dataSource, `SELECT * FROM light_recompute WHERE tenant_id = $1`, [
      viewer.tenantId,
    ]);
    if (!row) return null;
    const stale = !row.finished_at && this.clock.now().getTime() - new Date(row.started_at).getTime() > STALE_MS;
    return {
      reason: row.reason,
      total: row.total,
      done: row.done,
      changed: row.changed,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      running: !row.finished_at && !stale,
      failed: row.failed || stale,
    };
  }

  private async run(tenantId: string, runId: string): Promise<void> {
    const progress = (sets: string, values: unknown[]) =>
      rows<{ '?column?': number }>(
        this.dataSource,
        `UPDATE light_recompute SET ${sets} WHERE tenant_id = $1 AND run_id = $2 RETURNING 1`,
        [tenantId, runId, ...values],
      );
    try {
      const changed = await this.lights.recomputeForTenant(tenantId, this.clock.now(), async (done, changedSoFar) => {
        // A newer run took the row: this one stops.
        return (await progress('done = $3, changed = $4', [done, changedSoFar])).length > 0;
      });
      await progress('changed = $3, done = total, finished_at = now()', [changed]);
    } catch (error) {
      logger().error({ err: error, tenantId }, 'warning-light recomputation failed');
      await progress('failed = true, finished_at = now()', []).catch(() => undefined);
    }
  }
}
