import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Checkbox, Form, Space, Switch, Typography } from 'antd';
import type { NotificationKind } from '../../../generated/graphql';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { NotificationPreferencesQuery } from '../graphql/notification-preferences.query';
import { UpdateNotificationPreferencesMutation } from '../graphql/update-notification-preferences.mutation';
import { NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS } from '../utils/kinds';

interface Values {
  emailDigest: boolean;
  digestKinds: NotificationKind[];
}

/** E-mail digest on/off and which kinds it includes (everything still shows in the centre). */
export function NotificationPreferencesForm() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(NotificationPreferencesQuery);
  const [update, { loading: saving }] = useMutation(UpdateNotificationPreferencesMutation);
  const [form] = Form.useForm<Values>();
  const digest = Form.useWatch('emailDigest', form);
  if (loading && !data) return <PageLoading rows={3} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const prefs = data.notificationPreferences;
  const save = async (v: Values) => {
    try {
      await update({
        variables: { input: { emailDigest: v.emailDigest, mutedKinds: NOTIFICATION_KINDS.filter((k) => !v.digestKinds.includes(k)), version: prefs.version } },
      });
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
      initialValues={{ emailDigest: prefs.emailDigest, digestKinds: NOTIFICATION_KINDS.filter((k) => !prefs.mutedKinds.includes(k)) }}
      onFinish={(v) => void save(v)}
    >
      <Form.Item name="emailDigest" label="每日邮件摘要" valuePropName="checked" extra="每天一封邮件汇总当天的通知（账号需填写电子邮箱）。">
        <Switch aria-label="每日邮件摘要" checkedChildren="开" unCheckedChildren="关" />
      </Form.Item>
      <Form.Item name="digestKinds" label="摘要包含的通知类型" extra="未勾选的类型仍会出现在通知中心。">
        <Checkbox.Group disabled={!digest} options={NOTIFICATION_KINDS.map((k) => ({ value: k, label: NOTIFICATION_KIND_LABELS[k] }))} />
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
