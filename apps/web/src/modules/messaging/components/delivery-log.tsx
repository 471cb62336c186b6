import { useQuery } from '@apollo/client/react';
import { Segmented, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DeliveryStatus, MessageDeliveryFieldsFragment, NotificationKind } from '../../../generated/graphql';
import { LoadMoreFooter } from '../../common/components/load-more-footer';
import { QueryError } from '../../common/components/query-error';
import { DELIVERY_CHANNEL_LABELS, NOTIFICATION_KIND_LABELS } from '../../notifications/utils/kinds';
import { MessageDeliveriesQuery } from '../graphql/message-deliveries.query';
import { ROBOT_KIND_LABELS } from '../utils/labels';
import { DeliveryStatusTag } from './delivery-status-tag';

const PAGE = 30;
const kindLabel = (kind: string) =>
  NOTIFICATION_KIND_LABELS[kind as NotificationKind] ??
  ROBOT_KIND_LABELS[kind as keyof typeof ROBOT_KIND_LABELS] ??
  kind;

/** 发送记录: every message beyond the in-app centre and how it went, failures with the platform's reason. */
export function DeliveryLog() {
  const [status, setStatus] = useState<DeliveryStatus | 'ALL'>('ALL');
  const { data, loading, error, refetch, fetchMore } = useQuery(MessageDeliveriesQuery, {
    variables: { status: status === 'ALL' ? null : status, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const conn = data?.messageDeliveries;
  return (
    <>
      <Segmented
        aria-label="发送状态"
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as DeliveryStatus | 'ALL')}
        options={[
          { value: 'ALL', label: '全部' },
          { value: 'FAILED', label: '失败' },
          { value: 'PENDING', label: '待发送' },
          { value: 'SENT', label: '已送达' },
        ]}
      />
      <Table<MessageDeliveryFieldsFragment>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={conn?.nodes ?? []}
        pagination={false}
        locale={{ emptyText: '没有发送记录。开通企业微信、钉钉、邮件或群机器人后，发出的消息会记录在这里。' }}
        columns={[
          { title: '时间', key: 'at', width: 140, render: (_, d) => dayjs(d.createdAt).format('MM-DD HH:mm:ss') },
          { title: '类型', key: 'kind', width: 110, render: (_, d) => kindLabel(d.kind) },
          { title: '内容', dataIndex: 'title', ellipsis: true },
          { title: '发给', key: 'to', width: 150, render: (_, d) => d.recipientName ?? d.robotName },
          { title: '渠道', key: 'channel', width: 90, render: (_, d) => DELIVERY_CHANNEL_LABELS[d.channel] },
          {
            title: '状态',
            key: 'status',
            width: 260,
            render: (_, d) => (
              <Space orientation="vertical" size={0}>
                <DeliveryStatusTag delivery={d} />
                {d.lastError && d.status !== 'SENT' && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {d.lastError}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
        footer={() => (
          <LoadMoreFooter
            shown={conn?.nodes.length ?? 0}
            total={conn?.totalCount ?? 0}
            hasMore={!!conn?.pageInfo.hasNextPage}
            loading={loading}
            onMore={() => void fetchMore({ variables: { after: conn?.pageInfo.endCursor } })}
          />
        )}
      />
    </>
  );
}
