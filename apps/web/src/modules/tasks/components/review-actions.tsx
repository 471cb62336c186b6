import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { EvidenceFlags } from '../../reports/components/evidence-flags';
import { ReviewReportMutation } from '../../reports/graphql/review-report.mutation';
import { useTaskMutation } from '../hooks/use-task-mutation';

/** Office review of a report waiting for it: accept (confirmed) or return with a reason. */
export function ReviewActions({ report }: { report: { id: string; version: number; claimsCompletion: boolean } }) {
  const { modal, message } = App.useApp();
  const [review, { loading }] = useTaskMutation(ReviewReportMutation);
  const [returning, setReturning] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const accept = () =>
    modal.confirm({
      title: '审核通过这次报送？',
      content: report.claimsCompletion ? '单位申报已完成，通过后任务将标记为已完成。' : '通过后该报送计入任务进展。',
      okText: '通过',
      cancelText: '取消',
      onOk: async () => {
        await review({ variables: { id: report.id, version: report.version, input: { accept: true } } });
        message.success('已审核通过');
      },
    });

  const sendBack = async ({ reason }: { reason: string }) => {
    await review({
      variables: { id: report.id, version: report.version, input: { accept: false, reason: reason.trim() } },
    });
    message.success('已退回，单位将收到退回原因');
    setReturning(false);
    form.resetFields();
  };

  return (
    <>
      <EvidenceFlags reportId={report.id} />
      <Space>
        <Button type="primary" onClick={accept} loading={loading}>
          审核通过
        </Button>
        <Button danger onClick={() => setReturning(true)}>
          退回
        </Button>
      </Space>
      <Modal
        open={returning}
        title="退回报送"
        okText="退回"
        okButtonProps={{ danger: true, loading }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setReturning(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void sendBack(v).catch(() => undefined)}>
          <Form.Item
            label="退回原因"
            name="reason"
            rules={[
              { required: true, whitespace: true, message: '请填写退回原因，单位将据此补充材料' },
              { max: 1000, message: '退回原因不能超过 1000 字' },
            ]}
          >
            <Input.TextArea rows={4} placeholder="例如：佐证网址无法打开，请补充公开页面地址" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
