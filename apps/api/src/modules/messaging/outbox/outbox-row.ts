import type { MessageKind, OutboxChannel } from '../message-kinds.js';

/** An outbox row as the worker claims it. */
export interface OutboxRow {
  tenant_id: string;
  id: string;
  channel: OutboxChannel;
  kind: MessageKind | string;
  notification_id: string | null;
  user_id: string | null;
  robot_id: string | null;
  task_ids: string[];
  payload: Record<string, unknown> | null;
  urgent: boolean;
  attempts: number;
}
