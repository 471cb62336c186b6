import type { NotificationKind } from './dto/notification.model.js';

/** How each kind is labelled in digests and robot messages. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  DUE_SOON: '即将到期',
  REMIND: '到期提醒',
  OVERDUE: '已逾期',
  URGE: '催办',
  SUPERVISE: '拟督办',
  REPORT_DUE: '进展待报送',
  REPORT_MISSING: '进展未报送',
};

export interface DigestItem {
  kind: NotificationKind;
  title: string;
  body: string;
}

export function digestSubject(count: number): string {
  return `【政务公开督办】今日通知 ${count} 条`;
}

export function digestText(displayName: string, items: DigestItem[]): string {
  const lines = items.map((item, i) => `${i + 1}. 【${NOTIFICATION_KIND_LABELS[item.kind]}】${item.title}${item.body ? `\n   ${item.body}` : ''}`);
  return `${displayName}，您好：\n\n今日共有 ${items.length} 条督办通知：\n\n${lines.join('\n')}\n\n请登录督办系统查看并办理。此邮件由系统自动发送，请勿回复。`;
}
