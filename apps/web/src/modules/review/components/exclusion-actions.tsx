import { useMutation } from '@apollo/client/react';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import type { ReviewItemRowFragment } from '../../../generated/graphql';
import { ExcludeReviewItemMutation } from '../graphql/exclude-review-item.mutation';
import { IncludeReviewItemMutation } from '../graphql/include-review-item.mutation';

const REFETCH = ['Review', 'ReviewItems', 'ReviewSummary'];

/**
 * Every task of the plan is reviewed unless the office takes it out with a reason (a key point withdrawn
 * by a later notice, a unit merged away); it can be put back while the review is open.
 */
export function ExclusionActions({ item }: { item: ReviewItemRowFragment }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const [exclude, { loading }] = useMutation(ExcludeReviewItemMutation, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const [include, { loading: including }] = useMutation(IncludeReviewItemMutation, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const name = `${item.unit?.name ?? ''} ${item.task?.keyPoint?.title ?? ''}`;
  if (item.verdict) return null;
  if (item.excludedAt)
    return (
      <Button
        type="link"
        size="small"
        loading={including}
        aria-label={`重新纳入：${name}`}
        onClick={() =>
          void include({ variables: { itemId: item.id, version: item.version } }).then(
            () => message.success('已重新纳入回头看'),
            () => undefined,
          )
        }
      >
        重新纳入
      </Button>
    );
  const submit = async ({ reason }: { reason: string }) => {
    await exclude({ variables: { itemId: item.id, version: item.version, reason: reason.trim() } });
    message.success('已不纳入本次回头看');
    setOpen(false);
  };
  return (
    <>
      <Button type="link" size="small" onClick={() => setOpen(true)} aria-label={`不纳入：${name}`}>
        不纳入
      </Button>
      <Modal
        open={open}
        title="不纳入本次回头看"
        okText="不纳入"
        okButtonProps={{ loading }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v).catch(() => undefined)}>
          <Form.Item
            label="理由"
            name="reason"
            extra="理由记入任务的操作记录和回头看报告。"
            rules={[
              { required: true, whitespace: true, message: '请说明不纳入的理由' },
              { max: 1000, message: '理由不能超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={3} placeholder="例如：该项工作已由省政府通知取消" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
