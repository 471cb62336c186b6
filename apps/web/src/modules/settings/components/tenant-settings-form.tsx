import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import type { ReportCycleKind, TenantSettingsQuery, UpdateTenantSettingsInput } from '../../../generated/graphql';

type Settings = TenantSettingsQuery['tenant']['settings'];

interface Values {
  leaderApproval: boolean;
  yellowWithinWorkingDays: number;
  remindBeforeWorkingDays: number;
  urgeAfterWorkingDays: number;
  superviseAfterWorkingDays: number;
  paceMarginPercent: number;
  defaultDueMonthDay: string;
  signWithinWorkingDays: number;
  cycleKind: ReportCycleKind;
  dayOfMonth?: number | null;
  weekday?: number | null;
}

const CYCLE_LABELS: Record<ReportCycleKind, string> = {
  NONE: '不定期报送',
  WEEKLY: '每周',
  MONTHLY: '每月',
  QUARTERLY: '每季度',
};
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

export function toSettingsInput(v: Values): UpdateTenantSettingsInput {
  return {
    leaderApproval: v.leaderApproval,
    yellowWithinWorkingDays: v.yellowWithinWorkingDays,
    remindBeforeWorkingDays: v.remindBeforeWorkingDays,
    urgeAfterWorkingDays: v.urgeAfterWorkingDays,
    superviseAfterWorkingDays: v.superviseAfterWorkingDays,
    paceMarginPercent: v.paceMarginPercent,
    defaultDueMonthDay: v.defaultDueMonthDay,
    signWithinWorkingDays: v.signWithinWorkingDays,
    reportCycle: {
      kind: v.cycleKind,
      dayOfMonth: v.cycleKind === 'MONTHLY' || v.cycleKind === 'QUARTERLY' ? v.dayOfMonth : null,
      weekday: v.cycleKind === 'WEEKLY' ? v.weekday : null,
    },
  };
}

/** 系统设置: how supervision runs for this government. Only the office admin may change it. */
export function TenantSettingsForm({
  settings,
  editable,
  saving,
  onSave,
}: {
  settings: Settings;
  editable: boolean;
  saving?: boolean;
  onSave: (input: UpdateTenantSettingsInput) => void;
}) {
  const [form] = Form.useForm<Values>();
  const cycle = Form.useWatch('cycleKind', form);
  const days = (label: string, min = 0, max = 60) => (
    <InputNumber aria-label={label} min={min} max={max} suffix="个工作日" style={{ width: 200 }} />
  );
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      aria-label="系统设置"
      disabled={!editable}
      initialValues={{
        ...settings,
        cycleKind: settings.reportCycle.kind,
        dayOfMonth: settings.reportCycle.dayOfMonth ?? 25,
        weekday: settings.reportCycle.weekday ?? 5,
      }}
      onFinish={(v) => onSave(toSettingsInput(v))}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="报送">
            <Form.Item
              name="leaderApproval"
              label="报送须经分管领导审核"
              valuePropName="checked"
              extra="开启后，联络员的报送先到本单位分管领导，审核同意后再到办公室。"
            >
              <Switch aria-label="报送须经分管领导审核" />
            </Form.Item>
            <Space wrap align="start">
              <Form.Item name="cycleKind" label="报送周期" rules={[{ required: true }]}>
                <Select
                  aria-label="报送周期"
                  style={{ width: 140 }}
                  options={(Object.keys(CYCLE_LABELS) as ReportCycleKind[]).map((k) => ({
                    value: k,
                    label: CYCLE_LABELS[k],
                  }))}
                />
              </Form.Item>
              {(cycle === 'MONTHLY' || cycle === 'QUARTERLY') && (
                <Form.Item
                  name="dayOfMonth"
                  label={cycle === 'QUARTERLY' ? '季末月份的报送截止日' : '每月报送截止日'}
                  rules={[{ required: true, message: '请填写截止日' }]}
                >
                  <InputNumber aria-label="报送截止日" min={1} max={31} suffix="日" style={{ width: 140 }} />
                </Form.Item>
              )}
              {cycle === 'WEEKLY' && (
                <Form.Item name="weekday" label="每周报送截止" rules={[{ required: true, message: '请选择星期' }]}>
                  <Select
                    aria-label="每周报送截止"
                    style={{ width: 120 }}
                    options={WEEKDAYS.map((w, i) => ({ value: i + 1, label: `星期${w}` }))}
                  />
                </Form.Item>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="预警与督办">
            <Form.Item
              name="signWithinWorkingDays"
              label="签收时限"
              extra="新交办的任务超过此天数未签收时，在工作台列出该单位"
              rules={[{ required: true, message: '请填写' }]}
            >
              {days('签收时限天数', 1, 30)}
            </Form.Item>
            <Form.Item
              name="yellowWithinWorkingDays"
              label="黄灯预警"
              extra="距截止日不足此天数且未完成时亮黄灯"
              rules={[{ required: true, message: '请填写' }]}
            >
              {days('黄灯预警天数', 1, 60)}
            </Form.Item>
            <Form.Item
              name="remindBeforeWorkingDays"
              label="到期提醒"
              extra="截止前此天数提醒承办单位"
              rules={[{ required: true, message: '请填写' }]}
            >
              {days('到期提醒天数')}
            </Form.Item>
            <Space wrap align="start">
              <Form.Item
                name="urgeAfterWorkingDays"
                label="逾期后自动催办"
                rules={[{ required: true, message: '请填写' }]}
              >
                {days('自动催办天数')}
              </Form.Item>
              <Form.Item
                name="superviseAfterWorkingDays"
                label="逾期后列入拟督办"
                dependencies={['urgeAfterWorkingDays']}
                rules={[
                  { required: true, message: '请填写' },
                  ({ getFieldValue }) => ({
                    validator: async (_, v: number) => {
                      if (v !== undefined && v < getFieldValue('urgeAfterWorkingDays'))
                        throw new Error('督办应不早于催办');
                    },
                  }),
                ]}
              >
                {days('拟督办天数')}
              </Form.Item>
            </Space>
            <Form.Item
              name="paceMarginPercent"
              label="进度容差"
              extra="报送进度落后于时间进度超过此百分比时提示"
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber aria-label="进度容差" min={0} max={100} suffix="%" style={{ width: 140 }} />
            </Form.Item>
            <Form.Item
              name="defaultDueMonthDay"
              label="无时限要点的默认截止日"
              extra="格式 月-日，如 12-31"
              rules={[
                { required: true, message: '请填写' },
                { pattern: /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, message: '格式应为 MM-DD，如 12-31' },
              ]}
            >
              <Input aria-label="默认截止日" style={{ width: 140 }} />
            </Form.Item>
          </Card>
        </Col>
      </Row>
      {editable ? (
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving}>
            保存设置
          </Button>
          <Button htmlType="button" onClick={() => form.resetFields()}>
            还原
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          系统设置由政务公开办管理员修改。
        </Typography.Paragraph>
      )}
    </Form>
  );
}
