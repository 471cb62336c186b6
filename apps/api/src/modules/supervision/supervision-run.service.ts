import { Injectable } from '@nestjs/common';
import { shanghaiDate, type WorkCalendar } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { rows } from '../../common/sql.js';
import { logger } from '../../logging/logger.js';
import { AuditService } from '../audit/index.js';
import { CalendarService } from '../calendar/index.js';
import { MessageEvents, type MessageNotice } from '../messaging/index.js';
import { TaskLightService } from '../task/index.js';
import { domainReportCycle, TenantSettingsService } from '../tenant/index.js';
import {
  EVENT_AUDIENCE,
  eventText,
  superviseMessage,
  urgeMessage,
  type EventSubject,
} from './escalation/event-text.js';
import {
  dueEvents,
  eventsToAnnounce,
  type DueEvent,
  type EventRules,
  type OpenTask,
  type TakenStep,
} from './escalation/task-events.js';
import { SupervisionDayService } from './supervision-day.service.js';
import { robotSummary, type TakenForSummary } from './escalation/webhook-summary.js';

const BATCH = 1000;
const LADDER_STEPS = new Set(['REMIND', 'URGE', 'SUPERVISE']);

type TaskRow = OpenTask & EventSubject;

export interface SupervisionRunResult {
  /** False when another process was running this tenant at the same moment. */
  ran: boolean;
  lightsChanged: number;
  steps: { taskId: string; step: string }[];
  notifications: number;
  /** Group-robot messages queued with the day's summary. */
  robotMessages: number;
}

const emptyResult = (): SupervisionRunResult => ({
  ran: false,
  lightsChanged: 0,
  steps: [],
  notifications: 0,
  robotMessages: 0,
});

/**
 * The daily supervision of one tenant: recompute lights, then raise due-soon / overdue / report
 * events and climb the escalation ladder (提醒 → 自动催办 → 拟督办). Idempotent: a step is acted on
 * only by the transaction whose ledger INSERT created it, so a second run, a retry or a second
 * process sends nothing twice.
 */
