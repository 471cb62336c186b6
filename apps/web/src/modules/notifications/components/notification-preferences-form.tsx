import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Checkbox, Form, Space, Switch, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { MessageChannel, NotificationKind } from '../../../generated/graphql';
import { useViewer } from '../../auth/hooks/use-viewer';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { NotificationPreferencesQuery } from '../graphql/notification-preferences.query';
import { UpdateNotificationPreferencesMutation } from '../graphql/update-notification-preferences.mutation';
import {
  DELIVERY_CHANNEL_LABELS as CHANNEL_LABELS,
  kindsFor,
  MESSAGE_CHANNELS,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
} from '../utils/kinds';

interface Values {
  emailDigest: boolean;
  digestKinds: NotificationKind[];
  quietHours: boolean;
}

const WHY_NOT: Record<MessageChannel, string> = {
  EMAIL: '未配置邮件服务器，或账号未填写电子邮箱',
  WECOM: '办公室未开通企业微信应用消息，或账号未填写企业微信账号、手机号码',
  DINGTALK: '办公室未开通钉钉工作通知，或账号未填写钉钉 userid、手机号码',
};

/**
 * How I hear about each kind of message: the in-app centre always; e-mail, 企业微信 and 钉钉 as I choose
 * (the office's defaults until I do); quiet hours; and the daily e-mail digest.
 */
export function NotificationPreferencesForm() {
  const { message } = App.useApp();
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(NotificationPreferencesQuery);
  const [update, { loading: saving }] = useMutation(UpdateNotificationPreferencesMutation);
  const [form] = Form.useForm<Values>();
  const digest = Form.useWatch('emailDigest', form);
  const [edited, setEdited] = useState<Partial<Record<NotificationKind, MessageChannel[]>>>({});
  if (loading && !data) return <PageLoading rows={3} />;
  if (error || !data || !viewer) return <QueryError error={error} onRetry={() => void refetch()} />;
  const prefs = data.notificationPreferences;
  const reachable = new Set(prefs.reachableChannels);
  const current = (kind: NotificationKind) =>
    edited[kind] ?? prefs.channels.find((c) => c.kind === kind)?.channels ?? [];
  const toggle = (kind: NotificationKind, channel: MessageChannel, on: boolean) =>
    setEdited((e) => ({
      ...e,
      [kind]: MESSAGE_CHANNELS.filter((c) => (c === channel ? on : current(kind).includes(c))),
    }));
  const kinds = kindsFor(viewer.role);
  const save = async (v: Values) => {
    try {
      await update({
        variables: {
          input: {
            emailDigest: v.emailDigest,
            mutedKinds: NOTIFICATION_KINDS.filter((k) => !v.digestKinds.includes(k)),
            quietHours: v.quietHours,
            channels: Object.entries(edited).map(([kind, channels]) => ({
              kind: kind as NotificationKind,
              channels: channels ?? [],
            })),
            version: prefs.version,
          },
        },
      });
      setEdited({});
      message.success('通知设置已保存');
    } catch {
      // shown by the link
    }
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="通知设置"
      key={prefs.version}
      initialValues={{
        emailDigest: prefs.emailDigest,
        quietHours: prefs.quietHours,
        digestKinds: NOTIFICATION_KINDS.filter((k) => !prefs.mutedKinds.includes(k)),
      }}
      onFinish={(v) => void save(v)}
    >
      {kinds.length > 0 && (
        <Form.Item
          label="各类消息的接收方式"
          extra="站内通知总会收到；未勾选的方式不推送。未修改的类型沿用办公室的默认设置。"
        >
          {reachable.size === 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              title="您目前只能收到站内通知"
              description="办公室开通企业微信或钉钉后，请联系管理员在账号中填写您的企业微信账号、钉钉 userid 或手机号码。"
            />
          )}
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={kinds.map((kind) => ({ kind }))}
            aria-label="各类消息的接收方式"
            columns={[
              { title: '消息类型', key: 'kind', render: (_, r) => NOTIFICATION_KIND_LABELS[r.kind] },
              {
                title: CHANNEL_LABELS.IN_APP,
                key: 'inapp',
                width: 70,
                render: () => <Checkbox checked disabled aria-label="站内" />,
              },
              ...MESSAGE_CHANNELS.map((channel) => ({
                title: CHANNEL_LABELS[channel],
                key: channel,
                width: 90,
                render: (_: unknown, r: { kind: NotificationKind }) => {
                  const box = (
                    <Checkbox
                      aria-label={`${NOTIFICATION_KIND_LABELS[r.kind]}：${CHANNEL_LABELS[channel]}`}
                      checked={current(r.kind).includes(channel)}
                      disabled={!reachable.has(channel)}
                      onChange={(e) => toggle(r.kind, channel, e.target.checked)}
                    />
                  );
                  return reachable.has(channel) ? box : <Tooltip title={WHY_NOT[channel]}>{box}</Tooltip>;
                },
              })),
            ]}
          />
        </Form.Item>
      )}
      <Form.Item
        name="quietHours"
        label="非工作时间免打扰"
        valuePropName="checked"
        extra="按办公室的工作日历和工作时间，下班后和节假日的消息延到下一个工作日上班时推送；催办、督办随时推送。"
      >
        <Switch aria-label="非工作时间免打扰" checkedChildren="开" unCheckedChildren="关" />
      </Form.Item>
      <Form.Item
        name="emailDigest"
        label="每日邮件摘要"
        valuePropName="checked"
        extra="每天一封邮件汇总当天的通知（账号需填写电子邮箱；已单独发邮件的不再重复）。"
      >
        <Switch aria-label="每日邮件摘要" checkedChildren="开" unCheckedChildren="关" />
      </Form.Item>
      <Form.Item name="digestKinds" label="摘要包含的通知类型" extra="未勾选的类型仍会出现在通知中心。">
        <Checkbox.Group
          disabled={!digest}
          options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }))}
        />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存设置
        </Button>
        <Typography.Text type="secondary" />
      </Space>
    </Form>
  );
}
