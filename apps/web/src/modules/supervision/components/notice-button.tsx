import { useQuery } from '@apollo/client/react';
import { FileProtectOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { NoticeColor } from '../../../generated/graphql';
import { DownloadButton, exportHref } from '../../exports';
import { MessageReachSummary } from '../../messaging/components/message-reach-summary';
import { LedgerTasksQuery } from '../../tasks/graphql/tasks.query';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { IssueSupervisionNoticeMutation } from '../graphql/issue-supervision-notice.mutation';
import { NOTICE_COLORS } from '../utils/notice-colors';

interface Values {
  taskIds: string[];
  color: NoticeColor | 'AUTO';
  note: string;
}

/**
 * 督办通知单: the office picks the unit's open tasks (this one and the lagging ones ticked), the colour
 * (or the tasks' own), a requirement; the notice is numbered, the unit told at once, and the office can
 * download it to print or send.
 */
export function NoticeButton({ taskId, unitId, unitName }: { taskId: string; unitId: string; unitName: string }) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<{ id: string; numberText: string } | null>(null);
  const [form] = Form.useForm<Values>();
  const tasks = useQuery(LedgerTasksQuery, {
    variables: {
      filter: { unitId, status: ['NOT_STARTED', 'IN_PROGRESS', 'RETURNED', 'SUBMITTED'] },
      sort: { field: 'DUE_DATE', direction: 'ASC' },
      first: 50,
    },
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const [issue, { loading }] = useTaskMutation(IssueSupervisionNoticeMutation);
  const options = tasks.data?.tasks.nodes ?? [];
  const preselected = options
    .filter((t) => t.id === taskId || t.light === 'RED' || t.light === 'YELLOW')
    .map((t) => t.id);
  const submit = async (v: Values) => {
    try {
      const { data } = await issue({
        variables: {
          input: {
            unitId,
            taskIds: v.taskIds,
            color: v.color === 'AUTO' ? null : v.color,
            note: v.note?.trim() || null,
          },
        },
      });
      if (data) {
        setIssued({ id: data.issueSupervisionNotice.id, numberText: data.issueSupervisionNotice.numberText });
        message.success(`已向${unitName}发出督办通知单 ${data.issueSupervisionNotice.numberText}`);
      }
    } catch {
      // shown by the link
    }
  };
  const close = () => {
    setOpen(false);
    setIssued(null);
  };
  return (
    <>
      <Button icon={<FileProtectOutlined />} onClick={() => setOpen(true)}>
        督办通知单
      </Button>
      <Modal
        open={open}
        title={`督办通知单：${unitName}`}
        width={640}
        onCancel={close}
        destroyOnHidden
        footer={
          issued ? (
            <Space>
              <DownloadButton
                href={exportHref('supervision-notice.docx', { id: issued.id })}
                filename={`督办通知单${issued.numberText}.docx`}
                type="primary"
              >
                下载通知单（Word）
              </DownloadButton>
              <Button onClick={close}>完成</Button>
            </Space>
          ) : (
            <Space>
              <Button onClick={close}>取消</Button>
              <Button type="primary" loading={loading} onClick={() => form.submit()}>
                发出督办通知单
              </Button>
            </Space>
          )
        }
      >
        {issued ? (
          <Alert
            type="success"
            showIcon
            title={`已发出 ${issued.numberText}`}
            description="单位已收到通知，须在系统中确认收到；可下载 Word 文档打印或作为附件发送。"
          />
        ) : tasks.loading && !tasks.data ? (
          <Typography.Text type="secondary">正在读取该单位的任务…</Typography.Text>
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            key={preselected.join()}
            initialValues={{ taskIds: preselected, color: 'AUTO', note: '' }}
            onFinish={(v) => void submit(v)}
          >
            <Form.Item
              name="taskIds"
              label="督办的任务"
              rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项任务' }]}
            >
              <Checkbox.Group
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                options={options.map((t) => ({
                  value: t.id,
                  label: `${t.keyPoint?.title ?? '任务'}（${t.dueDate} 前，进度 ${t.progress}%）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="color" label="颜色">
              <Radio.Group
                options={[
                  { value: 'AUTO', label: '按任务情况' },
                  ...NOTICE_COLORS.map((c) => ({ value: c.value, label: `${c.label}（${c.why}）` })),
                ]}
                optionType="button"
                size="small"
              />
            </Form.Item>
            <Form.Item name="note" label="督办要求" rules={[{ max: 500, message: '不能超过 500 字' }]}>
              <Input.TextArea rows={2} placeholder="如：请于 3 个工作日内报送整改落实情况" />
            </Form.Item>
            <MessageReachSummary kind="SUPERVISE" unitIds={[unitId]} />
          </Form>
        )}
      </Modal>
    </>
  );
}
