import { CheckCircleOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { TaskRowFragment } from '../../../generated/graphql';
import { CloseTasksMutation } from '../../tasks/graphql/close-tasks.mutation';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';

/**
 * 办结销号 of the tasks ticked in the ledger, with one 销号 note. The server closes all or none: if one
 * was changed meanwhile, nothing is closed and the message names it.
 */
export function BulkCloseButton({ tasks, onDone }: { tasks: TaskRowFragment[]; onDone: () => void }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const [close, { loading }] = useTaskMutation(CloseTasksMutation);
  const submit = async ({ note }: { note?: string }) => {
    await close({
      variables: { tasks: tasks.map((t) => ({ taskId: t.id, version: t.version })), note: note?.trim() || null },
    });
    message.success(`已办结销号 ${tasks.length} 项任务`);
    setOpen(false);
    form.resetFields();
    onDone();
  };
  return (
    <>
      <Button
        icon={<CheckCircleOutlined />}
        disabled={!tasks.length}
        onClick={() => setOpen(true)}
        title={tasks.length ? undefined : '在列表中勾选已完成的任务'}
      >
        办结销号{tasks.length ? `（${tasks.length}）` : ''}
      </Button>
      <Modal
        open={open}
        title={`办结销号 ${tasks.length} 项任务`}
        okText="确认销号"
        okButtonProps={{ loading }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {tasks
            .slice(0, 5)
            .map((t) => `${t.unit?.name ?? ''} · ${t.keyPoint?.label ?? ''}`)
            .join('；')}
          {tasks.length > 5 ? ` 等 ${tasks.length} 项` : ''}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
          <Form.Item label="销号说明（可选）" name="note" rules={[{ max: 1000, message: '销号说明不能超过 1000 字' }]}>
            <Input.TextArea rows={3} placeholder="例如：年度任务已全部落实，集中销号" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
