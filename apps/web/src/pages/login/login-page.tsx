import { LockOutlined, BankOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';

interface LoginValues {
  tenantCode: string;
  username: string;
  password: string;
}

export function LoginPage() {
  const [form] = Form.useForm<LoginValues>();
  useEffect(() => {
    document.title = '登录 · 督办';
  }, []);
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          政务公开工作要点督办系统
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          请使用本单位账号登录
        </Typography.Paragraph>
        <Form form={form} layout="vertical" requiredMark={false} initialValues={{ tenantCode: localStorage.getItem('duban.tenant') ?? '' }}>
          <Form.Item label="机构代码" name="tenantCode" rules={[{ required: true, message: '请输入机构代码' }]}>
            <Input prefix={<BankOutlined />} autoComplete="organization" />
          </Form.Item>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
