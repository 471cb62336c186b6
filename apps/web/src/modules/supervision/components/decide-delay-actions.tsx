import { Alert, App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { DecideDelayMutation } from '../graphql/decide-delay.mutation';

/** Office decision on a pending 延期申请; refusing needs a reason, approving moves the due date. */
export function DecideDelayActions({
  delay,
}: {
  delay: {
    id: string;
    version: number;
    requestedDueDate: string;
    currentDueDate: string;
    requestedDatePassed: boolean;
    requestedWhenOverdue: boolean;
  };
}) {
  const { message } = App.useApp();
  const [decide, { loading }] = useTaskMutation(DecideDelayMutation);
  const [approve, setApprove] = useState<boolean | null>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const submit = async ({ comment }: { comment?: string }) => {
    await decide({
      variables: {
        id: delay.id,
        version: delay.version,
        input: { approve: approve!, comment: comment?.trim() || null },
      },
    });
    message.success(approve ? `已批准，截止日期调整为 ${delay.requestedDueDate}` : '已不予批准');
    setApprove(null);
    form.resetFields();
  };
  return (
    <>
      <Space>
        <Button type="primary" size="small" onClick={() => setApprove(true)}>
          批准
        </Button>
        <Button size="small" onClick={() => setApprove(false)}>
          不批准
        </Button>
      </Space>
      <Modal
        open={approve !== null}
        title={approve ? `批准延期至 ${delay.requestedDueDate}？` : '不批准延期申请'}
        okText={approve ? '批准' : '不批准'}
        okButtonProps={{ loading, danger: approve === false }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setApprove(null)}
        destroyOnHidden
      >
        {approve && delay.requestedDatePassed && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="delay-date-passed"
            title={`申请的完成时限 ${delay.requestedDueDate} 已经过去`}
            description="批准后任务仍为逾期。可以不批准并请单位重新申请一个今天以后的日期。"
          />
        )}
        {approve && !delay.requestedDatePassed && delay.requestedWhenOverdue && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`单位申请时任务已逾期（原定 ${delay.currentDueDate}）`}
          />
        )}
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
          <Form.Item
            label={approve ? '意见（可选）' : '不批准的理由'}
            name="comment"
            rules={
              approve
                ? [{ max: 1000 }]
                : [{ required: true, whitespace: true, message: '请填写不批准的理由' }, { max: 1000 }]
            }
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
