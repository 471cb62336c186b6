import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { MessageRobotsQuery, RobotKind, RobotPlatform } from '../../../generated/graphql';
import { QueryError } from '../../common/components/query-error';
import { DeleteMessageRobotMutation } from '../graphql/delete-message-robot.mutation';
import { MessageRobotsQuery as RobotsQuery } from '../graphql/message-robots.query';
import { SaveMessageRobotMutation } from '../graphql/save-message-robot.mutation';
import { TestMessageRobotMutation } from '../graphql/test-message-robot.mutation';
import { ROBOT_KIND_LABELS, ROBOT_PLATFORM_LABELS } from '../utils/labels';
import { DeliveryStatusTag } from './delivery-status-tag';
import { TestResultAlert, type TestResult } from './test-result-alert';

type Robot = MessageRobotsQuery['messageRobots'][number];
interface Values {
  name: string;
  platform: RobotPlatform;
  webhookUrl: string;
  signSecret: string;
  clearSignSecret: boolean;
  kinds: RobotKind[];
  enabled: boolean;
}

const PLACEHOLDER: Record<RobotPlatform, string> = {
  DINGTALK: 'https://oapi.dingtalk.com/robot/send?access_token=…',
  WECOM: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
};

/**
 * 群机器人 (office admin): each robot's masked address, what it announces, how its last message went,
 * and 发送测试消息 showing the robot's own answer.
 */
