import { useQuery } from '@apollo/client/react';
import { Alert, Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { UnitsQuery } from '../../directory/graphql/units.query';
import type { DraftKeyPoint, TaskRole } from '../utils/draft-types';

export interface KeyPointAmendment {
  dueDate?: string;
  addUnits?: { unitId: string; role: TaskRole }[];
  removeUnitIds?: string[];
  reason: string;
}

interface FormValues {
  dueDate?: dayjs.Dayjs | null;
  addUnitIds?: string[];
  addRole: TaskRole;
  removeUnitIds?: string[];
  reason: string;
}

/**
 * 调整工作要点 after publishing: a new time limit for its unfinished tasks, units added (new tasks) or
 * removed (their untouched tasks withdrawn), always with a reason that goes into every task's history.
 */
export function KeyPointAmendModal({
  keyPoint,
  year,
  onSave,
  onCancel,
}: {
  keyPoint: DraftKeyPoint | null;
  year: number;
  onSave: (amendment: KeyPointAmendment) => Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const units = useQuery(UnitsQuery, { variables: { filter: { active: true } }, skip: !keyPoint });
  // A fresh copy of the same key point (after a refused attempt) keeps what was entered.
  const keyPointId = keyPoint?.id;
  useEffect(() => {
    if (keyPointId) form.resetFields();
  }, [keyPointId, form]);
  if (!keyPoint) return null;
  const assigned = keyPoint.units
    .filter((u) => u.unit)
    .map((u) => ({ id: u.unit!.id, name: u.unit!.name, role: u.role }));
  const assignedIds = new Set(assigned.map((u) => u.id));

  const finish = async (v: FormValues) => {
    const amendment: KeyPointAmendment = { reason: v.reason.trim() };
    if (v.dueDate) amendment.dueDate = v.dueDate.format('YYYY-MM-DD');
    if (v.addUnitIds?.length) amendment.addUnits = v.addUnitIds.map((unitId) => ({ unitId, role: v.addRole }));
    if (v.removeUnitIds?.length) amendment.removeUnitIds = v.removeUnitIds;
    setSaving(true);
    try {
      await onSave(amendment);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`调整工作要点：${keyPoint.label} ${keyPoint.title}`}
      okText="确认调整"
      cancelText="取消"
      okButtonProps={{ loading: saving }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="调整会写入相关任务的操作记录，并通知有关单位。已有报送或办理记录的任务不能移除。"
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ addRole: 'RESPONSIBLE' }}
        onFinish={(v) => void finish(v)}
        validateTrigger="onSubmit"
      >
        <Form.Item
          label="新的完成时限"
          name="dueDate"
          extra={`当前：${keyPoint.dueDate ?? `${year}-12-31（默认）`}；只改动未完成的任务`}
        >
          <DatePicker aria-label="新的完成时限" disabledDate={(d) => d.year() < year} />
        </Form.Item>
        <Form.Item label="增加承办单位" name="addUnitIds">
          <Select
            mode="multiple"
            aria-label="增加承办单位"
            placeholder="选择单位"
            loading={units.loading}
            optionFilterProp="label"
            options={(units.data?.units ?? [])
              .filter((u) => !assignedIds.has(u.id))
              .map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item label="新增单位的角色" name="addRole">
          <Radio.Group
            options={[
              { value: 'RESPONSIBLE', label: '责任单位' },
              { value: 'LEAD', label: '牵头单位' },
            ]}
          />
        </Form.Item>
        {assigned.length > 0 && (
          <Form.Item label="移除承办单位" name="removeUnitIds">
            <Checkbox.Group
              options={assigned.map((u) => ({
                value: u.id,
                label: `${u.name}（${u.role === 'LEAD' ? '牵头' : '责任'}）`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label="调整原因"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请填写调整原因' },
            { max: 1000, message: '调整原因不能超过 1000 字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：根据省政府办公厅通知，完成时限调整至……" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
