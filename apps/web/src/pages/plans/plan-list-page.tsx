import { ImportOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { QueryError } from '../../modules/common/components/query-error';
import { StartFromUpperButton } from '../../modules/levels/components/start-from-upper-button';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { PlansQuery } from '../../modules/plans/graphql/plans.query';

const STATUS = {
  DRAFT: ['草稿', 'default'],
  PUBLISHED: ['已发布', 'success'],
  ARCHIVED: ['已归档', 'default'],
} as const;

export default function PlanListPage() {
  usePageTitle('工作要点');
  const { data, loading, error, refetch, fetchMore } = useQuery(PlansQuery, {
    variables: { first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const plans = data?.plans.nodes ?? [];
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作要点
        </Typography.Title>
        <Space>
          <StartFromUpperButton />
          <Link to="/plans/import">
            <Button type="primary" icon={<ImportOutlined />}>
              导入工作要点
            </Button>
          </Link>
        </Space>
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table
          rowKey="id"
          loading={loading && !data}
          dataSource={plans}
          pagination={false}
          locale={{
            emptyText: <Empty description="还没有工作要点。点击右上角“导入工作要点”，上传或粘贴年度工作要点文档。" />,
          }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            {
              title: '标题',
              dataIndex: 'title',
              render: (title: string, p) => <Link to={`/plans/${p.id}`}>{title}</Link>,
            },
            { title: '文号', dataIndex: 'docNumber', render: (v: string | null) => v ?? '—', width: 200 },
            {
              title: '状态',
              dataIndex: 'status',
              width: 160,
              render: (s: keyof typeof STATUS, p) => (
                <Space>
                  <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag>
                  {s === 'DRAFT' && p.unresolvedCount > 0 && <Tag color="warning">待对应单位 {p.unresolvedCount}</Tag>}
                </Space>
              ),
            },
            {
              title: '导入时间',
              dataIndex: 'createdAt',
              width: 170,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: '发布时间',
              dataIndex: 'publishedAt',
              width: 170,
              render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—'),
            },
          ]}
          footer={
            data?.plans.pageInfo.hasNextPage
              ? () => (
                  <Button onClick={() => void fetchMore({ variables: { after: data.plans.pageInfo.endCursor } })}>
                    加载更多
                  </Button>
                )
              : undefined
          }
        />
      )}
    </>
  );
}
