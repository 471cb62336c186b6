import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rows } from '../../common/sql.js';
import type { NotificationKind } from './dto/notification.model.js';

/**
 * Who hears about a task event: the unit's liaisons (联络员) always; UNIT_AND_LEADER copies the
 * unit's leaders (分管领导); EVERYONE also tells the office.
 */
export type NotificationAudience = 'UNIT' | 'UNIT_AND_LEADER' | 'EVERYONE';

export interface TaskEventNotice {
  taskId: string;
  unitId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  audience: NotificationAudience;
}

export interface NotificationWritten {
  user_id: string;
  task_id: string;
  kind: NotificationKind;
}

/** Turns task events into in-app notifications, one row per recipient, in one statement. */
@Injectable()
export class NotificationWriter {
  /** Inside the caller's transaction, so notifications exist exactly when the event was recorded. */
  async notifyTaskEvents(m: EntityManager, tenantId: string, notices: TaskEventNotice[], now: Date): Promise<NotificationWritten[]> {
    if (notices.length === 0) return [];
    return rows<NotificationWritten>(
      m,
      `INSERT INTO notification (tenant_id, user_id, kind, title, body, task_id, created_at)
       SELECT $1, u.id, e.kind, e.title, e.body, e.task_id, $8
         FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[]) AS e(task_id, unit_id, kind, title, body, audience)
         JOIN app_user u ON u.tenant_id = $1 AND u.active AND (
              (u.unit_id = e.unit_id AND u.role = 'UNIT_LIAISON')
           OR (u.unit_id = e.unit_id AND u.role = 'UNIT_LEADER' AND e.audience IN ('UNIT_AND_LEADER', 'EVERYONE'))
           OR (u.role IN ('OFFICE_ADMIN', 'OFFICE_STAFF') AND e.audience = 'EVERYONE'))
       RETURNING user_id, task_id, kind`,
      [
        tenantId,
        notices.map((n) => n.taskId),
        notices.map((n) => n.unitId),
        notices.map((n) => n.kind),
        notices.map((n) => n.title),
        notices.map((n) => n.body),
        notices.map((n) => n.audience),
        now,
      ],
    );
  }
}
