import { Alert, App, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs from 'dayjs';
import { usePhone } from '../../common/hooks/use-phone';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { RequestDelayMutation } from '../graphql/request-delay.mutation';

export interface DelayDateRange {
  earliest: string;
  latest: string;
}

/** Why a date cannot be asked for, in the words the API uses; null when it can. */
export function delayDateProblem(date: dayjs.Dayjs, dueDate: string, range: DelayDateRange): string | null {
  const day = date.format('YYYY-MM-DD');
  if (day <= dueDate) return `申请的完成时限应晚于当前时限 ${dueDate}`;
  if (day < range.earliest) return `申请的完成时限已经过去，请选择 ${range.earliest} 或以后的日期`;
  if (day > range.latest) return `申请的完成时限不能晚于 ${range.latest}（最长延期一年）`;
  return null;
}

/** A native date input's `YYYY-MM-DD` text in and out of the form's day value. */
const NATIVE_DATE = {
  getValueProps: (v?: dayjs.Dayjs) => ({ value: v ? v.format('YYYY-MM-DD') : '' }),
  normalize: (v: string) => (v ? dayjs(v) : undefined),
};

/**
 * 延期申请: a new date and why; the office decides. The dates offered start the day after the due date,
 * or today for a task already overdue (the server's range, in Shanghai time). A typed date out of range
 * is kept in the field and explained under it, not silently cleared.
 */
export function DelayRequestForm({
  taskId,
  dueDate,
  range,
  onDone,
}: {
  taskId: string;
  dueDate: string;
  range: DelayDateRange;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [request, { loading }] = useTaskMutation(RequestDelayMutation);
  const [form] = Form.useForm<{ date: dayjs.Dayjs; reason: string }>();
  const phone = usePhone();
  const overdue = range.earliest > dueDate && dayjs(range.earliest).diff(dayjs(dueDate), 'day') > 1;
  const submit = async (v: { date: dayjs.Dayjs; reason: string }) => {
    await request({
      variables: { taskId, input: { requestedDueDate: v.date.format('YYYY-MM-DD'), reason: v.reason.trim() } },
    });
    message.success('延期申请已提交，等待办公室审批');
    onDone();
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)} aria-label="延期申请">
      {overdue && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`任务已于 ${dueDate} 到期`}
          description={`新的完成时限只能选今天（${range.earliest}）或以后的日期，并请在理由中说明逾期原因。`}
        />
      )}
      <Form.Item
        label={`申请延期至（当前截止 ${dueDate}）`}
        name="date"
        extra={`可选 ${range.earliest} 至 ${range.latest}`}
        {...(phone ? NATIVE_DATE : {})}
        rules={[
          { required: true, message: '请选择新的截止日期' },
          {
            validator: (_, v?: dayjs.Dayjs) => {
              const p = v ? delayDateProblem(v, dueDate, range) : null;
              return p ? Promise.reject(new Error(p)) : Promise.resolve();
            },
          },
        ]}
      >
        {phone ? (
          // The phone's own date wheel or calendar, limited to the dates that can be asked for.
          <Input type="date" aria-label="申请延期至" min={range.earliest} max={range.latest} />
        ) : (
          <DatePicker aria-label="申请延期至" defaultPickerValue={dayjs(range.earliest)} />
        )}
      </Form.Item>
      <Form.Item
        label="延期理由"
        name="reason"
        rules={[
          { required: true, whitespace: true, message: '请填写延期理由' },
          { max: 1000, message: '不能超过 1000 字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Space orientation={phone ? 'vertical' : 'horizontal'} style={phone ? { width: '100%' } : undefined}>
        <Button type="primary" htmlType="submit" loading={loading} block={phone}>
          提交申请
        </Button>
        <Button onClick={onDone} block={phone}>
          取消
        </Button>
      </Space>
    </Form>
  );
}
