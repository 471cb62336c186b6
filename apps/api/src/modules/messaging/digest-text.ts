import { MESSAGE_KIND_LABELS, type MessageKind } from './message-kinds.js';

export interface DigestItem {
  kind: MessageKind;
  title: string;
  body: string;
}

export function digestSubject(count: number): string {
  return `【政务公开督办】今日通知 ${count} 条`;
}

export function digestText(displayName: string, items: DigestItem[]): string {
  const lines = items.map(
    (item, i) => `${i + 1}. 【${MESSAGE_KIND_LABELS[item.kind]}】${item.title}${item.body ? `\n   ${item.body}` : ''}`,
  );
  return `${displayName}，您好：\n\n今日共有 ${items.length} 条督办通知：\n\n${lines.join('\n')}\n\n请登录督办系统查看并办理。此邮件由系统自动发送，请勿回复。`;
}
