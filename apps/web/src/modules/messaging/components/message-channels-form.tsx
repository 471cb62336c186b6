import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Checkbox, Col, Form, Input, Row, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import type {
  MessageChannel,
  NotificationKind,
  RobotPlatform,
  UpdateMessageSettingsInput,
} from '../../../generated/graphql';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { NOTIFICATION_KIND_LABELS } from '../../notifications/utils/kinds';
import { MessageSettingsQuery } from '../graphql/message-settings.query';
import { TestWorkAppMutation } from '../graphql/test-work-app.mutation';
import { UpdateMessageSettingsMutation } from '../graphql/update-message-settings.mutation';
import { DELIVERY_CHANNEL_LABELS, MESSAGE_CHANNELS } from '../../notifications/utils/kinds';
import { TestResultAlert } from './test-result-alert';

interface AppValues {
  enabled: boolean;
  appId: string;
  agentId: string;
  secret: string;
}
interface Values {
  wecom: AppValues;
  dingtalk: AppValues;
  workStart: string;
  workEnd: string;
}

const APPS: { key: 'wecom' | 'dingtalk'; platform: RobotPlatform; title: string; idLabel: string; help: string }[] = [
  {
    key: 'wecom',
    platform: 'WECOM',
    title: '企业微信（政务微信）应用消息',
    idLabel: '企业 ID（CorpID）',
    help: '在企业微信管理后台“应用管理”中创建自建应用，填写企业 ID、应用的 AgentId 和 Secret，并把本系统服务器的出口 IP 加入应用的可信 IP。',
  },
  {
    key: 'dingtalk',
    platform: 'DINGTALK',
    title: '钉钉（浙政钉）工作通知',
    idLabel: 'AppKey',
    help: '在钉钉开放平台创建企业内部应用，开通“工作通知”权限，填写应用的 AppKey、AppSecret 和 AgentId。',
  },
];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * 消息渠道 (office admin): the office's 企业微信 / 钉钉 apps (secrets write-only, shown masked), office
 * hours for quiet hours, and the default channels of each kind of message.
 */
