import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ReviewFieldsFragment } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { isOffice } from '../../modules/auth/utils/roles';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { PlansQuery } from '../../modules/plans/graphql/plans.query';
import { ReviewProgressBar } from '../../modules/review/components/review-progress';
import { OpenReviewMutation } from '../../modules/review/graphql/open-review.mutation';
import { ReviewsQuery } from '../../modules/review/graphql/reviews.query';

const PAGE = 20;

/** 回头看: the reviews of each published plan, and (office) opening a new one. */
export default function ReviewListPage() {
  usePageTitle('回头看');
  const { viewer } = useViewer();
  const office = !!viewer && isOffice(viewer.role);
  const [params, setParams] = useSearchParams();
  const planId = params.get('planId') ?? undefined;
  const [opening, setOpening] = useState(false);
  const plans = useQuery(PlansQuery, { variables: { status: 'PUBLISHED', first: 100 } });
  const { data, loading, error, refetch, fetchMore } = useQuery(ReviewsQuery, {
    variables: { planId, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const planOptions = (plans.data?.plans.nodes ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }));
  const rows = data?.reviews.nodes ?? [];

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          回头看
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label="工作要点"
            allowClear
            placeholder="全部工作要点"
            style={{ width: 320 }}
            loading={plans.loading}
            value={planId}
            options={planOptions}
            onChange={(v?: string) => setParams(v ? { planId: v } : {})}
          />
          {office && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>
              发起回头看
            </Button>
          )}
        </Space>
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<ReviewFieldsFragment>
          rowKey="id"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{
            emptyText: (
              <Empty
                description={
                  office
                    ? '还没有回头看。年底或次年初，点击“发起回头看”对已发布的工作要点逐项核查。'
                    : '还没有回头看。办公室发起后可在这里查看进度和总结。'
                }
              />
            ),
          }}
          columns={[
            {
              title: '名称',
              key: 'title',
              render: (_, r) => <Link to={`/reviews/${r.id}`}>{r.title}</Link>,
            },
            {
              title: '工作要点',
              key: 'plan',
              width: 260,
              render: (_, r) => (r.plan ? `${r.plan.year} ${r.plan.title}` : '—'),
            },
            {
              title: '状态',
              key: 'status',
              width: 100,
              render: (_, r) =>
                r.status === 'COMPLETED' ? <Tag color="success">已完成</Tag> : <Tag color="processing">进行中</Tag>,
            },
            {
              title: '评定进度',
              key: 'progress',
              width: 220,
              render: (_, r) => <ReviewProgressBar progress={r.progress} compact />,
            },
            {
              title: '发起时间',
              key: 'openedAt',
              width: 150,
              render: (_, r) => dayjs(r.openedAt).format('YYYY-MM-DD HH:mm'),
            },
          ]}
          footer={() => (
            <Space>
              <Typography.Text type="secondary">
                已显示 {rows.length} / {data?.reviews.totalCount ?? 0} 项
              </Typography.Text>
              {data?.reviews.pageInfo.hasNextPage && (
                <Button
                  loading={loading}
                  onClick={() => void fetchMore({ variables: { after: data.reviews.pageInfo.endCursor } })}
                >
                  加载更多
                </Button>
              )}
            </Space>
          )}
        />
      )}
      <OpenReviewModal
        open={opening}
        planOptions={planOptions}
        defaultPlanId={planId}
        onClose={() => setOpening(false)}
      />
    </>
  );
}

function OpenReviewModal({
  open,
  planOptions,
  defaultPlanId,
  onClose,
}: {
  open: boolean;
  planOptions: { value: string; label: string }[];
  defaultPlanId?: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ planId: string; title?: string }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [openReview, { loading }] = useMutation(OpenReviewMutation, { refetchQueries: ['Reviews'] });
  const submit = async (values: { planId: string; title?: string }) => {
    try {
      const { data } = await openReview({
        variables: { input: { planId: values.planId, title: values.title?.trim() || undefined } },
      });
      if (data) {
        message.success(`已发起回头看，共 ${data.openReview.itemCount} 项待评定`);
        onClose();
        navigate(`/reviews/${data.openReview.id}`);
      }
    } catch {
      // The link has shown the API's message.
    }
  };
  return (
    <Modal
      open={open}
      title="发起回头看"
      okText="发起"
      onCancel={onClose}
      confirmLoading={loading}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        有明确承办单位和时限的任务会逐项列入，办公室逐项评定落实情况；未落实到位的生成整改任务。
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ planId: defaultPlanId }}
        onFinish={(v) => void submit(v)}
        preserve={false}
      >
        <Form.Item label="工作要点" name="planId" rules={[{ required: true, message: '请选择要回头看的工作要点' }]}>
          <Select
            aria-label="要回头看的工作要点"
            options={planOptions}
            placeholder="选择已发布的工作要点"
            notFoundContent="没有已发布的工作要点"
          />
        </Form.Item>
        <Form.Item label="名称" name="title" extra="不填写时为“某年政务公开工作要点落实情况回头看”">
          <Input aria-label="回头看名称" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
