import { Button, Form, Input, Popconfirm, Radio, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { isWeekend, type CalendarDayData } from '../utils/calendar-grid';

export interface DayEditorValues {
  workday: boolean;
  note: string | null;
}

const SOURCE_LABELS: Record<CalendarDayData['source'], string> = {
  HOLIDAY_NOTICE: '国务院放假通知',
  TENANT_CORRECTION: '本单位修正',
  WEEKDAY_RULE: '按周末规则',
};

/** Set one day to 上班 or 放假 with a note, or drop the office's correction. */
export function DayEditor({
  day,
  saving,
  onSave,
  onClear,
  onCancel,
}: {
  day: CalendarDayData;
  saving?: boolean;
  onSave: (values: DayEditorValues) => void | Promise<void>;
  onClear: () => void | Promise<void>;
  onCancel?: () => void;
}) {
  const corrected = day.source === 'TENANT_CORRECTION';
  const weekday = ['日', '一', '二', '三', '四', '五', '六'][dayjs(day.date).day()];
  return (
    <Form<{ workday: boolean; note?: string }>
      key={`${day.date}-${day.correctionVersion ?? 0}`}
      layout="vertical"
      aria-label={`修改 ${day.date}`}
      initialValues={{ workday: !day.isWorkingDay, note: corrected ? (day.note ?? '') : '' }}
      onFinish={(v) => void onSave({ workday: v.workday, note: v.note?.trim() || null })}
    >
      <Typography.Paragraph>
        <Typography.Text strong>
          {day.date} 星期{weekday}
        </Typography.Text>{' '}
        {day.isWorkingDay ? <Tag color="blue">工作日</Tag> : <Tag color="green">休息日</Tag>}
        {day.note && <Tag>{day.note}</Tag>}
        <Typography.Text type="secondary">依据：{SOURCE_LABELS[day.source]}</Typography.Text>
      </Typography.Paragraph>
      <Form.Item name="workday" label="改为" rules={[{ required: true, message: '请选择上班或放假' }]}>
        <Radio.Group aria-label="改为">
          <Radio value={true}>上班{isWeekend(day.date) ? '（调休）' : ''}</Radio>
          <Radio value={false}>放假</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="note"
        label="说明"
        rules={[
          { required: true, whitespace: true, message: '请填写说明，如“国庆节调休上班”' },
          { max: 50, message: '说明不超过 50 个字' },
        ]}
      >
        <Input aria-label="说明" placeholder="如：国庆节调休上班" maxLength={60} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存修正
        </Button>
        {corrected && (
          <Popconfirm
            title="清除修正？"
            description="这一天将恢复按国务院放假通知计算。"
            okText="清除"
            cancelText="取消"
            onConfirm={() => void onClear()}
          >
            <Button danger>清除修正</Button>
          </Popconfirm>
        )}
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