export function RobotSettings() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(RobotsQuery, { fetchPolicy: 'cache-and-network' });
  const [save, { loading: saving }] = useMutation(SaveMessageRobotMutation, { refetchQueries: ['MessageRobots'] });
  const [remove] = useMutation(DeleteMessageRobotMutation, { refetchQueries: ['MessageRobots'] });
  const [test, { loading: testing }] = useMutation(TestMessageRobotMutation, { refetchQueries: ['MessageRobots'] });
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);
  const [results, setResults] = useState<Record<string, TestResult>>({});
  const [form] = Form.useForm<Values>();
  const platform = Form.useWatch('platform', form);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const robots = data?.messageRobots ?? [];
  const existing = editing && editing !== 'new' ? editing : null;

  const submit = async (v: Values) => {
    try {
      await save({
        variables: {
          input: {
            id: existing?.id ?? null,
            version: existing?.version ?? null,
            name: v.name.trim(),
            platform: v.platform,
            kinds: v.kinds,
            enabled: v.enabled,
            webhookUrl: v.webhookUrl?.trim() || null,
            signSecret: v.platform === 'DINGTALK' ? v.signSecret?.trim() || null : null,
            clearSignSecret: v.clearSignSecret,
          },
        },
      });
      message.success('群机器人已保存');
      setEditing(null);
    } catch {
      // shown by the link; the dialog keeps what was typed
    }
  };
  const runTest = async (robot: Robot) => {
    try {
      const { data: res } = await test({ variables: { id: robot.id } });
      if (res) setResults((r) => ({ ...r, [robot.id]: res.testMessageRobot }));
    } catch {
      // shown by the link
    }
  };

  return (
    <Card
      size="small"
      title="群机器人"
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          添加机器人
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        工作群的机器人推送每日督办情况、计划发布和催办督办，并 @
        相关单位的联络员。钉钉机器人请在安全设置中选择“加签”（或把“督办”设为自定义关键词）；每个机器人每分钟最多 20
        条，超出的自动顺延。
      </Typography.Paragraph>
      <List
        loading={loading && !data}
        dataSource={robots}
        locale={{ emptyText: <Empty description="还没有群机器人。" /> }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="test" size="small" loading={testing} onClick={() => void runTest(r)}>
                发送测试消息
              </Button>,
              <Button key="edit" size="small" type="link" onClick={() => setEditing(r)}>
                编辑
              </Button>,
              <Popconfirm
                key="delete"
                title={`删除“${r.name}”？`}
                okText="删除"
                cancelText="取消"
                onConfirm={() => void remove({ variables: { id: r.id, version: r.version } }).catch(() => undefined)}
              >
                <Button size="small" type="link" danger>
                  删除
                </Button>
              </Popconfirm>,
            ]}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{r.name}</Typography.Text>
                <Tag>{ROBOT_PLATFORM_LABELS[r.platform]}</Tag>
                {!r.enabled && <Tag>已停用</Tag>}
                {r.kinds.map((k) => (
                  <Tag key={k} color="blue">
                    {ROBOT_KIND_LABELS[k]}
                  </Tag>
                ))}
                {r.platform === 'DINGTALK' && (
                  <Tag color={r.signSecretMasked ? 'green' : 'default'}>{r.signSecretMasked ? '已加签' : '未加签'}</Tag>
                )}
              </Space>
              <Typography.Text type="secondary" copyable={false}>
                {r.webhookMasked}
              </Typography.Text>
              {r.lastDelivery && (
                <Space wrap>
                  <Typography.Text type="secondary">最近一条：{r.lastDelivery.title}</Typography.Text>
                  <DeliveryStatusTag delivery={r.lastDelivery} />
                  {r.lastDelivery.status === 'FAILED' && (
                    <Typography.Text type="danger">{r.lastDelivery.lastError}</Typography.Text>
                  )}
                </Space>
              )}
              {results[r.id] && <TestResultAlert result={results[r.id]} />}
            </Space>
          </List.Item>
        )}
      />
      <Modal
        open={!!editing}
        title={existing ? `编辑：${existing.name}` : '添加群机器人'}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ loading: saving }}
        destroyOnHidden
      >
        {editing && (
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{
              name: existing?.name ?? '督办工作群',
              platform: existing?.platform ?? 'DINGTALK',
              webhookUrl: '',
              signSecret: '',
              clearSignSecret: false,
              kinds: existing?.kinds ?? ['DAILY_SUMMARY', 'TASK_ASSIGNED', 'URGE'],
              enabled: existing?.enabled ?? true,
            }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="name"
              label="名称"
              rules={[
                { required: true, whitespace: true, message: '请填写名称' },
                { max: 30, message: '不超过 30 个字' },
              ]}
            >
              <Input aria-label="机器人名称" />
            </Form.Item>
            <Form.Item name="platform" label="平台">
              <Radio.Group
                options={(['DINGTALK', 'WECOM'] as RobotPlatform[]).map((p) => ({
                  value: p,
                  label: ROBOT_PLATFORM_LABELS[p],
                }))}
                optionType="button"
              />
            </Form.Item>
            <Form.Item
              name="webhookUrl"
              label="Webhook 地址"
              extra={
                existing
                  ? `已保存：${existing.webhookMasked}。留空则不修改。`
                  : '只允许钉钉、企业微信的机器人地址（https）。保存后只显示遮盖后的地址。'
              }
              rules={existing ? [] : [{ required: true, whitespace: true, message: '请填写 Webhook 地址' }]}
            >
              <Input aria-label="Webhook 地址" placeholder={PLACEHOLDER[platform ?? 'DINGTALK']} autoComplete="off" />
            </Form.Item>
            {platform === 'DINGTALK' && (
              <>
                <Form.Item
                  name="signSecret"
                  label="加签密钥"
                  extra={
                    existing?.signSecretMasked
                      ? `已保存：${existing.signSecretMasked}。留空则不修改。`
                      : '钉钉机器人安全设置中“加签”的密钥，以 SEC 开头。'
                  }
                >
                  <Input.Password aria-label="加签密钥" autoComplete="new-password" />
                </Form.Item>
                {existing?.signSecretMasked && (
                  <Form.Item name="clearSignSecret" valuePropName="checked">
                    <Checkbox>不再加签（删除已保存的密钥）</Checkbox>
                  </Form.Item>
                )}
              </>
            )}
            <Form.Item
              name="kinds"
              label="推送内容"
              rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项' }]}
            >
              <Checkbox.Group
                options={(Object.keys(ROBOT_KIND_LABELS) as RobotKind[]).map((k) => ({
                  value: k,
                  label: ROBOT_KIND_LABELS[k],
                }))}
              />
            </Form.Item>
            <Form.Item name="enabled" label="启用" valuePropName="checked">
              <Switch aria-label="启用机器人" />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
