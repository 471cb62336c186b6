import { useQuery } from '@apollo/client/react';
import { Empty, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { DownloadButton, exportHref } from '../../exports';
import { SupervisionNoticesQuery } from '../graphql/supervision-notices.query';
import { noticeColor } from '../utils/notice-colors';

/** The 督办通知单 that name a task, each downloadable as the Word document sent. */
export function TaskNotices({ taskId }: { taskId: string }) {
  const { data, loading } = useQuery(SupervisionNoticesQuery, {
    variables: { taskId, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const notices = data?.supervisionNotices.nodes ?? [];
  return (
    <List
      loading={loading && !data}
      dataSource={notices}
      locale={{ emptyText: <Empty description="没有督办通知单" /> }}
      renderItem={(n) => (
        <List.Item
          actions={[
            <DownloadButton
              key="docx"
              size="small"
              href={exportHref('supervision-notice.docx', { id: n.id })}
              filename={`督办通知单${n.numberText}.docx`}
            >
              下载
            </DownloadButton>,
          ]}
        >
          <Space wrap>
            <Tag color={noticeColor(n.color).tag}>{noticeColor(n.color).label}</Tag>
            <Typography.Text strong>{n.numberText}</Typography.Text>
            <Typography.Text type="secondary">
              {n.createdByName ?? ''} · {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')} · {n.tasks.length} 项任务
            </Typography.Text>
            {n.note && <Typography.Text>{n.note}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );
}
