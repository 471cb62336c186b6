import { BellOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { MessageReachSummary } from '../../messaging/components/message-reach-summary';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { useActionKey } from '../../common/hooks/use-action-key';
import { UrgeTaskMutation } from '../graphql/urge-task.mutation';

/** 催办: the office sends the unit a message it must acknowledge; the dialog says who will receive it and how. */
export function UrgeButton({ taskId, unitId, unitName }: { taskId: string; unitId: string; unitName: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [urge, { loading }] = useTaskMutation(UrgeTaskMutation);
  const [form] = Form.useForm<{ message: string }>();
  // Each opening of the dialog is one 催办: a retry of its submit must not urge twice.
  const action = useActionKey();
  const start = () => {
    action.renew();
    setOpen(true);
  };
  const submit = async (v: { message: string }) => {
    await urge({ variables: { taskId, message: v.message.trim(), idempotencyKey: action.get() } });
    message.success(`已向${unitName}发出催办`);
    setOpen(false);
    form.resetFields();
  };
  return (
    <>
      <Button icon={<BellOutlined />} onClick={start}>
        催办
      </Button>
      <Modal
        open={open}
        title={`催办：${unitName}`}
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
          initialValues={{ message: '请抓紧推进并及时报送进展。' }}
        >
          <Form.Item
            label="催办内容"
            name="message"
            rules={[
              { required: true, whitespace: true, message: '请填写催办内容' },
              { max: 1000, message: '不能超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        </Form>
        {open && <MessageReachSummary kind="URGE" unitIds={[unitId]} />}
      </Modal>
    </>
  );
}
