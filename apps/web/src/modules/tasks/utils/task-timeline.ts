import type { MessageDeliveryFieldsFragment, TaskDetailQuery } from '../../../generated/graphql';
import { DELIVERY_STATUS } from '../../messaging/utils/labels';
import { DELIVERY_CHANNEL_LABELS } from '../../notifications/utils/kinds';
import { DELAY_STATUS_LABELS } from './labels';

export type TaskDetail = TaskDetailQuery['task'];
export type TaskReport = TaskDetail['reports'][number];

export type TimelineKind =
  'report' | 'leader' | 'review-accept' | 'review-return' | 'urge' | 'ack' | 'delay' | 'delay-decision' | 'message';

export interface TimelineEvent {
  key: string;
  at: string;
  kind: TimelineKind;
  title: string;
  detail?: string | null;
  color: string;
}

/**
 * The messages an event sent, as one timeline entry: they share the event's instant (one transaction).
 * The title counts how they went; the detail names each recipient, channel and state, and why one failed.
 */
export function messageEvents(messages: readonly MessageDeliveryFieldsFragment[]): TimelineEvent[] {
  const groups = new Map<string, MessageDeliveryFieldsFragment[]>();
  for (const m of messages) groups.set(m.createdAt, [...(groups.get(m.createdAt) ?? []), m]);
  return [...groups.entries()].map(([at, list]) => {
    const count = (status: string) => list.filter((m) => m.status === status).length;
    const failed = count('FAILED');
    const waiting = count('PENDING') + count('SENDING');
    const parts = [
      `已送达 ${count('SENT')}`,
      ...(failed ? [`失败 ${failed}`] : []),
      ...(waiting ? [`待发送 ${waiting}`] : []),
    ];
    return {
      key: `m-${at}`,
      at,
      kind: 'message' as const,
      title: `消息“${list[0]!.title}”：${parts.join('，')}`,
      detail: list
        .map(
          (m) =>
            `${m.recipientName ?? m.robotName ?? ''} · ${DELIVERY_CHANNEL_LABELS[m.channel]} · ${DELIVERY_STATUS[m.status].label}${m.lastError && m.status !== 'SENT' ? `（${m.lastError}）` : ''}`,
        )
        .join('\n'),
      color: failed ? 'red' : waiting ? 'gray' : 'green',
    };
  });
}

/**
 * One chronological story of a task from its reports, reviews, urges and delay requests, and, for the
 * office, the messages they sent (newest first).
 */
export function buildTimeline(
  task: Pick<TaskDetail, 'reports' | 'urges' | 'delayRequests'>,
  messages: readonly MessageDeliveryFieldsFragment[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [...messageEvents(messages)];
  for (const r of task.reports) {
    events.push({
      key: `r-${r.id}`,
      at: r.submittedAt,
      kind: 'report',
      title: `${r.authorName ?? '单位'}报送进展（${r.progress}%${r.claimsCompletion ? '，申报完成' : ''}）`,
      detail: r.text,
      color: 'blue',
    });
    if (r.leaderDecidedAt) {
      const rejected = r.status === 'LEADER_REJECTED';
      events.push({
        key: `l-${r.id}`,
        at: r.leaderDecidedAt,
        kind: 'leader',
        title: `${r.leaderName ?? '分管领导'}${rejected ? '退回报送' : '审核同意，报送办公室'}`,
        detail: r.leaderComment,
        color: rejected ? 'orange' : 'green',
      });
    }
    if (r.reviewedAt) {
      const accepted = r.status === 'ACCEPTED';
      events.push({
        key: `v-${r.id}`,
        at: r.reviewedAt,
        kind: accepted ? 'review-accept' : 'review-return',
        title: `${r.reviewerName ?? '办公室'}${accepted ? '审核通过' : '退回报送'}`,
        detail: r.reviewComment,
        color: accepted ? 'green' : 'red',
      });
    }
  }
  for (const u of task.urges) {
    events.push({
      key: `u-${u.id}`,
      at: u.createdAt,
      kind: 'urge',
      title: `${u.createdByName ?? '系统'}催办`,
      detail: u.message,
      color: 'red',
    });
    if (u.acknowledgedAt) {
      events.push({
        key: `a-${u.id}`,
        at: u.acknowledgedAt,
        kind: 'ack',
        title: `${u.acknowledgedByName ?? '单位'}确认收到催办`,
        color: 'gray',
      });
    }
  }
  for (const d of task.delayRequests) {
    events.push({
      key: `d-${d.id}`,
      at: d.createdAt,
      kind: 'delay',
      title: `${d.requestedByName ?? '单位'}申请延期：${d.currentDueDate} → ${d.requestedDueDate}`,
      detail: d.reason,
      color: 'gold',
    });
    if (d.decidedAt) {
      events.push({
        key: `dd-${d.id}`,
        at: d.decidedAt,
        kind: 'delay-decision',
        title: `${d.decidedByName ?? '办公室'}${DELAY_STATUS_LABELS[d.status]}延期申请`,
        detail: d.decisionComment,
        color: d.status === 'APPROVED' ? 'green' : 'gray',
      });
    }
  }
  return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

const ACTIONS: Record<string, string> = {
  create: '创建',
  update: '修改',
  'status.change': '状态变更',
  submit: '报送',
  accept: '通过',
  return: '退回',
  urge: '催办',
  acknowledge: '确认收到',
  request: '申请',
  approve: '批准',
  refuse: '不批准',
  withdraw: '撤回',
  close: '办结销号',
  reopen: '重新打开',
  amend: '调整完成时限',
  DUE_DATE_EXTENDED: '延期获批，截止日期调整',
  review_verdict: '回头看评定',
  exclude: '不纳入回头看',
  include: '重新纳入回头看',
  add: '新增承办单位',
  remove: '移除',
  'task.sign': '签收',
  SUPERVISION_NOTICE: '督办通知单',
};
const ENTITIES: Record<string, string> = {
  task: '任务',
  report: '报送',
  progress_report: '报送',
  delay_request: '延期申请',
  urge: '催办',
};

/** An audit row in words: "任务 · 状态变更". Unknown actions fall back to their code. */
export function describeHistory(entityType: string, action: string): string {
  const last = action.split('.').pop() ?? action;
  return `${ENTITIES[entityType] ?? entityType} · ${ACTIONS[action] ?? ACTIONS[last] ?? action}`;
}
