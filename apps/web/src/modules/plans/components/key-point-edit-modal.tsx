import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import type { DraftKeyPoint } from '../utils/draft-types';

export interface KeyPointEdit {
  label: string;
  title: string;
  text: string;
}

/** Fix what the parser got wrong in an item: its number, title or full text. */
export function KeyPointEditModal({
  keyPoint,
  onSave,
  onCancel,
}: {
  keyPoint: DraftKeyPoint | null;
  onSave: (v: KeyPointEdit) => Promise<void>;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<KeyPointEdit>();
  useEffect(() => {
    if (keyPoint) form.setFieldsValue({ label: keyPoint.label, title: keyPoint.title, text: keyPoint.text });
  }, [keyPoint, form]);
  return (
    <Modal
      open={!!keyPoint}
      title="编辑要点"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={720}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void onSave(v)}>
        <Form.Item label="序号" name="label" rules={[{ required: true, message: '请填写序号' }]}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          label="标题"
          name="title"
          rules={[
            { required: true, whitespace: true, message: '请填写标题' },
            { max: 500, message: '标题不能超过 500 字' },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
        <Form.Item label="全文" name="text" rules={[{ max: 10000, message: '全文不能超过 10000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
