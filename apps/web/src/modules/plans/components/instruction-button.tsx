import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useActionKey } from '../../common/hooks/use-action-key';
import { AddInstructionMutation } from '../graphql/add-instruction.mutation';

/** 批示: leadership writes an instruction on a key point; the office and the units see it. */
export function InstructionButton({ keyPointId, title }: { keyPointId: string; title: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [add, { loading }] = useMutation(AddInstructionMutation);
  const [form] = Form.useForm<{ text: string }>();
  // Each opening of the dialog is one instruction: a retry of its submit must not post it twice.
  const action = useActionKey();
  const start = () => {
    action.renew();
    setOpen(true);
  };
  return (
    <>
      <Button size="small" type="link" onClick={start} aria-label={`批示：${title}`}>
        批示
      </Button>
      <Modal
        open={open}
        title={`批示：${title}`}
        okText="提交批示"
        okButtonProps={{ loading }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void add({ variables: { keyPointId, text: v.text.trim(), idempotencyKey: action.get() } }).then(
              () => {
                message.success('批示已提交');
                setOpen(false);
              },
              () => undefined,
            )
          }
        >
          <Form.Item
            label="批示内容"
            name="text"
            rules={[
              { required: true, whitespace: true, message: '请填写批示内容' },
              { max: 2000, message: '不能超过 2000 字' },
            ]}
          >
            <Input.TextArea rows={4} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
