import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { nextDeliveryTime, type WorkCalendar, type WorkHours } from '@duban/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import { one, rows } from '../../../common/sql.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import { logger } from '../../../logging/logger.js';
import { CalendarService } from '../../calendar/index.js';
import type { SendResult } from '../channels/platform-answer.js';
import { ROBOT_MESSAGES_PER_MINUTE } from '../channels/robot-message.js';
import { MessageConfigService } from '../settings/message-config.service.js';
import { OutboxDelivery } from './outbox-delivery.service.js';
import type { OutboxRow } from './outbox-row.js';
import { nextAttemptAt } from './retry-policy.js';

const BATCH = 20;
const PARALLEL = 4;
const DETAIL_MAX = 500;

export interface DrainResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  deferred: number;
}

/** Per drain: each tenant's calendar and office hours, read once. */
type QuietRules = Map<string, Promise<{ calendar: WorkCalendar; hours: WorkHours }>>;

/**
 * The outbox worker, in every API process with JOBS_ENABLED. Each round it takes over leases that a
 * dead process left behind, claims due messages with FOR UPDATE SKIP LOCKED (so processes never take
 * the same row) under a lease, records the attempt, sends, and records the outcome. All state is in
 * the database; the timer only decides when to look again.
 *
 * Delivery is at least once: a process killed after the platform accepted a message but before the
 * outcome was recorded leaves a lease that expires, and the message is sent again (企业微信 drops such
 * a repeat itself, see WorkAppChannel). Once SENT is recorded, nothing sends it again.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly delivery: OutboxDelivery,
    private readonly calendars: CalendarService,
    private readonly messageConfig: MessageConfigService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsEnabled) this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current?.catch(() => undefined);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      const round = this.drain().catch((error) => {
        logger().warn({ err: error }, 'outbox round failed');
        return null;
      });
      this.current = round;
      void round.then((result) => this.schedule(result && result.claimed >= BATCH ? 0 : this.config.outboxPollMs));
    }, ms);
    this.timer.unref();
  }

  /** One round: sends what is due at `now`. Public for operators' tools and tests. */
  async drain(now: Date = this.clock.now()): Promise<DrainResult> {
    await this.reclaimAbandoned(now);
    const claimed = await rows<OutboxRow>(
      this.dataSource,
      `WITH due AS (
         SELECT tenant_id, id FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= $1
          ORDER BY next_attempt_at, id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
       UPDATE outbox_message o SET status = 'SENDING', attempts = o.attempts + 1, lease_until = $1::timestamptz + make_interval(secs => $2)
         FROM due WHERE o.tenant_id = due.tenant_id AND o.id = due.id
       RETURNING o.tenant_id, o.id, o.channel, o.kind, o.notification_id, o.user_id, o.robot_id, o.task_ids, o.payload, o.urgent, o.attempts`,
      [now, this.config.outboxLeaseSeconds],
    );
    const result: DrainResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, deferred: 0 };
    const quiet: QuietRules = new Map();
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const row = claimed[next++]!;
        const outcome = await this.process(row, now, quiet).catch((error) => {
          logger().warn({ err: error, messageId: row.id }, 'outbox message could not be processed');
          return 'retried' as const;
        });
        result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, claimed.length) }, worker));
    return result;
  }

  private async process(
    row: OutboxRow,
    now: Date,
    quiet: QuietRules,
  ): Promise<'sent' | 'retried' | 'failed' | 'deferred'> {
    const holdUntil = await this.quietUntil(row, now, quiet);
    if (holdUntil) {
      await this.defer(row, holdUntil);
      return 'deferred';
    }
    const attemptId = await this.startAttempt(row, now);
    if (attemptId instanceof Date) {
      await this.defer(row, attemptId);
      return 'deferred';
    }
    const started = performance.now();
    const result = await this.delivery.send(row, now);
    // `now` is the round's instant (fixed in tests); the outcome is recorded as long after it as the send took.
    return this.finish(row, attemptId, result, new Date(now.getTime() + Math.round(performance.now() - started)));
  }

  /** Personal messages that may wait are held outside office hours (the person may opt out). */
  private async quietUntil(row: OutboxRow, now: Date, quiet: QuietRules): Promise<Date | null> {
    if (row.channel === 'ROBOT' || row.urgent || !row.user_id) return null;
    const pref = await one<{ quiet_hours: boolean }>(
      this.dataSource,
      `SELECT quiet_hours FROM notification_preference WHERE tenant_id = $1 AND user_id = $2`,
      [row.tenant_id, row.user_id],
    );
    if (pref && !pref.quiet_hours) return null;
    let rules = quiet.get(row.tenant_id);
    if (!rules) {
      rules = Promise.all([this.calendars.forTenant(row.tenant_id), this.messageConfig.read(row.tenant_id)]).then(
        ([calendar, config]) => ({ calendar, hours: config.workHours }),
      );
      quiet.set(row.tenant_id, rules);
    }
    const { calendar, hours } = await rules;
    const at = nextDeliveryTime(now, calendar, hours);
    return at > now ? at : null;
  }

  /**
   * Records the attempt's start; for a robot, only within its allowance of messages a minute (counted
   * across processes under the robot's row lock), else returns when the allowance is back.
   */
  private async startAttempt(row: OutboxRow, now: Date): Promise<string | Date> {
    return this.dataSource.transaction(async (m) => {
      if (row.robot_id) {
        await m.query(`SELECT 1 FROM message_robot WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [
          row.tenant_id,
          row.robot_id,
        ]);
        const recent = await one<{ n: number; oldest: Date | null }>(
          m,
          `SELECT count(*)::int AS n, min(started_at) AS oldest FROM outbox_attempt
            WHERE tenant_id = $1 AND robot_id = $2 AND started_at > $3::timestamptz - interval '1 minute' AND started_at <= $3`,
          [row.tenant_id, row.robot_id, now],
        );
        if (recent && recent.n >= ROBOT_MESSAGES_PER_MINUTE && recent.oldest)
          return new Date(recent.oldest.getTime() + 60_000 + 1000);
      }
      const attempt = await one<{ id: string }>(
        m,
        `INSERT INTO outbox_attempt (tenant_id, message_id, robot_id, attempt, started_at) VALUES ($1, $2, $3, $4, $5) RETURNING id::text`,
        [row.tenant_id, row.id, row.robot_id, row.attempts, now],
      );
      return attempt!.id;
    });
  }

  /** Back to waiting without using up an attempt. */
  private async defer(row: OutboxRow, until: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE outbox_message SET status = 'PENDING', attempts = attempts - 1, lease_until = NULL, next_attempt_at = $3
        WHERE tenant_id = $1 AND id = $2 AND status = 'SENDING'`,
      [row.tenant_id, row.id, until],
    );
  }

  private async finish(
    row: OutboxRow,
    attemptId: string,
    result: SendResult,
    now: Date,
  ): Promise<'sent' | 'retried' | 'failed'> {
    const retryAt = result.outcome === 'RETRY' ? nextAttemptAt(row.attempts, now, result.retryAt) : null;
    const outcome = result.outcome === 'RETRY' && !retryAt ? 'FAILED' : result.outcome;
    const detail = result.detail?.slice(0, DETAIL_MAX) ?? null;
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE outbox_attempt SET finished_at = $3, outcome = $4, code = $5, detail = $6 WHERE tenant_id = $1 AND id = $2`,
        [row.tenant_id, attemptId, now, result.outcome, result.code, detail],
      );
      await m.query(
        `UPDATE outbox_message SET status = $3, lease_until = NULL, sent_at = CASE WHEN $3 = 'SENT' THEN $4::timestamptz END,
                last_error = $5, next_attempt_at = coalesce($6, next_attempt_at)
          WHERE tenant_id = $1 AND id = $2 AND status = 'SENDING'`,
        [
          row.tenant_id,
          row.id,
          outcome === 'RETRY' ? 'PENDING' : outcome,
          now,
          outcome === 'SENT' ? null : detail,
          retryAt,
        ],
      );
    });
    if (outcome !== 'SENT')
      logger().warn(
        { tenantId: row.tenant_id, messageId: row.id, channel: row.channel, code: result.code, detail },
        'message not delivered',
      );
    return outcome === 'SENT' ? 'sent' : outcome === 'RETRY' ? 'retried' : 'failed';
  }

  /** Leases past their time belong to a process that died mid-send: the message goes back to waiting. */
  private async reclaimAbandoned(now: Date): Promise<void> {
    await this.dataSource.query(
      `WITH gone AS (
         UPDATE outbox_message SET status = 'PENDING', lease_until = NULL, next_attempt_at = $1
          WHERE status = 'SENDING' AND lease_until < $1 RETURNING tenant_id, id)
       UPDATE outbox_attempt a SET outcome = 'ABANDONED', finished_at = $1, detail = '发送过程中断（服务进程退出），将重新发送'
         FROM gone WHERE a.tenant_id = gone.tenant_id AND a.message_id = gone.id AND a.outcome IS NULL`,
      [now],
    );
  }
}