@Injectable()
export class SupervisionRunService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarService,
    private readonly settings: TenantSettingsService,
    private readonly lights: TaskLightService,
    private readonly messages: MessageEvents,
    private readonly audit: AuditService,
    private readonly days: SupervisionDayService,
  ) {}

  /**
   * Runs the tenant's supervision for `now`. Two processes on the same tenant-day would only race for
   * ledger rows; the day's lease keeps each run's webhook summary whole instead of split between them.
   */
  async runForTenant(tenantId: string, now: Date): Promise<SupervisionRunResult> {
    const day = shanghaiDate(now);
    const lease = await this.days.lease(tenantId, day);
    if (!lease) {
      logger().info({ tenantId, day }, 'daily supervision: another process is running this tenant-day, skipped here');
      return emptyResult();
    }
    try {
      return await this.runLeased(tenantId, now);
    } finally {
      await this.days.release(tenantId, day, lease, false);
    }
  }

  /** The run itself, for a caller that holds the tenant-day's lease (SupervisionDayService). */
  async runLeased(tenantId: string, now: Date): Promise<SupervisionRunResult> {
    const result = { ...emptyResult(), ran: true };
    await this.run(tenantId, now, result);
    return result;
  }

  private async run(tenantId: string, now: Date, result: SupervisionRunResult): Promise<void> {
    result.lightsChanged = await this.lights.recomputeForTenant(tenantId, now);
    const calendar = await this.calendars.forTenant(tenantId);
    // Offices do not work on days off: what falls due then is raised on the next working day.
    if (!calendar.isWorkingDay(shanghaiDate(now))) return;
    const settings = await this.settings.get(tenantId);
    const rules: EventRules = {
      now,
      calendar,
      escalation: {
        remindBeforeWorkingDays: settings.remindBeforeWorkingDays,
        urgeAfterWorkingDays: settings.urgeAfterWorkingDays,
        superviseAfterWorkingDays: settings.superviseAfterWorkingDays,
      },
      yellowWithinWorkingDays: settings.yellowWithinWorkingDays,
      reportCycle: domainReportCycle(settings.reportCycle),
    };
    const summary: TakenForSummary[] = [];
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const tasks = await rows<TaskRow>(
        this.dataSource,
        `SELECT t.id, t.unit_id, t.status, t.due_date, t.assigned_on, t.last_report_at, kp.title, u.name AS unit_name
           FROM task t
           JOIN plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
           JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
           JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
          WHERE t.tenant_id = $1 AND t.id > $2 AND t.status IN ('NOT_STARTED', 'IN_PROGRESS', 'RETURNED') AND p.status = 'PUBLISHED'
          ORDER BY t.id LIMIT ${BATCH}`,
        [tenantId, afterId],
      );
      if (tasks.length === 0) break;
      afterId = tasks[tasks.length - 1].id;
      const taken = await rows<TakenStep & { task_id: string }>(
        this.dataSource,
        `SELECT task_id, step, anchor_date, taken_at FROM escalation_step WHERE tenant_id = $1 AND task_id = ANY($2::uuid[])`,
        [tenantId, tasks.map((t) => t.id)],
      );
      const takenByTask = new Map<string, TakenStep[]>();
      for (const s of taken) takenByTask.set(s.task_id, [...(takenByTask.get(s.task_id) ?? []), s]);
      const events = tasks.flatMap((task) => dueEvents(task, takenByTask.get(task.id) ?? [], rules));
      if (events.length === 0) continue;
      const byId = new Map(tasks.map((t) => [t.id, t]));
      const acted = await this.dataSource.transaction((m) => this.act(m, tenantId, events, byId, now, calendar));
      result.steps.push(...acted.events.map((e) => ({ taskId: e.taskId, step: e.kind })));
      result.notifications += acted.notifications;
      summary.push(
        ...acted.events.map((e) => ({
          kind: e.kind,
          unitId: byId.get(e.taskId)!.unit_id,
          unitName: byId.get(e.taskId)!.unit_name,
          title: byId.get(e.taskId)!.title,
        })),
      );
    }
    const robot = robotSummary(shanghaiDate(now), summary);
    if (robot) {
      const taskIds = result.steps.filter((s) => s.step === 'URGE' || s.step === 'SUPERVISE').map((s) => s.taskId);
      result.robotMessages = await this.messages.announce(
        this.dataSource.manager,
        tenantId,
        'DAILY_SUMMARY',
        robot.content,
        robot.mentionUnitIds,
        taskIds,
        now,
      );
    }
    logger().info(
      { tenantId, steps: result.steps.length, notifications: result.notifications },
      'daily supervision run',
    );
  }

  /** Claims the events in the ledger and acts on the ones this transaction claimed, set-based. */
  private async act(
    m: EntityManager,
    tenantId: string,
    candidates: DueEvent[],
    tasks: Map<string, TaskRow>,
    now: Date,
    calendar: WorkCalendar,
  ) {
    const claimed = await rows<{ task_id: string; step: DueEvent['kind']; anchor_date: string }>(
      m,
      `INSERT INTO escalation_step (tenant_id, task_id, step, anchor_date, taken_at)
       SELECT $1, e.task_id, e.step, e.anchor_date, $5 FROM unnest($2::uuid[], $3::text[], $4::date[]) AS e(task_id, step, anchor_date)
       ON CONFLICT (tenant_id, task_id, step, anchor_date) DO NOTHING
       RETURNING task_id, step, anchor_date`,
      [
        tenantId,
        candidates.map((e) => e.taskId),
        candidates.map((e) => e.kind),
        candidates.map((e) => e.anchorDate),
        now,
      ],
    );
    const events: DueEvent[] = claimed.map((c) => ({ taskId: c.task_id, kind: c.step, anchorDate: c.anchor_date }));
    const today = shanghaiDate(now);
    const lateDays = (task: TaskRow) => calendar.workingDaysBetween(task.due_date, today);

    // 自动催办 and 拟督办 are urges the unit sees and acknowledges like the office's own.
    const urges = events.filter((e) => e.kind === 'URGE' || e.kind === 'SUPERVISE');
    if (urges.length > 0) {
      await m.query(
        `INSERT INTO urge (tenant_id, task_id, level, message, automatic, created_at)
         SELECT $1, u.task_id, u.level, u.message, true, $5 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(task_id, level, message)`,
        [
          tenantId,
          urges.map((e) => e.taskId),
          urges.map((e) => e.kind),
          urges.map((e) => {
            const task = tasks.get(e.taskId)!;
            return e.kind === 'URGE'
              ? urgeMessage(task.due_date, lateDays(task))
              : superviseMessage(task.unit_name, lateDays(task));
          }),
          now,
        ],
      );
    }
    const urged = events.filter((e) => e.kind === 'URGE').map((e) => e.taskId);
    const counts = urged.length
      ? await rows<{ id: string; urge_count: number }>(
          m,
          `UPDATE task SET urge_count = urge_count + 1, version = version + 1, updated_at = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[]) RETURNING id, urge_count`,
          [tenantId, urged, now],
        )
      : [];
    const urgeCountAfter = new Map(counts.map((c) => [c.id, c.urge_count]));

    // Each rung is recorded on the task's history, by the system (no actor).
    const ladder = events.filter((e) => LADDER_STEPS.has(e.kind));
    await this.audit.record(
      m,
      { tenantId, userId: null },
      ladder.map((e) => ({
        entityType: 'task',
        entityId: e.taskId,
        action: `escalation.${e.kind.toLowerCase()}`,
        before:
          urgeCountAfter.has(e.taskId) && e.kind === 'URGE' ? { urgeCount: urgeCountAfter.get(e.taskId)! - 1 } : null,
        after: {
          step: e.kind,
          dueDate: e.anchorDate,
          ...(e.kind === 'URGE' ? { urgeCount: urgeCountAfter.get(e.taskId) } : {}),
        },
        note: eventText(e, tasks.get(e.taskId)!, now, calendar).body,
      })),
    );

    const notices: MessageNotice[] = eventsToAnnounce(events).map((e) => ({
      taskIds: [e.taskId],
      unitId: tasks.get(e.taskId)!.unit_id,
      kind: e.kind,
      audience: EVENT_AUDIENCE[e.kind],
      ...eventText(e, tasks.get(e.taskId)!, now, calendar),
    }));
    const written = await this.messages.record(m, { tenantId, userId: null }, notices, now);
    return { events, notifications: written.length };
  }
}
