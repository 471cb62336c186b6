import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import type { Role, UpdateSecurityPolicyInput } from '../../../generated/graphql';
import { ROLE_LABELS } from '../../auth/utils/roles';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { SecurityPolicyQuery } from '../graphql/security-policy.query';
import { UpdateSecurityPolicyMutation } from '../graphql/update-security-policy.mutation';

type Values = Omit<UpdateSecurityPolicyInput, 'version'>;

const CLASS_OPTIONS = [
  { value: 2, label: '至少 2 种（字母和数字）' },
  { value: 3, label: '至少 3 种' },
  { value: 4, label: '4 种全部（大写、小写、数字、特殊字符）' },
];

/**
 * 身份鉴别 (security admin): the tenant's password and session policy. Takes effect at once: a
 * password older than the new maximum age must be changed at the next request, and sessions already
 * open follow the new idle and lifetime limits.
 */
export function SecurityPolicyForm() {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(SecurityPolicyQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateSecurityPolicyMutation, { refetchQueries: ['Me'] });
  if (loading && !data) return <PageLoading rows={6} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const p = data.securityPolicy;
  const save = async (v: Values) => {
    try {
      await update({ variables: { input: { ...v, version: p.version } } });
      message.success('安全策略已保存，立即生效');
    } catch {
      // shown by the link
    }
  };
  const { passwordRule: _, version: __, ...initial } = p;
  return (
    <Card title="身份鉴别策略（等保 2.0）" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">
        当前密码规则：{p.passwordRule}。保存后立即生效：超过有效期的密码须在下次操作前修改，已登录的会话按新的时限计算。
      </Typography.Paragraph>
      <Form<Values>
        key={p.version}
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={(v) => void save(v)}
      >
        <Typography.Title level={5}>密码</Typography.Title>
        <Space wrap size="large" align="start">
          <Form.Item label="最小长度" name="passwordMinLength" rules={[{ required: true, message: '请填写' }]}>
            <InputNumber min={8} max={64} suffix="位" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item label="须包含的字符种类" name="passwordMinClasses">
            <Select style={{ width: 300 }} options={CLASS_OPTIONS} />
          </Form.Item>
        </Space>
        <Space wrap size="large" align="start">
          <Form.Item
            label="不得重复使用最近的密码"
            name="passwordHistory"
            rules={[{ required: true, message: '请填写' }]}
            extra="0 表示只不得与当前密码相同"
          >
            <InputNumber min={0} max={24} suffix="个" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            label="密码有效期"
            name="passwordMaxAgeDays"
            rules={[{ required: true, message: '请填写' }]}
            extra="到期后登录须先修改密码；0 表示永不过期"
          >
            <InputNumber min={0} max={365} suffix="天" style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>会话</Typography.Title>
        <Space wrap size="large" align="start">
          <Form.Item
            label="无操作自动退出"
            name="sessionIdleMinutes"
            rules={[{ required: true, message: '请填写' }]}
            extra="到时前 1 分钟提醒"
          >
            <InputNumber min={5} max={240} suffix="分钟" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            label="登录最长有效"
            name="sessionMaxHours"
            rules={[{ required: true, message: '请填写' }]}
            extra="无论是否操作，到时须重新登录"
          >
            <InputNumber min={1} max={72} suffix="小时" style={{ width: 160 }} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>两步验证</Typography.Title>
        <Form.Item
          label="须使用两步验证（动态验证码）的角色"
          name="twoFactorRoles"
          extra="这些角色的账号登录时除密码外还须输入手机身份验证器上的动态验证码，尚未绑定的在下次登录时先绑定；通过统一身份认证登录的按认证平台的要求，不另行验证"
        >
          <Select<Role[]>
            mode="multiple"
            allowClear
            placeholder="不要求"
            options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          />
        </Form.Item>
        <Typography.Title level={5}>防泄漏</Typography.Title>
        <Form.Item
          label="页面和导出文件水印"
          name="watermark"
          valuePropName="checked"
          extra="开启后，每个页面平铺显示查看人的姓名、用户名和当天日期（打印时也显示），导出的 Word、Excel 文件页脚注明导出人和日期"
        >
          <Switch checkedChildren="开" unCheckedChildren="关" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Form>
    </Card>
  );
}
