import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { MeQuery as MeDocument } from '../../modules/auth/graphql/me.query';
import { ChangePasswordMutation } from '../../modules/auth/graphql/change-password.mutation';
import { useSignOut } from '../../modules/auth/hooks/use-sign-out';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { homePath } from '../../modules/auth/utils/roles';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { describeError } from '../../modules/common/utils/app-errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * The rule every tenant's policy includes (modules/auth/security-policy.ts), checked here first to save
 * a round trip; the tenant's stricter rules are the server's to check.
 */
export function passwordRuleProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}

export default function ChangePasswordPage() {
  usePageTitle('修改密码');
  const { viewer } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { signOut } = useSignOut();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [change, { loading }] = useMutation(ChangePasswordMutation, { context: { quiet: true } });
  if (!viewer) return null;

  const onFinish = async ({ currentPassword, newPassword }: Values) => {
    setError(null);
    try {
      await change({ variables: { input: { currentPassword, newPassword } } });
      client.writeQuery({
        query: MeDocument,
        data: { me: { ...viewer, mustChangePassword: false, passwordExpired: false } },
      });
      message.success('密码已修改');
      navigate(homePath(viewer.role), { replace: true });
    } catch (e) {
      const info = describeError(e);
      if (info.field === 'currentPassword' || info.field === 'newPassword') {
        form.setFields([{ name: info.field, errors: [info.message] }]);
      } else setError(info.message);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          修改密码
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {viewer.passwordExpired
            ? '您的密码已超过本机构规定的有效期，请先设置新密码。'
            : viewer.mustChangePassword
              ? '首次登录或密码已被重置，请先设置新密码。'
              : `${viewer.displayName}，请设置新密码。`}
          新密码{viewer.passwordRule}，且不能与最近使用过的密码相同。
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            rules={[
              { required: true, message: '请输入新密码' },
              {
                validator: (_, v: string) => {
                  const p = v ? passwordRuleProblem(v) : null;
                  return p ? Promise.reject(new Error(p)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, v: string) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <div style={{ display: 'flex', gap: 8 }}>
            <Button type="primary" htmlType="submit" loading={loading} style={{ flex: 1 }}>
              确认修改
            </Button>
            {viewer.mustChangePassword ? (
              <Button onClick={() => void signOut()}>退出登录</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>取消</Button>
            )}
          </div>
        </Form>
      </Card>
    </main>
  );
}
