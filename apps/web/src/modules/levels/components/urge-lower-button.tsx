import { BellOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { UrgeLowerTenantMutation } from '../graphql/urge-lower-tenant.mutation';

/** A lower tenant the office can urge about the key point, with what the roll-up shows of it. */
export interface UrgeTarget {
  tenantId: string;
  name: string;
  /** e.g. 未对应 / 逾期 2 项: shown in the choice, and the default picks the ones that lag. */
  hint: string | null;
}

/** 催办下级: the upper office urges a lower office about one of its key points; the lower office must 签收. */
export function UrgeLowerButton({
  keyPoint,
  targets,
}: {
  keyPoint: { id: string; label: string; title: string };
  targets: UrgeTarget[];
}) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [urge, { loading }] = useMutation(UrgeLowerTenantMutation, { refetchQueries: ['LowerUrges'] });
  const [form] = Form.useForm<{ lowerTenantIds: string[]; message: string }>();
  const submit = async (v: { lowerTenantIds: string[]; message: string }) => {
    for (const lowerTenantId of v.lowerTenantIds)
      await urge({ variables: { lowerTenantId, keyPointId: keyPoint.id, message: v.message.trim() } });
    const names = targets.filter((t) => v.lowerTenantIds.includes(t.tenantId)).map((t) => t.name);
    message.success(`已向${names.join('、')}发出催办`);
    setOpen(false);
    form.resetFields();
  };
  return (
    <>
      <Button size="small" icon={<BellOutlined />} onClick={() => setOpen(true)} disabled={!targets.length}>
        催办下级
      </Button>
      <Modal
        open={open}
        title={`催办下级：${keyPoint.label} ${keyPoint.title}`}
        okText="发出催办"
        okButtonProps={{ loading }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v).catch(() => undefined)}
          initialValues={{
            lowerTenantIds: targets.filter((t) => t.hint).map((t) => t.tenantId),
            message: '请对照上级工作要点抓紧落实，并及时报送进展。',
          }}
        >
          <Form.Item
            label="下级机构"
            name="lowerTenantIds"
            rules={[{ required: true, message: '请选择要催办的下级机构' }]}
          >
            <Select
              mode="multiple"
              aria-label="下级机构"
              options={targets.map((t) => ({ value: t.tenantId, label: t.hint ? `${t.name}（${t.hint}）` : t.name }))}
            />
          </Form.Item>
          <Form.Item
            label="催办内容"
            name="message"
            rules={[
              { required: true, whitespace: true, message: '请填写催办内容' },
              { min: 2, message: '催办内容至少 2 个字' },
              { max: 500, message: '不能超过 500 字' },
            ]}
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
