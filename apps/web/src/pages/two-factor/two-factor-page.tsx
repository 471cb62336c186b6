import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Form, Input, List, Result, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { BeginTwoFactorEnrolmentMutation } from '../../modules/auth/graphql/begin-two-factor.mutation';
import { ConfirmTwoFactorEnrolmentMutation } from '../../modules/auth/graphql/confirm-two-factor.mutation';
import { MeQuery as MeDocument } from '../../modules/auth/graphql/me.query';
import { useSignOut } from '../../modules/auth/hooks/use-sign-out';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { homePath } from '../../modules/auth/utils/roles';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { describeError } from '../../modules/common/utils/app-errors';

/** The recovery codes as a text file to keep (they are shown this once). */
function downloadCodes(codes: string[], who: string) {
  const text = `督办系统 两步验证恢复码（${who}）\n每个恢复码只能使用一次，请妥善保管。\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: '督办-两步验证恢复码.txt' });
  a.click();
  URL.revokeObjectURL(url);
}

/**
 * 两步验证: scan the QR code with an authenticator app (any TOTP app: 微信小程序“腾讯身份验证器”,
 * Microsoft/Google Authenticator…), type its first code, then keep the recovery codes shown once.
 */
export default function TwoFactorPage() {
  usePageTitle('两步验证');
  const { viewer } = useViewer();
  const client = useApolloClient();
  const navigate = useNavigate();
  const { signOut } = useSignOut();
  const [begin, { data: started, loading: starting }] = useMutation(BeginTwoFactorEnrolmentMutation, {
    context: { quiet: true },
  });
  const [confirm, { loading: confirming }] = useMutation(ConfirmTwoFactorEnrolmentMutation, {
    context: { quiet: true },
  });
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ code: string }>();
  if (!viewer) return null;
  const enrolment = started?.beginTwoFactorEnrolment;

  const start = async () => {
    setError(null);
    try {
      await begin();
    } catch (e) {
      setError(describeError(e).message);
    }
  };
  const finish = async ({ code }: { code: string }) => {
    setError(null);
    try {
      const { data } = await confirm({ variables: { code: code.trim() } });
      setCodes(data!.confirmTwoFactorEnrolment);
    } catch (e) {
      const info = describeError(e);
      if (info.field === 'code') form.setFields([{ name: 'code', errors: [info.message] }]);
      else setError(info.message);
    }
  };
  const enter = () => {
    client.writeQuery({
      query: MeDocument,
      data: { me: { ...viewer, mustEnrolTwoFactor: false, twoFactorEnabled: true } },
    });
    navigate(homePath(viewer.role), { replace: true });
  };

  const step = codes ? 2 : enrolment ? 1 : 0;
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 560, maxWidth: '100%' }}>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          两步验证
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {viewer.mustEnrolTwoFactor
            ? '本机构要求您的账号登录时除密码外还须输入手机上的动态验证码。请先完成绑定。'
            : '登录时除密码外还须输入手机上的动态验证码，账号更安全。'}
        </Typography.Paragraph>
        <Steps
          size="small"
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: '安装身份验证器' }, { title: '扫码并验证' }, { title: '保存恢复码' }]}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {viewer.twoFactorEnabled && !codes ? (
          <Result
            status="success"
            title="已启用两步验证"
            subTitle="如手机丢失或更换，请联系安全管理员重置后重新绑定。"
            extra={<Button onClick={() => navigate(-1)}>返回</Button>}
          />
        ) : step === 0 ? (
          <>
            <Typography.Paragraph>
              在手机上安装任一支持 TOTP 的身份验证器，如微信小程序“腾讯身份验证器”、Microsoft Authenticator 或 Google
              Authenticator，然后点击“开始绑定”。
            </Typography.Paragraph>
            <Space>
              <Button type="primary" loading={starting} onClick={() => void start()}>
                开始绑定
              </Button>
              <Button onClick={() => void signOut()}>退出登录</Button>
            </Space>
          </>
        ) : step === 1 && enrolment ? (
          <>
            <Typography.Paragraph>用身份验证器扫描二维码，然后输入它显示的 6 位数字。</Typography.Paragraph>
            <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
              <img src={enrolment.qrDataUrl} alt="两步验证二维码" width={180} height={180} />
              <div style={{ flex: 1, minWidth: 220 }}>
                <Typography.Paragraph type="secondary">无法扫码时，在验证器中手动输入密钥：</Typography.Paragraph>
                <Typography.Paragraph copyable code data-testid="totp-secret">
                  {enrolment.secret}
                </Typography.Paragraph>
                <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void finish(v)}>
                  <Form.Item
                    label="动态验证码"
                    name="code"
                    rules={[{ required: true, whitespace: true, message: '请输入动态验证码' }]}
                  >
                    <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={confirming}>
                    验证并启用
                  </Button>
                </Form>
              </div>
            </div>
          </>
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              title="请立即保存以下恢复码：手机不在身边时，每个恢复码可代替动态验证码登录一次。它们只显示这一次。"
              style={{ marginBottom: 16 }}
            />
            <List
              size="small"
              bordered
              grid={{ column: 2 }}
              dataSource={codes ?? []}
              renderItem={(c) => (
                <List.Item>
                  <Typography.Text code>{c}</Typography.Text>
                </List.Item>
              )}
            />
            <Space style={{ marginTop: 16 }}>
              <Button onClick={() => downloadCodes(codes ?? [], viewer.username)}>下载恢复码</Button>
              <Button type="primary" onClick={enter}>
                我已保存，进入系统
              </Button>
            </Space>
          </>
        )}
      </Card>
    </main>
  );
}
