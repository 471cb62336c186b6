import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Radio, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReviewVerdict } from '../../../generated/graphql';
import { needsRectification, VERDICT_LABELS, VERDICTS } from '../utils/verdicts';

export interface VerdictFormValues {
  verdict: ReviewVerdict;
  notes: string | null;
  evidenceUrls: string[];
  rectification: { dueDate: string; requirement: string } | null;
}

interface FormShape {
  verdict?: ReviewVerdict;
  notes?: string;
  evidenceUrls?: string[];
  dueDate?: Dayjs | null;
  requirement?: string;
}

export interface VerdictFormProps {
  initial?: {
    verdict?: ReviewVerdict | null;
    notes?: string | null;
    evidenceUrls?: string[];
    requirement?: string | null;
    dueDate?: string | null;
  };
  submitting?: boolean;
  onSubmit: (values: VerdictFormValues) => void | Promise<void>;
  onCancel?: () => void;
  /** Injected in tests; the 整改时限 must be after it. */
  today?: Dayjs;
}

const URL_RE = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** 回头看 verdict for one task: 部分落实/未落实 need a 整改时限 after today and a 整改要求. */
export function VerdictForm({ initial, submitting, onSubmit, onCancel, today = dayjs() }: VerdictFormProps) {
  const [form] = Form.useForm<FormShape>();
  const verdict = Form.useWatch('verdict', form);
  const rectify = needsRectification(verdict);

  const finish = (v: FormShape) => {
    const urls = (v.evidenceUrls ?? []).map((u) => u.trim()).filter(Boolean);
    return onSubmit({
      verdict: v.verdict!,
      notes: v.notes?.trim() || null,
      evidenceUrls: [...new Set(urls)],
      rectification: needsRectification(v.verdict)
        ? { dueDate: v.dueDate!.format('YYYY-MM-DD'), requirement: v.requirement!.trim() }
        : null,
    });
  };

  return (
    <Form<FormShape>
      form={form}
      layout="vertical"
      aria-label="回头看评定"
      onFinish={(v) => void finish(v)}
      initialValues={{
        verdict: initial?.verdict ?? undefined,
        notes: initial?.notes ?? '',
        evidenceUrls: initial?.evidenceUrls ?? [],
        requirement: initial?.requirement ?? '',
        dueDate: initial?.dueDate ? dayjs(initial.dueDate) : null,
      }}
    >
      <Form.Item label="评定结果" name="verdict" rules={[{ required: true, message: '请选择评定结果' }]}>
        <Radio.Group
          aria-label="评定结果"
          optionType="button"
          buttonStyle="solid"
          options={VERDICTS.map((value) => ({ value, label: VERDICT_LABELS[value] }))}
        />
      </Form.Item>
      <Form.Item label="评定说明" name="notes" rules={[{ max: 2000, message: '说明不超过 2000 字' }]}>
        <Input.TextArea aria-label="评定说明" rows={3} placeholder="核查情况、发现的问题" />
      </Form.Item>
      <Form.List
        name="evidenceUrls"
        rules={[
          {
            validator: async (_, urls: string[] | undefined) => {
              const list = (urls ?? []).map((u) => u?.trim()).filter(Boolean);
              const dup = list.find((u, i) => list.indexOf(u) !== i);
              if (dup) throw new Error(`网址重复：${dup}`);
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label="佐证网址">
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                <Form.Item
                  name={field.name}
                  style={{ width: 440, marginBottom: 8 }}
                  validateTrigger={['onChange', 'onBlur']}
                  rules={[
                    { required: true, whitespace: true, message: '请填写网址或删除该行' },
                    { pattern: URL_RE, message: '网址格式不正确，应以 http:// 或 https:// 开头' },
                  ]}
                >
                  <Input aria-label={`佐证网址 ${index + 1}`} placeholder="https://" />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={`删除佐证网址 ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add('')} disabled={fields.length >= 10}>
              添加网址
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      {rectify && (
        <div
          style={{
            background: '#fffbe6',
            border: '1px solid #ffe58f',
            borderRadius: 8,
            padding: '12px 16px',
            marginBottom: 16,
          }}
        >
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {VERDICT_LABELS[verdict!]}的任务将生成整改任务，按新的时限督办。
          </Typography.Paragraph>
          <Form.Item
            label="整改时限"
            name="dueDate"
            rules={[
              { required: true, message: '请选择整改时限' },
              {
                validator: async (_, value: Dayjs | null | undefined) => {
                  if (value && !value.isAfter(today, 'day')) throw new Error('整改时限应晚于今天');
                },
              },
            ]}
          >
            <DatePicker aria-label="整改时限" style={{ width: 200 }} disabledDate={(d) => !d.isAfter(today, 'day')} />
          </Form.Item>
          <Form.Item
            label="整改要求"
            name="requirement"
            rules={[
              { required: true, whitespace: true, message: '请填写整改要求' },
              { max: 1000, message: '整改要求不超过 1000 字' },
            ]}
            style={{ marginBottom: 0 }}
          >
            <Input.TextArea aria-label="整改要求" rows={3} placeholder="需要单位完成的整改事项" />
          </Form.Item>
        </div>
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={submitting}>
          保存评定
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
