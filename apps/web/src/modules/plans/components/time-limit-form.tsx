import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Popover, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';

export interface TimeLimitValue {
  text: string;
  date: string | null;
}

/**
 * A time limit as written (6月底前, 20个工作日内) with its date when it names one: added to a key point
 * or, as a milestone, to the plan. The date may not fall before the plan year.
 */
export function TimeLimitForm({
  year,
  onSubmit,
  submitText = '添加',
  what = '时限',
  example = '6月底前',
}: {
  year: number;
  onSubmit: (v: TimeLimitValue) => Promise<void>;
  submitText?: string;
  what?: string;
  example?: string;
}) {
  const [form] = Form.useForm<{ text: string; date: dayjs.Dayjs | null }>();
  const [saving, setSaving] = useState(false);
  const finish = async (v: { text: string; date: dayjs.Dayjs | null }) => {
    setSaving(true);
    try {
      await onSubmit({ text: v.text.trim(), date: v.date ? v.date.format('YYYY-MM-DD') : null });
      form.resetFields();
    } catch {
      // The API's message has been shown; what was entered stays for a retry.
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void finish(v)} aria-label={what}>
      <Form.Item
        name="text"
        rules={[
          { required: true, whitespace: true, message: `请填写${what}` },
          { max: 200, message: '不能超过 200 字' },
        ]}
      >
        <Input aria-label={`${what}（原文写法）`} placeholder={`如：${example}`} style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="date">
        <DatePicker
          aria-label={`${what}对应日期`}
          placeholder="对应日期（可不填）"
          style={{ width: 170 }}
          disabledDate={(d) => d.year() < year}
          defaultPickerValue={dayjs(`${year}-06-30`)}
        />
      </Form.Item>
      <Button htmlType="submit" type="primary" loading={saving}>
        {submitText}
      </Button>
    </Form>
  );
}

/** "+ 时限" next to a key point's time limits. */
export function AddTimeLimitButton({
  year,
  label,
  onSubmit,
}: {
  year: number;
  label: string;
  onSubmit: (v: TimeLimitValue) => Promise<void>;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      title="添加时限"
      content={
        <Space orientation="vertical">
          <TimeLimitForm
            year={year}
            onSubmit={async (v) => {
              await onSubmit(v);
              setOpen(false);
            }}
          />
        </Space>
      }
    >
      <Button size="small" type="dashed" icon={<PlusOutlined />} aria-label={label}>
        时限
      </Button>
    </Popover>
  );
}
