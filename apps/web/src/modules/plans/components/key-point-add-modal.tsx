import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { sectionHeading, type DraftSection } from '../utils/draft-types';

export interface NewKeyPoint {
  sectionId: string | null;
  label: string;
  title: string;
  text: string;
  dueDate: string | null;
}

interface Props {
  /** Open with the section to add to (null: none); undefined when closed. */
  sectionId: string | null | undefined;
  sections: DraftSection[];
  year: number;
  onSave: (v: NewKeyPoint) => Promise<void>;
  onCancel: () => void;
}

/** A key point the parser did not find, typed in by hand. Units and time limits are added on the tree. */
export function KeyPointAddModal({ sectionId, sections, year, onSave, onCancel }: Props) {
  const [form] = Form.useForm<{
    sectionId: string | null;
    label: string;
    title: string;
    text: string;
    dueDate: dayjs.Dayjs | null;
  }>();
  const open = sectionId !== undefined;
  useEffect(() => {
    if (open) form.setFieldsValue({ sectionId, label: '', title: '', text: '', dueDate: null });
  }, [open, sectionId, form]);
  return (
    <Modal
      open={open}
      title="添加要点"
      okText="添加"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
      width={720}
    >
      <Form
        form={form}
        layout="vertical"
        aria-label="添加要点"
        onFinish={(v) =>
          void onSave({
            sectionId: v.sectionId ?? null,
            label: v.label ?? '',
            title: v.title,
            text: v.text ?? '',
            dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          })
        }
      >
        <Form.Item label="所属部分" name="sectionId">
          <Select
            allowClear
            placeholder="不分部分"
            options={sections.map((s) => ({ value: s.id, label: sectionHeading(s) }))}
          />
        </Form.Item>
        <Form.Item label="序号" name="label" rules={[{ max: 20, message: '序号不能超过 20 字' }]}>
          <Input style={{ width: 160 }} placeholder="如：（五）" />
        </Form.Item>
        <Form.Item
          label="标题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            { max: 300, message: '标题不能超过 300 字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item
          label="全文"
          name="text"
          rules={[{ max: 20000, message: '全文不能超过 20000 字' }]}
          extra="不填则与标题相同"
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Form.Item label="截止日期" name="dueDate" extra="不填则为默认截止日期（年底）">
          <DatePicker disabledDate={(d) => d.year() < year} style={{ width: 188 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
