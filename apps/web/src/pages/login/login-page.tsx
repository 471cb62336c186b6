import { BankOutlined, LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Input, theme } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { MeQuery as MeDocument } from '../../modules/auth/graphql/me.query';
import { SignInMutation } from '../../modules/auth/graphql/sign-in.mutation';
import { SignInOptionsQuery } from '../../modules/auth/graphql/sign-in-options.query';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { homePath } from '../../modules/auth/utils/roles';
import { prefetchRoute } from '../../app/route-loaders';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { describeError } from '../../modules/common/utils/app-errors';

const TENANT_KEY = 'duban.tenant';

interface LoginValues {
  tenantCode: string;
  username: string;
  password: string;
  totpCode?: string;
}

/** Only same-app paths are followed after sign-in (no open redirect through ?next=). */
function safeNext(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;
}

/** The 机构代码 being typed, settled: asking the server on every keystroke would be wasted. */
function useSettled(value: string, ms = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function LoginPage() {
  usePageTitle('登录');
  const [form] = Form.useForm<LoginValues>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useApolloClient();
  const { viewer } = useViewer();
  const [error, setError] = useState<string | null>(null);
  /** The password was right and the account signs in with a second factor: the code field shows. */
  const [askCode, setAskCode] = useState(false);
  const [signIn, { loading }] = useMutation(SignInMutation, { context: { quiet: true } });
  const { token } = theme.useToken();
  const location = useLocation();
  const typedCode = (Form.useWatch('tenantCode', form) ?? localStorage.getItem(TENANT_KEY) ?? '').trim();
  const tenantCode = useSettled(typedCode);
  const { data: options } = useQuery(SignInOptionsQuery, {
    variables: { tenantCode },
    skip: !tenantCode,
    context: { quiet: true },
  });
  const sso = !!tenantCode && options?.signInOptions.sso === true;
  const passwordAllowed = !sso || options?.signInOptions.passwordAllowed !== false;
  const ssoError = params.get('ssoError');
  const ssoLogoutPath = (location.state as { ssoLogoutPath?: string } | null)?.ssoLogoutPath;
  const next = safeNext(params.get('next'));
  const startSso = () => {
    localStorage.setItem(TENANT_KEY, tenantCode);
    // A full page load: the provider's sign-in page is not part of this app. The server keeps the return path.
    window.location.assign(`/auth/sso/start?${new URLSearchParams({ tenant: tenantCode, ...(next ? { next } : {}) })}`);
  };

  if (viewer) return <Navigate to={viewer.mustChangePassword ? '/change-password' : homePath(viewer.role)} replace />;

  const onFinish = async (values: LoginValues) => {
    setError(null);
    try {
      const tenantCode = values.tenantCode.trim();
      const { data } = await signIn({
        variables: { input: { ...values, tenantCode, username: values.username.trim() } },
      });
      const me = data!.signIn;
      const target = me.mustChangePassword ? '/change-password' : (next ?? homePath(me.role));
      void prefetchRoute(target);
      localStorage.setItem(TENANT_KEY, tenantCode);
      // Answers cached for an earlier person must not leak into this session.
      await client.clearStore();
      client.writeQuery({ query: MeDocument, data: { me } });
      navigate(target, { replace: true });
    } catch (e) {
      const info = describeError(e);
      const reason = info.extensions?.reason;
      if (reason === 'TOTP_REQUIRED' || reason === 'TOTP_INVALID') {
        // The password stays: only the code is asked (again).
        setAskCode(true);
        setError(reason === 'TOTP_INVALID' ? info.message : null);
        form.setFieldValue('totpCode', '');
        return;
      }
      setError(info.message);
      setAskCode(false);
      form.setFieldValue('password', '');
    }
  };

  return (
    // Border-box: the card's 380 px and the page's full height include their padding, so a phone's
    // 375 px screen shows the whole card instead of scrolling sideways (428 px before).
    <main
      style={{
        minHeight: '100vh',
        boxSizing: 'border-box',
        display: 'grid',
        placeItems: 'center',
        background: '#f5f5f5',
        padding: 16,
      }}
    >
      {/* Plain elements instead of Card/Typography keep the first page's download small (Card pulls in Tabs). */}
      <section
        aria-labelledby="login-title"
        style={{
          width: 380,
          maxWidth: '100%',
          boxSizing: 'border-box',
          padding: 24,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
        }}
      >
        <h1
          id="login-title"
          style={{
            textAlign: 'center',
            margin: '0 0 4px',
            fontSize: token.fontSizeHeading3,
            fontWeight: 600,
            color: token.colorTextHeading,
          }}
        >
          政务公开工作要点督办系统
        </h1>
        <p style={{ textAlign: 'center', color: token.colorTextSecondary, margin: '0 0 16px' }}>请使用本单位账号登录</p>
        {ssoLogoutPath && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="您已退出督办系统"
            description={<a href={ssoLogoutPath}>同时退出统一身份认证平台</a>}
          />
        )}
        {(error ?? ssoError) && (
          <Alert type="error" showIcon title={error ?? ssoError} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          initialValues={{ tenantCode: localStorage.getItem(TENANT_KEY) ?? '' }}
        >
          <Form.Item
            label="机构代码"
            name="tenantCode"
            rules={[{ required: true, whitespace: true, message: '请输入机构代码' }]}
          >
            <Input prefix={<BankOutlined />} autoComplete="organization" />
          </Form.Item>
          {sso && (
            <Button
              type={passwordAllowed ? 'default' : 'primary'}
              block
              onClick={startSso}
              style={{ marginBottom: passwordAllowed ? 16 : 0 }}
            >
              统一身份认证登录
            </Button>
          )}
          {passwordAllowed && (
            <>
              <Form.Item
                label="用户名"
                name="username"
                rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" />
              </Form.Item>
              <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              {askCode && (
                <Form.Item
                  label="动态验证码"
                  name="totpCode"
                  rules={[{ required: true, whitespace: true, message: '请输入动态验证码' }]}
                  extra="打开手机上的身份验证器，输入“督办”下显示的 6 位数字；手机不在身边时可输入一个恢复码"
                >
                  <Input prefix={<SafetyOutlined />} autoComplete="one-time-code" inputMode="numeric" autoFocus />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" block loading={loading}>
                登录
              </Button>
            </>
          )}
        </Form>
      </section>
    </main>
  );
}

// For the route table's lazy loader (app/route-loaders.ts); tests import it by name.
export default LoginPage;
