import { Inject, Injectable } from '@nestjs/common';
import { shanghaiDate } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../../common/clock.js';
import { rows } from '../../../common/sql.js';
import type { AppConfig } from '../../../config/app-config.js';
import { APP_CONFIG } from '../../../config/config.module.js';
import type { Mention, RobotContent } from '../channels/robot-message.js';
import {
  GATHER_SECONDS,
  PRODUCT_DEFAULT_CHANNELS,
  URGENT_KINDS,
  type ActionKind,
  type MessageKind,
  type RobotKind,
} from '../message-kinds.js';
import {
  actionNotices,
  robotAnnouncement,
  ROBOT_KIND_OF,
  type EventDetail,
  type MessageNotice,
  type TaskFacts,
} from './event-text.js';
import { AUDIENCE_MATCH, CHANNELS_OF } from './recipients.sql.js';

/** Who acted: they are not told of their own action. Null for the system (the daily run). */
export interface Actor {
  tenantId: string;
  userId: string | null;
  displayName?: string;
}

export interface RecordedNotification {
  user_id: string;
  kind: MessageKind;
  task_id: string | null;
}

const MAX_MENTIONS = 30;

/**
 * Records events as messages, inside the caller's transaction: a notification per person (the in-app
 * centre and the bell) and an outbox row per person and channel (e-mail, 企业微信, 钉钉) or group robot.
 * Commit makes the event and its messages exist together; the outbox worker delivers them after. Set-based:
 * one statement however many people and channels.
 */
@Injectable()
export class MessageEvents {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * An action on tasks, in one call from the service that performed it: the texts, the audience and the
   * robot announcement follow from the kind.
   */
  async taskEvent(
    m: EntityManager,
    actor: Actor,
    kind: ActionKind,
    taskIds: string[],
    detail: EventDetail = {},
    now = this.clock.now(),
  ): Promise<void> {
    if (taskIds.length === 0) return;
    const tasks = await this.facts(m, actor.tenantId, taskIds);
    const withActor = { actorName: actor.displayName ?? null, ...detail };
    await this.record(m, actor, actionNotices(kind, tasks, withActor, shanghaiDate(now)), now);
    const robotKind = ROBOT_KIND_OF[kind];
    const announcement = robotKind && robotAnnouncement(kind, tasks, withActor, this.config.publicUrl);
    if (robotKind && announcement) {
      const mentionUnits = robotKind === 'URGE' ? [...new Set(tasks.map((t) => t.unitId))] : [];
      await this.announce(m, actor.tenantId, robotKind, announcement, mentionUnits, taskIds, now);
    }
  }

