import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, AutoComplete, Button, Card, Form, Input, Select, Space, Switch, Typography } from 'antd';
import type { Role, SsoMatchField } from '../../../generated/graphql';
import { ROLE_LABELS } from '../../auth/utils/roles';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { SsoSettingsQuery } from '../graphql/sso-settings.query';
import { UpdateSsoSettingsMutation } from '../graphql/update-sso-settings.mutation';

interface Values {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  claim: string;
  matchField: SsoMatchField;
  passwordAllowed: boolean;
  createUsers: boolean;
  defaultRole: Role;
}

const MATCH_FIELDS: { value: SsoMatchField; label: string }[] = [
  { value: 'USERNAME', label: '督办系统用户名' },
  { value: 'PHONE', label: '手机号' },
  { value: 'EMAIL', label: '电子邮箱' },
];
const DEFAULT_ROLES: Role[] = ['UNIT_LIAISON', 'UNIT_LEADER', 'LEADERSHIP'];
const CLAIMS = ['preferred_username', 'phone_number', 'email', 'employee_number', 'sub'];

/**
 * 统一身份认证 (office admin): the tenant's OpenID Connect provider. The client secret is write-only
 * (shown masked); the redirect URI is what the provider's administrator registers.
 */
export function SsoSettingsForm() {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { data, loading, error, refetch } = useQuery(SsoSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateSsoSettingsMutation);
  const createUsers = Form.useWatch('createUsers', form);
  if (loading && !data) return <PageLoading rows={6} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const s = data.ssoSettings;
  const save = async (v: Values) => {
    try {
      await update({ variables: { input: { ...v, clientSecret: v.clientSecret || null, version: s.version } } });
      form.setFieldValue('clientSecret', '');
      message.success('统一身份认证设置已保存');
    } catch {
      // shown by the link
    }
  };
  return (
    <Card title="统一身份认证（OpenID Connect）" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">
        本单位工作人员在政务统一身份认证平台登录一次即可进入督办系统。请在认证平台登记本系统为应用（授权码模式，需支持
        PKCE），回调地址填写：
        <Typography.Text copyable code>
          {s.redirectUri}
        </Typography.Text>
      </Typography.Paragraph>
      <Form<Values>
        key={s.version}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void save(v)}
        initialValues={{ ...s, clientSecret: '' }}
      >
        <Form.Item label="启用统一身份认证登录" name="enabled" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          label="认证平台地址（Issuer）"
          name="issuer"
          rules={[{ required: true, whitespace: true, message: '请填写认证平台地址' }]}
          extra="如 https://sso.example.gov.cn，系统从其 /.well-known/openid-configuration 读取配置"
        >
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item
          label="客户端标识（Client ID）"
          name="clientId"
          rules={[{ required: true, whitespace: true, message: '请填写客户端标识' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="客户端密钥（Client Secret）"
          name="clientSecret"
          extra={s.clientSecretMasked ? `已设置：${s.clientSecretMasked}（留空则不修改）` : '尚未设置'}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space wrap size="large" align="start">
          <Form.Item label="用于匹配账号的声明" name="claim" rules={[{ required: true, message: '请填写声明名' }]}>
            <AutoComplete style={{ width: 240 }} options={CLAIMS.map((c) => ({ value: c }))} />
          </Form.Item>
          <Form.Item label="对应督办系统的" name="matchField">
            <Select style={{ width: 200 }} options={MATCH_FIELDS} />
          </Form.Item>
        </Space>
        <Form.Item
          label="同时允许账号密码登录"
          name="passwordAllowed"
          valuePropName="checked"
          extra="关闭后只能通过统一身份认证登录；认证平台故障时，运维人员可用命令行 npm run cli -- tenant sso off 恢复密码登录"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          label="首次登录时自动创建账号"
          name="createUsers"
          valuePropName="checked"
          extra="默认关闭：只有已在督办系统开通的人员可以登录"
        >
          <Switch />
        </Form.Item>
        {createUsers && (
          <>
            <Form.Item label="自动创建账号的角色" name="defaultRole">
              <Select
                style={{ width: 240 }}
                options={DEFAULT_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              />
            </Form.Item>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="自动创建的账号不属于任何单位，在“人员”页为其指定单位后才能看到任务。"
            />
          </>
        )}
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
