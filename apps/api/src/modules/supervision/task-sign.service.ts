import { Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import { CalendarService } from '../calendar/index.js';
import { MessageEvents } from '../messaging/index.js';
import { taskVisibility } from '../task/index.js';
import { TenantSettingsService } from '../tenant/index.js';
import type { LateSigningModel, SignTasksInput, SignTasksResultModel } from './dto/task-sign.model.js';
import { SqlParams } from '../../common/sql.js';
import { uuidArg } from '../../common/validation.js';

const MAX_IDS = 500;

/**
 * 签收: 交办 → 签收 → 承办. A unit signs for each newly assigned task (one, or all at once); the office
 * sees the units that have not signed within the set number of working days, and hears of them daily.
 */
@Injectable()
export class TaskSignService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: CalendarService,
    private readonly settings: TenantSettingsService,
    private readonly messages: MessageEvents,
    private readonly clock: Clock,
  ) {}

  async sign(viewer: Viewer, input: SignTasksInput): Promise<SignTasksResultModel> {
    const all = input.all === true;
    const ids = all ? [] : [...new Set(input.taskIds ?? [])].map((id) => uuidArg(id, 'taskIds'));
    if (!all && ids.length === 0) throw badInput('请选择要签收的任务', 'taskIds');
    if (ids.length > MAX_IDS) throw badInput(`一次最多签收 ${MAX_IDS} 项任务`, 'taskIds');
    return this.dataSource.transaction(async (m) => {
      if (!all) {
        const params = new SqlParams([ids]);
        const visible = await rows<{ id: string; unit_id: string }>(
          m,
          `SELECT t.id, t.unit_id FROM task t WHERE t.id = ANY($1::uuid[]) AND ${taskVisibility(viewer, params)}`,
          params.values,
        );
        if (visible.length !== ids.length) throw notFound('任务');
        if (visible.some((t) => t.unit_id !== viewer.unitId)) throw forbidden('只能签收本单位的任务');
      }
      const signed = await this.signWhereUnsigned(m, viewer, all ? null : ids, null);
      return { signed: signed.length, unsignedLeft: await this.unsignedIn(m, viewer) };
    });
  }

  /** Reporting on a task shows the unit has it: an unsigned task is signed with the report. */
  async signOnReport(m: EntityManager, viewer: Viewer, taskId: string): Promise<void> {
    await this.signWhereUnsigned(m, viewer, [taskId], '报送进展时签收');
  }

  async unsignedCount(viewer: Viewer): Promise<number> {
    return this.unsignedIn(this.dataSource, viewer);
  }

  /** Units with tasks past the time to sign, longest waiting first. */
  async lateSigning(viewer: Viewer): Promise<LateSigningModel[]> {
    return this.lateUnits(viewer.tenantId, this.clock.now());
  }

  /** The daily run's one notice to the office naming the units late to sign (working days only). */
  async notifyLateSigning(tenantId: string, now: Date): Promise<number> {
    const calendar = await this.calendars.forTenant(tenantId);
    const today = shanghaiDate(now);
    if (!calendar.isWorkingDay(today)) return 0;
    const late = await this.lateUnits(tenantId, now);
    if (late.length === 0) return 0;
    const { signWithinWorkingDays } = await this.settings.get(tenantId);
    const listed = late.slice(0, 10).map((u) => `${u.unitName}（${u.lateCount} 项，最早 ${u.oldestAssignedOn} 交办）`);
    if (late.length > 10) listed.push(`…另有 ${late.length - 10} 个单位`);
    const written = await this.dataSource.transaction((m) =>
      this.messages.record(
        m,
        { tenantId, userId: null },
        [
          {
            kind: 'SIGN_OVERDUE',
            unitId: null,
            taskIds: [],
            audience: 'OFFICE',
            groupKey: `SIGN_OVERDUE:${today}`,
            title: `${late.length} 个单位有任务超过 ${signWithinWorkingDays} 个工作日未签收`,
            body: listed.join('\n'),
          },
        ],
        now,
      ),
    );
    return written.length;
  }

  private async lateUnits(tenantId: string, now: Date): Promise<LateSigningModel[]> {
    const [calendar, { signWithinWorkingDays }] = await Promise.all([
      this.calendars.forTenant(tenantId),
      this.settings.get(tenantId),
    ]);
    const today = shanghaiDate(now);
    // Assigned before the N-th working day back: more than N working days have passed.
    const cutoff = calendar.addWorkingDays(today, -signWithinWorkingDays);
    const found = await rows<{ unit_id: string; unit_name: string; late: number; oldest: string }>(
      this.dataSource,
      `SELECT t.unit_id, u.name AS unit_name, count(*)::int AS late, min(t.assigned_on)::text AS oldest
         FROM task t
         JOIN plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id AND p.status = 'PUBLISHED'
         JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
        WHERE t.tenant_id = $1 AND t.signed_at IS NULL AND t.assigned_on < $2 AND t.status NOT IN ('DONE', 'CLOSED')
        GROUP BY t.unit_id, u.name, u.sort
        ORDER BY min(t.assigned_on), u.sort, u.name`,
      [tenantId, cutoff],
    );
    return found.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      lateCount: r.late,
      oldestAssignedOn: r.oldest,
      workingDaysWaiting: calendar.workingDaysBetween(r.oldest, today),
    }));
  }

  private async signWhereUnsigned(
    m: EntityManager,
    viewer: Viewer,
    ids: string[] | null,
    note: string | null,
  ): Promise<string[]> {
    // An acknowledgement, not an edit: the version stays, so nobody's pending change of the task conflicts with it.
    const signed = await rows<{ id: string }>(
      m,
      `UPDATE task SET signed_at = $3, signed_by = $4
        WHERE tenant_id = $1 AND unit_id = $2 AND signed_at IS NULL ${ids ? 'AND id = ANY($5::uuid[])' : ''}
        RETURNING id`,
      ids
        ? [viewer.tenantId, viewer.unitId, this.clock.now(), viewer.userId, ids]
        : [viewer.tenantId, viewer.unitId, this.clock.now(), viewer.userId],
    );
    await this.audit.record(
      m,
      viewer,
      signed.map((t) => ({
        entityType: 'task',
        entityId: t.id,
        action: 'task.sign',
        before: { signedAt: null },
        after: { signedAt: this.clock.now() },
        note,
      })),
    );
    return signed.map((t) => t.id);
  }

  private async unsignedIn(db: DataSource | EntityManager, viewer: Viewer): Promise<number> {
    const row = await one<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM task t JOIN plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id AND p.status = 'PUBLISHED'
        WHERE t.tenant_id = $1 AND t.unit_id = $2 AND t.signed_at IS NULL`,
      [viewer.tenantId, viewer.unitId],
    );
    return row?.n ?? 0;
  }
}
