import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { CloseTaskMutation } from '../graphql/close-task.mutation';
import { ReopenTaskMutation } from '../graphql/reopen-task.mutation';
import { useTaskMutation } from '../hooks/use-task-mutation';
import type { TaskStatus } from '../utils/labels';

type Action = 'close' | 'reopen' | null;

/**
 * 办结销号 of a task the office accepted (with an optional 销号 note), and reopening a done or closed one
 * with a reason the unit reads. Only what the task's status allows is offered.
 */
export function CloseOutActions({ task }: { task: { id: string; version: number; status: TaskStatus } }) {
  const { message } = App.useApp();
  const [action, setAction] = useState<Action>(null);
  const [form] = Form.useForm<{ text?: string }>();
  const [close, { loading: closing }] = useTaskMutation(CloseTaskMutation);
  const [reopen, { loading: reopening }] = useTaskMutation(ReopenTaskMutation);
  const canClose = task.status === 'DONE';
  const canReopen = task.status === 'DONE' || task.status === 'CLOSED';
  if (!canClose && !canReopen) return null;

  const submit = async ({ text }: { text?: string }) => {
    if (action === 'close') {
      await close({ variables: { taskId: task.id, version: task.version, note: text?.trim() || null } });
      message.success('已办结销号');
    } else {
      await reopen({ variables: { taskId: task.id, version: task.version, reason: text!.trim() } });
      message.success('已重新打开，单位将看到原因');
    }
    setAction(null);
    form.resetFields();
  };

  return (
    <>
      {canClose && (
        <Button type="primary" onClick={() => setAction('close')}>
          办结销号
        </Button>
      )}
      {canReopen && <Button onClick={() => setAction('reopen')}>重新打开</Button>}
      <Modal
        open={action !== null}
        title={action === 'close' ? '办结销号' : '重新打开任务'}
        okText={action === 'close' ? '确认销号' : '重新打开'}
        okButtonProps={{ loading: closing || reopening, danger: action === 'reopen' }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
          {action === 'close' ? (
            <Form.Item
              label="销号说明（可选）"
              name="text"
              rules={[{ max: 1000, message: '销号说明不能超过 1000 字' }]}
            >
              <Input.TextArea rows={3} placeholder="例如：已按要求公开，佐证材料齐全，予以销号" autoFocus />
            </Form.Item>
          ) : (
            <Form.Item
              label="重新打开的原因"
              name="text"
              rules={[
                { required: true, whitespace: true, message: '请填写重新打开的原因，单位将据此继续办理' },
                { max: 1000, message: '原因不能超过 1000 字' },
              ]}
            >
              <Input.TextArea rows={3} placeholder="例如：复核发现公开页面已失效，请重新发布并报送" autoFocus />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
