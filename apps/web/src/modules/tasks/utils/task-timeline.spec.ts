import type { MessageDeliveryFieldsFragment } from '../../../generated/graphql';
import { messageEvents } from './task-timeline';

const delivery = (over: Partial<MessageDeliveryFieldsFragment>): MessageDeliveryFieldsFragment => ({
  id: Math.random().toString(36),
  channel: 'WECOM',
  kind: 'URGE',
  title: '催办：规范行政复议信息公开',
  recipientName: '张三',
  robotName: null,
  status: 'SENT',
  attempts: 1,
  lastError: null,
  createdAt: '2026-10-12T02:00:00.000Z',
  sentAt: '2026-10-12T02:00:01.000Z',
  nextAttemptAt: null,
  ...over,
});

describe('messages on the task timeline', () => {
  it("shows an event's messages as one entry: how many arrived, which failed and why", () => {
    const [entry] = messageEvents([
      delivery({}),
      delivery({
        channel: 'DINGTALK',
        recipientName: '李四',
        status: 'FAILED',
        lastError: '错误码 60121：找不到该用户',
      }),
      delivery({ channel: 'ROBOT', recipientName: null, robotName: '督办工作群', status: 'PENDING', attempts: 0 }),
    ]);
    expect(entry).toMatchObject({
      kind: 'message',
      color: 'red',
      title: '消息“催办：规范行政复议信息公开”：已送达 1，失败 1，待发送 1',
    });
    expect(entry.detail).toBe(
      '张三 · 企业微信 · 已送达\n李四 · 钉钉 · 失败（错误码 60121：找不到该用户）\n督办工作群 · 群机器人 · 待发送',
    );
  });

  it('keeps separate events apart', () => {
    expect(messageEvents([delivery({}), delivery({ createdAt: '2026-10-13T02:00:00.000Z' })])).toHaveLength(2);
  });
});
