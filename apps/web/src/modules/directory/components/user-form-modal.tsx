import { Alert, Button, Col, Form, Input, Modal, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { describeError } from '../../common/utils/app-errors';
import type { Role, UserRowFragment } from '../../../generated/graphql';
import { ROLE_LABELS, UNIT_ROLES } from '../../auth/utils/roles';

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
}

/** Create a person (the password may be left empty: one is generated and shown once) or edit one. */
export function UserFormModal({
  open,
  user,
  units,
  saving,
  onSave,
  onCancel,
}: {
  open: boolean;
  user: UserRowFragment | null;
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
  units,
  saving,
  onSave,
  onCancel,
}: {
  user: UserRowFragment | null;
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
            }
          : { role: 'UNIT_LIAISON', unitId: null }
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
        })
      }
    >
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
        <Input aria-label="姓名" />
      </Form.Item>
      <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
        <Select
          aria-label="角色"
          options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      </Form.Item>
      {unitRole && (
        <Form.Item
          name="unitId"
          label="所属单位"
          rules={[{ required: true, message: '联络员和分管领导须选择所属单位' }]}
        >
          <Select
            aria-label="所属单位"
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
        <Input aria-label="电子邮箱" />
      </Form.Item>
      <Form.Item
        name="phone"
        label="手机"
        rules={[{ pattern: /^[0-9+\-() ]{5,20}$/, message: '手机号格式不正确' }]}
        extra="企业微信、钉钉可按手机号找到此人；群机器人消息也按手机号 @ 提醒。"
      >
        <Input aria-label="手机" inputMode="tel" />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="wecomUserid" label="企业微信账号（userid）">
            <Input aria-label="企业微信账号" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="dingtalkUserid" label="钉钉 userid">
            <Input aria-label="钉钉 userid" autoComplete="off" />
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
];

/** A unit option matches its name or any alias, ignoring case and spaces (省发改委, 楚雄州). */
export function unitMatches(haystack: string, input: string): boolean {
  const needle = input.replace(/\s+/g, '').toLowerCase();
  return haystack.replace(/\s+/g, '').toLowerCase().includes(needle);
}
