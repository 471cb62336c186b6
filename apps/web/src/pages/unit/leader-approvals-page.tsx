import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { ReportQueueItemFragment } from '../../generated/graphql';
import { PageLoading } from '../../modules/common/components/page-loading';
import { usePhone } from '../../modules/common/hooks/use-phone';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { LeaderDecideReportMutation } from '../../modules/reports/graphql/leader-decide-report.mutation';
import { LeaderQueueQuery } from '../../modules/reports/graphql/leader-queue.query';
import { useTaskMutation } from '../../modules/tasks/hooks/use-task-mutation';

/** 分管领导审核: reports of my unit waiting for me before they go to the office. */
export default function LeaderApprovalsPage() {
  usePageTitle('待审批报送');
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch, fetchMore } = useQuery(LeaderQueueQuery, {
    variables: { first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const [decide, { loading: deciding }] = useTaskMutation(LeaderDecideReportMutation, ['LeaderQueueCount']);
  const [rejecting, setRejecting] = useState<ReportQueueItemFragment | null>(null);
  const [form] = Form.useForm<{ comment: string }>();
  const phone = usePhone();
  if (loading && !data) return <PageLoading />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;

  const approve = (r: ReportQueueItemFragment) =>
    modal.confirm({
      title: '同意并报送办公室？',
      okText: '同意',
      cancelText: '取消',
      onOk: async () => {
        await decide({ variables: { id: r.id, version: r.version, input: { approve: true } } });
        message.success('已同意，报送已提交办公室');
      },
    });

  return (
    <>
      <Typography.Title level={3}>待审批报送（{data.leaderQueue.totalCount}）</Typography.Title>
      {data.leaderQueue.nodes.length === 0 ? (
        <Empty description="没有待审批的报送。本单位联络员提交报送后会出现在这里。" />
      ) : (
        data.leaderQueue.nodes.map((r) => (
          <Card
            key={r.id}
            size="small"
            style={{ marginBottom: 12 }}
            // On a phone the key point wraps in full (antd cuts a card title to one line) and who sent it
            // goes under it: the leader must know what they approve.
            styles={phone ? { title: { whiteSpace: 'normal', padding: '8px 0' } } : undefined}
            title={r.task.keyPoint ? `${r.task.keyPoint.label} ${r.task.keyPoint.title}` : '任务'}
            extra={phone ? undefined : sender(r)}
          >
            {phone && <div style={{ marginBottom: 8 }}>{sender(r)}</div>}
            <Space style={{ marginBottom: 8 }}>
              <span>进度 {r.progress}%</span>
              {r.claimsCompletion && <Tag color="green">申报完成</Tag>}
            </Space>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.text}</Typography.Paragraph>
            <ul style={{ paddingLeft: 16, overflowWrap: 'anywhere' }}>
              {r.evidence.map((e) => (
                <li key={e.id}>
                  {e.url ? (
                    <a href={e.url} target="_blank" rel="noopener noreferrer">
                      {e.url}
                    </a>
                  ) : e.file ? (
                    <a href={`/files/${e.file.id}`} download={e.file.filename}>
                      {e.file.filename}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
            <Flex gap={8}>
              <Button type="primary" onClick={() => approve(r)} block={phone}>
                同意
              </Button>
              <Button danger onClick={() => setRejecting(r)} block={phone}>
                退回
              </Button>
            </Flex>
          </Card>
        ))
      )}
      {data.leaderQueue.pageInfo.hasNextPage && (
        <Button
          block={phone}
          onClick={() => void fetchMore({ variables: { after: data.leaderQueue.pageInfo.endCursor } })}
        >
          加载更多
        </Button>
      )}
      <Modal
        open={!!rejecting}
        title="退回给联络员"
        okText="退回"
        okButtonProps={{ danger: true, loading: deciding }}
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void decide({
              variables: {
                id: rejecting!.id,
                version: rejecting!.version,
                input: { approve: false, comment: v.comment.trim() },
              },
            }).then(
              () => {
                message.success('已退回');
                setRejecting(null);
              },
              () => undefined,
            )
          }
        >
          <Form.Item
            label="退回意见"
            name="comment"
            rules={[{ required: true, whitespace: true, message: '请填写退回意见' }, { max: 1000 }]}
          >
            <Input.TextArea rows={3} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function sender(r: ReportQueueItemFragment) {
  return (
    <Typography.Text type="secondary">
      {r.authorName} · {dayjs(r.submittedAt).format('YYYY-MM-DD HH:mm')}
    </Typography.Text>
  );
}