  /** Notifications and personal outbox rows for the notices. */
  async record(m: EntityManager, actor: Actor, notices: MessageNotice[], now: Date): Promise<RecordedNotification[]> {
    if (notices.length === 0) return [];
    return rows<RecordedNotification>(
      m,
      `WITH e AS (
         SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $15::text[])
           WITH ORDINALITY AS e(unit_id, task_ids, kind, title, body, audience, group_key, user_ids, ord)
       ), r AS (
         -- Two notices gathering into the same notification would be one row updated twice.
         SELECT DISTINCT ON (u.id, coalesce(e.group_key, e.ord::text)) u.id AS user_id, e.*
           FROM e JOIN app_user u ON u.tenant_id = $1 AND u.id IS DISTINCT FROM $9::uuid AND ${AUDIENCE_MATCH('e.unit_id', 'e.audience', 'e.user_ids::uuid[]')}
          ORDER BY u.id, coalesce(e.group_key, e.ord::text), e.ord
       ), n AS (
         INSERT INTO notification AS x (tenant_id, user_id, kind, title, body, task_id, task_ids, group_key, created_at)
         SELECT $1, r.user_id, r.kind, r.title, r.body,
                CASE WHEN r.group_key IS NULL AND cardinality(r.task_ids::uuid[]) = 1 THEN (r.task_ids::uuid[])[1] END, r.task_ids::uuid[], r.group_key, $10
           FROM r
         ON CONFLICT (tenant_id, user_id, group_key) WHERE group_key IS NOT NULL AND read_at IS NULL
         DO UPDATE SET group_count = x.group_count + 1, body = EXCLUDED.body, created_at = EXCLUDED.created_at,
                       task_ids = x.task_ids || EXCLUDED.task_ids, task_id = NULL
         RETURNING x.id, x.user_id, x.kind, x.task_id, x.task_ids
       ), o AS (
         INSERT INTO outbox_message (tenant_id, channel, kind, notification_id, user_id, task_ids, urgent, next_attempt_at)
         SELECT $1, c.channel, n.kind, n.id, n.user_id, n.task_ids, n.kind = ANY($12::text[]),
                $10::timestamptz + make_interval(secs => coalesce(($13::jsonb ->> n.kind)::int, 0))
           FROM n
           JOIN app_user u ON u.tenant_id = $1 AND u.id = n.user_id
           LEFT JOIN notification_preference p ON p.tenant_id = $1 AND p.user_id = n.user_id
           LEFT JOIN message_config mc ON mc.tenant_id = $1
           CROSS JOIN LATERAL ${CHANNELS_OF('n.kind', '$11', '$14::boolean')} c
         ON CONFLICT (tenant_id, notification_id, channel) WHERE status = 'PENDING'
         DO UPDATE SET task_ids = EXCLUDED.task_ids
         RETURNING 1
       )
       SELECT user_id, kind, task_id FROM n`,
      [
        actor.tenantId,
        notices.map((n) => n.unitId),
        notices.map((n) => `{${n.taskIds.join(',')}}`),
        notices.map((n) => n.kind),
        notices.map((n) => n.title),
        notices.map((n) => n.body),
        notices.map((n) => n.audience),
        notices.map((n) => n.groupKey ?? null),
        actor.userId,
        now,
        JSON.stringify(PRODUCT_DEFAULT_CHANNELS),
        URGENT_KINDS,
        JSON.stringify(GATHER_SECONDS),
        this.config.smtpUrl !== null,
        notices.map((n) => `{${(n.userIds ?? []).join(',')}}`),
      ],
    );
  }

  /**
   * A group-robot message to each enabled robot that announces this kind; the liaisons of the units
   * concerned are @-mentioned (by mobile, or 企业微信 userid).
   */
  async announce(
    m: EntityManager,
    tenantId: string,
    kind: RobotKind,
    content: RobotContent,
    mentionUnitIds: string[],
    taskIds: string[],
    now: Date,
  ): Promise<number> {
    const mentions = mentionUnitIds.length
      ? await rows<Mention>(
          m,
          `SELECT display_name AS name, id AS "userId", NULL AS mobile, wecom_userid AS "wecomUserid" FROM app_user
            WHERE tenant_id = $1 AND active AND role = 'UNIT_LIAISON' AND unit_id = ANY($2::uuid[]) AND (phone_mobile OR wecom_userid IS NOT NULL)
            ORDER BY display_name LIMIT ${MAX_MENTIONS}`,
          [tenantId, mentionUnitIds],
        )
      : [];
    const queued = await rows<{ '?column?': number }>(
      m,
      `INSERT INTO outbox_message (tenant_id, channel, kind, robot_id, task_ids, payload, next_attempt_at)
       SELECT $1, 'ROBOT', $2, r.id, $3::uuid[], $4::jsonb, $5 FROM message_robot r WHERE r.tenant_id = $1 AND r.enabled AND $2 = ANY(r.kinds)
       RETURNING 1`,
      [tenantId, kind, taskIds, JSON.stringify({ ...content, mentions: [...content.mentions, ...mentions] }), now],
    );
    return queued.length;
  }

  private facts(m: EntityManager, tenantId: string, taskIds: string[]): Promise<TaskFacts[]> {
    return rows<TaskFacts>(
      m,
      `SELECT t.id, t.unit_id AS "unitId", u.name AS "unitName", kp.title, p.title AS "planTitle", t.due_date::text AS "dueDate", t.progress
         FROM task t
         JOIN unit u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
         JOIN key_point kp ON kp.tenant_id = t.tenant_id AND kp.id = t.key_point_id
         JOIN plan p ON p.tenant_id = t.tenant_id AND p.id = t.plan_id
        WHERE t.tenant_id = $1 AND t.id = ANY($2::uuid[])
        ORDER BY u.sort, u.name, t.due_date, kp.seq, t.id`,
      [tenantId, taskIds],
    );
  }
}
