import { App, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { RequestDelayMutation } from '../graphql/request-delay.mutation';

/** 延期申请: a new date after the current one, and why. The office decides. */
export function DelayRequestForm({ taskId, dueDate, onDone }: { taskId: string; dueDate: string; onDone: () => void }) {
  const { message } = App.useApp();
  const [request, { loading }] = useTaskMutation(RequestDelayMutation);
  const [form] = Form.useForm<{ date: dayjs.Dayjs; reason: string }>();
  const submit = async (v: { date: dayjs.Dayjs; reason: string }) => {
    await request({ variables: { taskId, input: { requestedDueDate: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() } } });
    message.success('延期申请已提交，等待办公室审批');
    onDone();
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)} aria-label="延期申请">
      <Form.Item label={`申请延期至（当前截止 ${dueDate}）`} name="date" rules={[{ required: true, message: '请选择新的截止日期' }]}>
        <DatePicker aria-label="申请延期至" disabledDate={(d) => !d.isAfter(dayjs(dueDate), 'day') || d.isAfter(dayjs(dueDate).add(1, 'year'))} />
      </Form.Item>
      <Form.Item label="延期理由" name="reason" rules={[{ required: true, whitespace: true, message: '请填写延期理由' }, { max: 2000, message: '不能超过 2000 字' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={loading}>
          提交申请
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}
