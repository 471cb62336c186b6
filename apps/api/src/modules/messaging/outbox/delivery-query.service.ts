import { Injectable } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { rows } from '../../../common/sql.js';
import {
  DELIVERY_SELECT,
  toMessageDeliveryModel,
  type MessageDeliveryModel,
  type MessageDeliveryRow,
} from '../dto/message-delivery.model.js';

type Db = DataSource | EntityManager;

/** How messages went, for the office: per task (its timeline) and per robot. */
@Injectable()
export class DeliveryQuery {
  /** Each task's messages, oldest first, in one query for all the tasks. */
  async forTasks(db: Db, tenantId: string, taskIds: readonly string[]): Promise<MessageDeliveryModel[][]> {
    const found = await rows<MessageDeliveryRow & { task_ids: string[] }>(
      db,
      `${DELIVERY_SELECT} WHERE o.tenant_id = $1 AND o.task_ids && $2::uuid[] ORDER BY o.created_at, o.id`,
      [tenantId, taskIds],
    );
    return taskIds.map((id) => found.filter((r) => r.task_ids.includes(id)).map(toMessageDeliveryModel));
  }

  /** The latest message of each robot. */
  async lastOfRobots(db: Db, tenantId: string, robotIds: string[]): Promise<Map<string, MessageDeliveryModel>> {
    if (robotIds.length === 0) return new Map();
    const last = await rows<MessageDeliveryRow & { robot_id: string }>(
      db,
      `SELECT DISTINCT ON (robot_id) * FROM (${DELIVERY_SELECT} WHERE o.tenant_id = $1 AND o.robot_id = ANY($2::uuid[])) d
        ORDER BY robot_id, created_at DESC, id DESC`,
      [tenantId, robotIds],
    );
    return new Map(last.map((r) => [r.robot_id, toMessageDeliveryModel(r)]));
  }
}