export function MessageChannelsForm() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(MessageSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateMessageSettingsMutation);
  const [test, { loading: testing, data: tested, reset }] = useMutation(TestWorkAppMutation);
  const [defaults, setDefaults] = useState<Partial<Record<NotificationKind, MessageChannel[]>>>({});
  const [form] = Form.useForm<Values>();
  const wecomOn = Form.useWatch(['wecom', 'enabled'], form);
  const dingtalkOn = Form.useWatch(['dingtalk', 'enabled'], form);
  if (loading && !data) return <PageLoading rows={8} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const s = data.messageSettings;
  const current = (kind: NotificationKind) =>
    defaults[kind] ?? s.defaultChannels.find((d) => d.kind === kind)?.channels ?? [];
  const appInput = (v: AppValues) =>
    v.enabled
      ? { enabled: true, appId: v.appId?.trim(), agentId: v.agentId?.trim(), secret: v.secret?.trim() || null }
      : { enabled: false };
  const save = async (v: Values) => {
    const input: UpdateMessageSettingsInput = {
      wecom: appInput(v.wecom),
      dingtalk: appInput(v.dingtalk),
      workStart: v.workStart,
      workEnd: v.workEnd,
      defaultChannels: Object.entries(defaults).map(([kind, channels]) => ({
        kind: kind as NotificationKind,
        channels: channels ?? [],
      })),
    };
    try {
      await update({ variables: { input, version: s.version } });
      setDefaults({});
      message.success('消息渠道设置已保存');
    } catch {
      // shown by the link
    }
  };
  const on = { wecom: wecomOn, dingtalk: dingtalkOn };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="消息渠道"
      key={s.version}
      initialValues={{
        wecom: { enabled: !!s.wecom, appId: s.wecom?.appId ?? '', agentId: s.wecom?.agentId ?? '', secret: '' },
        dingtalk: {
          enabled: !!s.dingtalk,
          appId: s.dingtalk?.appId ?? '',
          agentId: s.dingtalk?.agentId ?? '',
          secret: '',
        },
        workStart: s.workStart,
        workEnd: s.workEnd,
      }}
      onFinish={(v) => void save(v)}
    >
      <Row gutter={[16, 16]}>
        {APPS.map((app) => {
          const saved = s[app.key];
          return (
            <Col xs={24} xl={12} key={app.key}>
              <Card size="small" title={app.title}>
                <Typography.Paragraph type="secondary">{app.help}</Typography.Paragraph>
                <Form.Item name={[app.key, 'enabled']} valuePropName="checked" label="启用">
                  <Switch aria-label={`启用${app.title}`} />
                </Form.Item>
                {on[app.key] && (
                  <>
                    <Form.Item
                      name={[app.key, 'appId']}
                      label={app.idLabel}
                      rules={[{ required: true, whitespace: true, message: `请填写${app.idLabel}` }]}
                    >
                      <Input aria-label={`${app.title} ${app.idLabel}`} autoComplete="off" />
                    </Form.Item>
                    <Form.Item
                      name={[app.key, 'agentId']}
                      label="AgentId"
                      rules={[{ required: true, pattern: /^\d{1,12}$/, message: 'AgentId 为数字' }]}
                    >
                      <Input aria-label={`${app.title} AgentId`} autoComplete="off" style={{ width: 200 }} />
                    </Form.Item>
                    <Form.Item
                      name={[app.key, 'secret']}
                      label="Secret"
                      extra={
                        saved
                          ? `已保存：${saved.secretMasked}。留空则不修改；只有办公室管理员可见（已遮盖）。`
                          : '只保存在服务器上，之后只显示遮盖后的值。'
                      }
                      rules={saved ? [] : [{ required: true, whitespace: true, message: '请填写 Secret' }]}
                    >
                      <Input.Password
                        aria-label={`${app.title} Secret`}
                        autoComplete="new-password"
                        placeholder={saved ? '留空不修改' : ''}
                      />
                    </Form.Item>
                    {saved && (
                      <Space orientation="vertical" style={{ width: '100%' }}>
                        <Button
                          loading={testing}
                          onClick={() => {
                            reset();
                            void test({ variables: { platform: app.platform } }).catch(() => undefined);
                          }}
                        >
                          向我发送测试消息
                        </Button>
                        {tested && <TestResultAlert result={tested.testWorkApp} />}
                      </Space>
                    )}
                  </>
                )}
              </Card>
            </Col>
          );
        })}
        <Col xs={24}>
          <Card size="small" title="工作时间（免打扰）">
            <Typography.Paragraph type="secondary">
              工作日历上的工作日、工作时间内即时推送；其余时间的消息延到下一个工作日上班时推送（催办、督办除外，个人可关闭免打扰）。
            </Typography.Paragraph>
            <Space align="start">
              <Form.Item
                name="workStart"
                label="上班"
                rules={[{ required: true, pattern: HH_MM, message: '格式为 08:30' }]}
              >
                <Input aria-label="上班时间" style={{ width: 100 }} />
              </Form.Item>
              <Form.Item
                name="workEnd"
                label="下班"
                rules={[{ required: true, pattern: HH_MM, message: '格式为 17:30' }]}
              >
                <Input aria-label="下班时间" style={{ width: 100 }} />
              </Form.Item>
            </Space>
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title="默认接收方式">
            <Typography.Paragraph type="secondary">
              每类消息默认通过哪些方式推送给相关人员（站内通知总会送达）。个人可在“通知”页改为自己的选择。
              {!s.emailAvailable && '本系统未配置邮件服务器，邮件不会发送。'}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="kind"
              pagination={false}
              aria-label="默认接收方式"
              dataSource={s.defaultChannels.map((d) => ({ kind: d.kind }))}
              columns={[
                { title: '消息类型', key: 'kind', render: (_, r) => NOTIFICATION_KIND_LABELS[r.kind] },
                ...MESSAGE_CHANNELS.map((channel) => ({
                  title: DELIVERY_CHANNEL_LABELS[channel],
                  key: channel,
                  width: 100,
                  render: (_: unknown, r: { kind: NotificationKind }) => (
                    <Checkbox
                      aria-label={`默认：${NOTIFICATION_KIND_LABELS[r.kind]}：${DELIVERY_CHANNEL_LABELS[channel]}`}
                      checked={current(r.kind).includes(channel)}
                      onChange={(e) =>
                        setDefaults((d) => ({
                          ...d,
                          [r.kind]: MESSAGE_CHANNELS.filter((c) =>
                            c === channel ? e.target.checked : current(r.kind).includes(c),
                          ),
                        }))
                      }
                    />
                  ),
                })),
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={saving} style={{ marginTop: 16 }}>
        保存消息渠道设置
      </Button>
    </Form>
  );
}
