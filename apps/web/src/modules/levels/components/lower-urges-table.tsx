import { useQuery } from '@apollo/client/react';
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { LoadMoreFooter } from '../../common/components/load-more-footer';
import { QueryError } from '../../common/components/query-error';
import { LowerUrgesQuery } from '../graphql/lower-urges.query';

export const minuteOf = (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm');

/** 催办记录: what this office urged its lower offices about, and whether each has signed for it. */
export function LowerUrgesTable() {
  const [pending, setPending] = useState(false);
  const { data, loading, error, refetch, fetchMore } = useQuery(LowerUrgesQuery, {
    variables: { unacknowledged: pending || null },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const page = data?.lowerUrges;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Segmented
        value={pending ? 'pending' : 'all'}
        onChange={(v) => setPending(v === 'pending')}
        options={[
          { value: 'all', label: '全部' },
          { value: 'pending', label: '未签收' },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        loading={loading && !page}
        pagination={false}
        dataSource={page?.nodes ?? []}
        locale={{ emptyText: '还没有催办过下级机构：在“落实汇总”中对某项工作要点点“催办下级”' }}
        columns={[
          { title: '催办时间', dataIndex: 'createdAt', render: (d: string) => minuteOf(d) },
          { title: '下级机构', dataIndex: 'lowerTenantName' },
          { title: '工作要点', render: (_, u) => `${u.keyPointLabel} ${u.keyPointTitle}` },
          { title: '当时落实情况', dataIndex: 'situation' },
          { title: '催办内容', dataIndex: 'message' },
          { title: '催办人', dataIndex: 'createdByName', render: (n: string | null) => n ?? '—' },
          {
            title: '签收',
            render: (_, u) =>
              u.acknowledgedAt ? (
                <Tag color="green">{`已签收 ${minuteOf(u.acknowledgedAt)} ${u.acknowledgedByName ?? ''}`}</Tag>
              ) : (
                <Tag color="orange">未签收</Tag>
              ),
          },
        ]}
      />
      {page && (
        <LoadMoreFooter
          shown={page.nodes.length}
          total={page.totalCount}
          hasMore={page.pageInfo.hasNextPage}
          loading={loading}
          onMore={() => void fetchMore({ variables: { after: page.pageInfo.endCursor } })}
        />
      )}
      <Typography.Text type="secondary">下级机构办公室在其督办系统的“上级催办”中签收。</Typography.Text>
    </Space>
  );
}
