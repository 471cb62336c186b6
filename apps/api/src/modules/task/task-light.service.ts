import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { rows } from '../../common/sql.js';
import { CalendarService } from '../calendar/index.js';
import { lightOfTask, TASK_LIGHT_COLUMNS, type TaskLightRow } from './task-light.js';
import { TaskRulesService, type TenantTaskRules } from './task-rules.service.js';

const BATCH = 2000;

/**
 * Keeps the stored `task.light` (what the ledger filters and sorts on) in step with the domain rule.
 * A light change is derived data, not an edit: it does not bump `version` (that would make the
 * daily job turn every open form stale) nor `updated_at`, and writes no audit row.
 */
@Injectable()
export class TaskLightService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rules: TaskRulesService,
    private readonly calendars: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** A calendar correction recomputes the lights it changes, in its own transaction. */
  onModuleInit(): void {
    this.calendars.onCorrection(async (m, tenantId) => {
      await this.refreshUnfinished(m, tenantId, this.clock.now(), await this.rules.forTenant(tenantId, m));
    });
  }

  /** Recomputes the given tasks inside the caller's transaction (after it changed them). */
  async refresh(
    m: EntityManager,
    tenantId: string,
    taskIds: string[],
    now: Date,
    rules?: TenantTaskRules,
  ): Promise<void> {
    if (taskIds.length === 0) return;
    const found = await rows<TaskLightRow & { id: string; light: string }>(
      m,
      `SELECT ${TASK_LIGHT_COLUMNS} FROM task t WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[])`,
      [tenantId, taskIds],
    );
    await this.store(m, tenantId, found, rules ?? (await this.rules.forTenant(tenantId, m)), now);
  }

  /**
   * Every unfinished task of the tenant, inside the caller's transaction: for a change that moves no
   * due date but changes how working days count (a calendar correction). Finished tasks keep their
   * light: on time or late is judged by calendar dates, not working days.
   */
  async refreshUnfinished(m: EntityManager, tenantId: string, now: Date, rules: TenantTaskRules): Promise<number> {
    const found = await rows<TaskLightRow & { id: string; light: string }>(
      m,
      `SELECT ${TASK_LIGHT_COLUMNS} FROM task t WHERE t.tenant_id = $1 AND t.status NOT IN ('DONE', 'CLOSED')`,
      [tenantId],
    );
    return this.store(m, tenantId, found, rules, now);
  }

  /**
   * The daily job and a settings change: every task of the tenant, in keyset batches, one UPDATE per
   * batch. Returns how many changed; `onBatch` hears the running counts and may stop the run (false).
   */
  async recomputeForTenant(
    tenantId: string,
    now: Date,
    onBatch?: (done: number, changed: number) => Promise<boolean>,
  ): Promise<number> {
    const rules = await this.rules.forTenant(tenantId);
    let changed = 0;
    let done = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await rows<TaskLightRow & { id: string; light: string }>(
        this.dataSource,
        `SELECT ${TASK_LIGHT_COLUMNS} FROM task t WHERE t.tenant_id = $1 AND t.id > $2 ORDER BY t.id LIMIT ${BATCH}`,
        [tenantId, afterId],
      );
      if (batch.length === 0) return changed;
      changed += await this.dataSource.transaction((m) => this.store(m, tenantId, batch, rules, now));
      done += batch.length;
      afterId = batch[batch.length - 1].id;
      if (onBatch && !(await onBatch(done, changed))) return changed;
    }
  }

  private async store(
    m: EntityManager,
    tenantId: string,
    found: (TaskLightRow & { id: string; light: string })[],
    rules: TenantTaskRules,
    now: Date,
  ): Promise<number> {
    const ids: string[] = [];
    const lights: string[] = [];
    for (const row of found) {
      const light = lightOfTask(row, rules, now);
      if (light !== row.light) {
        ids.push(row.id);
        lights.push(light);
      }
    }
    if (ids.length === 0) return 0;
    await m.query(
      `UPDATE task t SET light = v.light FROM unnest($2::uuid[], $3::text[]) AS v(id, light)
        WHERE t.tenant_id = $1 AND t.id = v.id`,
      [tenantId, ids, lights],
    );
    return ids.length;
  }
}
