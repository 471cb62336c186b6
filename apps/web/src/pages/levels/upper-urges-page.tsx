import { CheckOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Card, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { LoadMoreFooter } from '../../modules/common/components/load-more-footer';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { minuteOf } from '../../modules/levels/components/lower-urges-table';
import { AcknowledgeUpperUrgeMutation } from '../../modules/levels/graphql/acknowledge-upper-urge.mutation';
import { UpperUrgesQuery } from '../../modules/levels/graphql/upper-urges.query';

/** 上级催办: the urges this office received from its upper office; the office signs for each (签收). */
export default function UpperUrgesPage() {
  usePageTitle('上级催办');
  const { message } = App.useApp();
  const { viewer } = useViewer();
  const canSign = viewer?.role === 'OFFICE_ADMIN' || viewer?.role === 'OFFICE_STAFF';
  const [pending, setPending] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(UpperUrgesQuery, {
    variables: { unacknowledged: pending || null },
    fetchPolicy: 'cache-and-network',
  });
  const [acknowledge, { loading: signing }] = useMutation(AcknowledgeUpperUrgeMutation, {
    refetchQueries: ['UpperUrges', 'UnreadNotificationCount'],
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const page = data?.upperUrges;
  if (!page) return <PageLoading />;
  const sign = (id: string) =>
    void acknowledge({ variables: { id } })
      .then(() => message.success('已签收，上级机构可以看到'))
      .catch(() => undefined);

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          上级催办
        </Typography.Title>
        <Segmented
          value={pending ? 'pending' : 'all'}
          onChange={(v) => setPending(v === 'pending')}
          options={[
            { value: 'all', label: '全部' },
            { value: 'pending', label: '未签收' },
          ]}
        />
      </Space>
      {!page.nodes.length ? (
        <Empty description={pending ? '没有未签收的上级催办' : '还没有收到上级机构的催办'} />
      ) : (
        <List
          dataSource={page.nodes}
          renderItem={(u) => (
            <Card
              size="small"
              style={{ marginBottom: 12 }}
              title={`${u.upperTenantName}：${u.keyPointLabel} ${u.keyPointTitle}`}
              extra={
                u.acknowledgedAt ? (
                  <Tag color="green">{`已签收 ${minuteOf(u.acknowledgedAt)} ${u.acknowledgedByName ?? ''}`}</Tag>
                ) : canSign ? (
                  <Button type="primary" icon={<CheckOutlined />} loading={signing} onClick={() => sign(u.id)}>
                    签收
                  </Button>
                ) : (
                  <Tag color="orange">未签收</Tag>
                )
              }
            >
              <Typography.Paragraph style={{ marginBottom: 4 }}>{u.message}</Typography.Paragraph>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {`${u.senderName ?? '上级办公室'} · ${minuteOf(u.createdAt)} · 上级看到的落实情况：${u.situation}`}
              </Typography.Paragraph>
              {u.linkedKeyPoints.length ? (
                <Typography.Text>
                  本机构对应的工作要点：
                  {u.linkedKeyPoints.map((k, i) => (
                    <span key={k.id}>
                      {i > 0 && '；'}
                      {canSign ? (
                        <Link to={`/plans/${k.planId}`}>{`${k.label} ${k.title}`}</Link>
                      ) : (
                        `${k.label} ${k.title}`
                      )}
                    </span>
                  ))}
                </Typography.Text>
              ) : (
                <Typography.Text type="warning">
                  本机构还没有对应这项上级要点的工作要点：可在工作要点页面的“对应上级要点”中关联。
                </Typography.Text>
              )}
            </Card>
          )}
        />
      )}
      <LoadMoreFooter
        shown={page.nodes.length}
        total={page.totalCount}
        hasMore={page.pageInfo.hasNextPage}
        loading={loading}
        onMore={() => void fetchMore({ variables: { after: page.pageInfo.endCursor } })}
      />
    </>
  );
}
