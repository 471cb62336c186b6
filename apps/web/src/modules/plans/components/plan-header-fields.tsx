import { Form, Input, InputNumber } from 'antd';

export interface PlanHeader {
  title: string;
  year: number;
  docNumber?: string | null;
  issuer?: string | null;
}

/** Title, year, 文号 and 发文机关 of a plan: for an empty plan and for correcting an imported one. */
export function PlanHeaderFields({ yearLocked, yearExtra }: { yearLocked?: boolean; yearExtra?: string }) {
  return (
    <>
      <Form.Item
        label="标题"
        name="title"
        rules={[
          { required: true, whitespace: true, message: '请填写标题' },
          { max: 300, message: '标题不能超过 300 字' },
        ]}
      >
        <Input placeholder="如：2026年政务公开工作要点" />
      </Form.Item>
      <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]} extra={yearExtra}>
        <InputNumber min={2000} max={2100} precision={0} disabled={yearLocked} style={{ width: 140 }} />
      </Form.Item>
      <Form.Item label="文号" name="docNumber" rules={[{ max: 100, message: '文号不能超过 100 字' }]}>
        <Input placeholder="如：云政办发〔2026〕8号" />
      </Form.Item>
      <Form.Item label="发文机关" name="issuer" rules={[{ max: 200, message: '发文机关不能超过 200 字' }]}>
        <Input />
      </Form.Item>
    </>
  );
}
