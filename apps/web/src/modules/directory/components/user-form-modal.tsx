import { accountManagerRefusal, heldRoles, roleGrantRefusal } from '@duban/domain';
import { Alert, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../common/utils/app-errors';
import type { Role, UserRowFragment } from '../../../generated/graphql';
import { ROLE_LABELS, UNIT_ROLES } from '../../auth/utils/roles';

/** The rule of 三员分立 as the form explains it. */
export const SEPARATION_RULE =
  '三员分立：系统管理员（政务公开办管理员）管理账号、单位、设置和工作要点；安全管理员负责密码与会话策略、解锁、重置两步验证和角色授权；' +
  '安全审计员只查阅和导出审计日志。系统管理员、安全管理员、安全审计员角色只能由安全管理员授予或撤销，安全管理员、安全审计员的账号也由安全管理员管理；' +
  '小型办公室可由一人兼任系统管理员和安全管理员，安全审计员不能兼任其他角色；任何人不能修改自己的角色。';

/** Who is filling the form: what they may grant and whose details they may change (三员分立). */
export interface FormViewer {
  id: string;
  roles: readonly Role[];
}

export interface UserFormValues {
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  email: string | null;
  phone: string | null;
  wecomUserid: string | null;
  dingtalkUserid: string | null;
  password: string | null;
  /** A system admin who also holds the security admin's duties. */
  securityAdmin: boolean;
}

/** Whether `viewer` may change more than the roles of `user` (a new account: whether it may create one). */
export const managesAccount = (viewer: FormViewer, user: { roles: readonly Role[] } | null) =>
  user ? accountManagerRefusal(viewer.roles, user.roles) === null : viewer.roles.includes('OFFICE_ADMIN');

/** Create a person (the password may be left empty: one is generated and shown once) or edit one. */
export function UserFormModal({
  open,
  user,
  viewer,
  units,
  saving,
  onSave,
  onCancel,
}: {
  open: boolean;
  user: UserRowFragment | null;
  viewer: FormViewer;
  units: { id: string; name: string; aliases?: string[] }[];
  saving?: boolean;
  onSave: (values: UserFormValues) => void | Promise<void>;
  onCancel: () => void;
}) {
  return (
    <Modal
      open={open}
      title={user ? `编辑账号：${user.username}` : '新增账号'}
      footer={null}
      onCancel={onCancel}
      destroyOnHidden
    >
      {open && (
        <UserForm
          key={user?.id ?? 'new'}
          user={user}
          viewer={viewer}
          units={units}
          saving={saving}
          onSave={onSave}
          onCancel={onCancel}
        />
      )}
    </Modal>
  );
}

function UserForm({
  user,
  viewer,
  units,
  saving,
  onSave,
  onCancel,
}: {
  user: UserRowFragment | null;
  viewer: FormViewer;
  units: { id: string; name: string; aliases?: string[] }[];
  saving?: boolean;
  onSave: (values: UserFormValues) => void | Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<UserFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  // The server's refusal goes where the person looks: beside the field it names, else above the buttons.
  const save = async (values: UserFormValues) => {
    setProblem(null);
    try {
      await onSave(values);
    } catch (error) {
      const { field, message } = describeError(error);
      if (field && FORM_FIELDS.includes(field as keyof UserFormValues))
        form.setFields([{ name: field as keyof UserFormValues, errors: [message] }]);
      else setProblem(message);
    }
  };
  const role = Form.useWatch('role', form);
  const unitRole = !!role && UNIT_ROLES.includes(role);
  const before: readonly Role[] = user?.roles ?? [];
  const self = !!user && user.id === viewer.id;
  const keepsSecurity = before.includes('SECURITY_ADMIN');
  // The roles this viewer may give (the current one always shows).
  const roleOptions = (Object.keys(ROLE_LABELS) as Role[])
    .filter(
      (r) =>
        r === user?.role ||
        roleGrantRefusal(viewer.roles, self, before, heldRoles(r, r === 'OFFICE_ADMIN' && keepsSecurity)) === null,
    )
    .map((r) => ({ value: r, label: r === 'OFFICE_ADMIN' ? `${ROLE_LABELS[r]}（系统管理员）` : ROLE_LABELS[r] }));
  const details = managesAccount(viewer, user);
  const grantsSecurity = viewer.roles.includes('SECURITY_ADMIN') && !self;
  return (
    <Form<UserFormValues>
      form={form}
      layout="vertical"
      aria-label={user ? '编辑账号' : '新增账号'}
      initialValues={
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              unitId: user.unitId ?? null,
              email: user.email ?? '',
              phone: user.phone ?? '',
              wecomUserid: user.wecomUserid ?? '',
              dingtalkUserid: user.dingtalkUserid ?? '',
              securityAdmin: keepsSecurity,
            }
          : {
              role: viewer.roles.includes('OFFICE_ADMIN') ? 'UNIT_LIAISON' : undefined,
              unitId: null,
              securityAdmin: false,
            }
      }
      onFinish={(v) =>
        void save({
          username: v.username?.trim(),
          displayName: v.displayName.trim(),
          role: v.role,
          unitId: UNIT_ROLES.includes(v.role) ? v.unitId : null,
          email: v.email?.trim() || null,
          phone: v.phone?.trim() || null,
          wecomUserid: v.wecomUserid?.trim() || null,
          dingtalkUserid: v.dingtalkUserid?.trim() || null,
          password: v.password || null,
          securityAdmin: v.role === 'OFFICE_ADMIN' && !!v.securityAdmin,
        })
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="separation-rule">
        {SEPARATION_RULE}
      </Typography.Paragraph>
      <Form.Item
        name="username"
        label="用户名"
        rules={[
          { required: true, whitespace: true, message: '请填写用户名' },
          { pattern: USERNAME, message: '用户名为 2 到 64 位字母、数字或 _ . @ -' },
        ]}
      >
        <Input aria-label="用户名" disabled={!!user} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label="姓名"
        rules={[
          { required: true, whitespace: true, message: '请填写姓名' },
          { max: 50, message: '不超过 50 字' },
        ]}
      >
        <Input aria-label="姓名" disabled={!details} />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select aria-label="角色" disabled={roleOptions.length < 2 && !!user} options={roleOptions} />
      </Form.Item>
      {role === 'OFFICE_ADMIN' && (grantsSecurity || keepsSecurity) && (
        <Form.Item
          name="securityAdmin"
          valuePropName="checked"
          extra={
            grantsSecurity
              ? '小型办公室可由一人兼任；兼任后也可设置安全策略、解锁账号、重置两步验证和授予角色。'
              : '由安全管理员授予或撤销。'
          }
        >
          <Checkbox aria-label="兼任安全管理员" disabled={!grantsSecurity}>
            兼任安全管理员
          </Checkbox>
        </Form.Item>
      )}
      {unitRole && (
        <Form.Item
          name="unitId"
          label="所属单位"
          rules={[{ required: true, message: '联络员和分管领导须选择所属单位' }]}
        >
          <Select
            aria-label="所属单位"
            disabled={!details}
            showSearch={{ filterOption: (input, option) => unitMatches(option?.search ?? '', input) }}
            options={units.map((u) => ({
              value: u.id,
              label: u.name,
              search: [u.name, ...(u.aliases ?? [])].join(' '),
            }))}
            placeholder="选择单位（可输入名称或别名）"
          />
        </Form.Item>
      )}
      <Form.Item
        name="email"
        label="电子邮箱"
        rules={[{ type: 'email', message: '邮箱格式不正确' }]}
        extra="用于通知邮件"
      >
        <Input aria-label="电子邮箱" disabled={!details} />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机"
        rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '手机号格式不正确' }]}
        extra="企业微信、钉钉可按手机号找到此人；群机器人消息也按手机号 @ 提醒。"
      >
        <Input aria-label="手机" inputMode="tel" disabled={!details} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="wecomUserid" label="企业微信账号（userid）">
            <Input aria-label="企业微信账号" autoComplete="off" disabled={!details} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="dingtalkUserid" label="钉钉 userid">
            <Input aria-label="钉钉 userid" autoComplete="off" disabled={!details} />
          </Form.Item>
        </Col>
      </Row>
      {!user && (
        <Form.Item
          name="password"
          label="初始密码"
          extra="不填写时自动生成易读的密码，并只显示一次；首次登录须修改。自行填写时至少 8 位，须同时包含字母和数字。"
          rules={[
            { min: 8, message: '密码至少 8 位' },
            { max: 128, message: '密码不能超过 128 位' },
            { pattern: /(?=.*[A-Za-z])(?=.*\d)/, message: '密码须同时包含字母和数字' },
          ]}
        >
          <Input.Password aria-label="初始密码" autoComplete="new-password" />
        </Form.Item>
      )}
      {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} />}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Space>
    </Form>
  );
}

/** The server's rule (user-fields.ts): letters, digits and _ . @ -, 2 to 64 characters. */
const USERNAME = /^[A-Za-z0-9_.@-]{2,64}$/;
const FORM_FIELDS: (keyof UserFormValues)[] = [
  'username',
  'displayName',
  'role',
  'unitId',
  'email',
  'phone',
  'wecomUserid',
  'dingtalkUserid',
  'password',
  'securityAdmin',
];

/** A unit option matches its name or any alias, ignoring case and spaces (省发改委, 楚雄州). */
export function unitMatches(haystack: string, input: string): boolean {
  const needle = input.replace(/\s+/g, '').toLowerCase();
  return haystack.replace(/\s+/g, '').toLowerCase().includes(needle);
}
