import { useMutation } from '@apollo/client/react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../common/utils/app-errors';
import { SetCalendarRangeMutation } from '../graphql/set-calendar-range.mutation';

interface Values {
  range: [Dayjs, Dayjs];
  workday: boolean;
  note?: string;
}

/** 批量修正: several days at once (a holiday week, a local day off), instead of one dialog per day. */
export function RangeEditorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetCalendarRangeMutation, {
    context: { quiet: true },
    refetchQueries: ['CalendarYear', 'CalendarCoverage'],
    awaitRefetchQueries: true,
  });
  const submit = async (v: Values) => {
    setProblem(null);
    try {
      const from = v.range[0].format('YYYY-MM-DD');
      const to = v.range[1].format('YYYY-MM-DD');
      const { data } = await save({
        variables: { input: { from, to, workday: v.workday, note: v.note?.trim() || null } },
      });
      message.success(
        `已将 ${from} 至 ${to} 共 ${data?.setCalendarRange.length ?? 0} 天设为${v.workday ? '上班' : '放假'}`,
      );
      form.resetFields();
      onClose();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  return (
    <Modal
      open={open}
      title="批量修正日期"
      okText="保存"
      cancelText="取消"
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ workday: false }}
        onFinish={(v) => void submit(v)}
        aria-label="批量修正日期"
      >
        <Form.Item
          name="range"
          label="日期范围"
          rules={[{ required: true, message: '请选择日期范围' }]}
          extra="一次最多 62 天"
        >
          <DatePicker.RangePicker aria-label="日期范围" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="workday" label="设为">
          <Radio.Group
            options={[
              { value: false, label: '放假' },
              { value: true, label: '上班' },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 50, message: '不超过 50 字' }]}>
          <Input aria-label="备注" placeholder="如：春节、防汛值班" />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" showIcon role="alert" title={problem} />}
    </Modal>
  );
}
