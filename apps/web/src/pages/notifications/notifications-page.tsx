import { useMutation, useQuery } from '@apollo/client/react';
import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Popconfirm, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { NotificationsQuery as NotificationsData } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { LoadMoreFooter } from '../../modules/common/components/load-more-footer';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { NotificationPreferencesForm } from '../../modules/notifications/components/notification-preferences-form';
import { MarkNotificationsReadMutation } from '../../modules/notifications/graphql/mark-notifications-read.mutation';
import { NotificationsQuery } from '../../modules/notifications/graphql/notifications.query';
import {
  NOTIFICATION_KIND_COLORS,
  NOTIFICATION_KIND_GROUPS,
  NOTIFICATION_KIND_LABELS,
  notificationPath,
} from '../../modules/notifications/utils/kinds';

type Item = NotificationsData['notifications']['nodes'][number];
const PAGE = 30;

/** 通知中心: my notifications, newest first, filtered by kind; reading one marks it read and opens where the work is. */
export default function NotificationsPage() {
  usePageTitle('通知');
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [group, setGroup] = useState<string>('all');
  const kinds = NOTIFICATION_KIND_GROUPS.find((g) => g.key === group)?.kinds ?? null;
  const { data, loading, error, refetch, fetchMore } = useQuery(NotificationsQuery, {
    variables: { unreadOnly, kinds, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [markRead, { loading: marking }] = useMutation(MarkNotificationsReadMutation, {
    refetchQueries: ['Notifications', 'UnreadNotificationCount'],
  });
  const conn = data?.notifications;
  const rows = conn?.nodes ?? [];

  const read = async (ids: string[]) => {
    await markRead({ variables: { input: { ids } } }).catch(() => undefined);
  };
  const readAll = async () => {
    try {
      const { data: res } = await markRead({ variables: { input: { all: true } } });
      message.success(
        res?.markNotificationsRead.marked ? `已将 ${res.markNotificationsRead.marked} 条通知标为已读` : '没有未读通知',
      );
    } catch {
      // shown by the link
    }
  };
  const open = async (n: Item) => {
    if (!n.readAt) await read([n.id]);
    if (viewer) navigate(notificationPath(viewer.role, n.kind, n.taskId));
  };

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          通知
        </Typography.Title>
        <Space wrap>
          <Select
            aria-label="通知类型"
            value={group}
            style={{ width: 170 }}
            onChange={setGroup}
            options={[
              { value: 'all', label: '全部类型' },
              ...NOTIFICATION_KIND_GROUPS.map((g) => ({ value: g.key, label: g.label })),
            ]}
          />
          <Segmented
            aria-label="显示范围"
            value={unreadOnly ? 'unread' : 'all'}
            options={[
              { value: 'all', label: '全部' },
              { value: 'unread', label: '未读' },
            ]}
            onChange={(v) => setUnreadOnly(v === 'unread')}
          />
          <Popconfirm title="将全部通知标为已读？" okText="全部已读" cancelText="取消" onConfirm={() => void readAll()}>
            <Button icon={<CheckOutlined />} loading={marking}>
              全部标为已读
            </Button>
          </Popconfirm>
        </Space>
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<Item>
          rowKey="id"
          showHeader={false}
          loading={loading}
          dataSource={rows}
          pagination={false}
          locale={{
            emptyText: (
              <Empty
                description={
                  unreadOnly || kinds
                    ? '没有符合条件的通知。'
                    : '还没有通知。有新任务交办、报告被退回、任务被催办或即将到期时，会在这里提醒您。'
                }
              />
            ),
          }}
          columns={[
            {
              key: 'main',
              render: (_, n) => (
                <div style={{ opacity: n.readAt ? 0.7 : 1 }}>
                  <Space size={8} wrap>
                    {!n.readAt && <Badge status="processing" role="img" aria-label="未读" />}
                    <Tag color={NOTIFICATION_KIND_COLORS[n.kind]}>{NOTIFICATION_KIND_LABELS[n.kind]}</Tag>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                    <Typography.Text type="secondary">{dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}</Typography.Text>
                  </Space>
                  <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{n.body}</div>
                </div>
              ),
            },
            {
              key: 'op',
              width: 190,
              align: 'right',
              render: (_, n) => (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => void open(n)}
                    aria-label={`${n.taskId ? '查看任务' : '去处理'}：${n.title}`}
                  >
                    {n.taskId ? '查看任务' : '去处理'}
                  </Button>
                  {!n.readAt && (
                    <Button
                      type="link"
                      size="small"
                      onClick={() => void read([n.id])}
                      aria-label={`标为已读：${n.title}`}
                    >
                      标为已读
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
          footer={() => (
            <LoadMoreFooter
              shown={rows.length}
              total={conn?.totalCount ?? 0}
              hasMore={!!conn?.pageInfo.hasNextPage}
              loading={loading}
              onMore={() => void fetchMore({ variables: { after: conn?.pageInfo.endCursor } })}
            />
          )}
        />
      )}
      <Card title="通知设置" size="small" style={{ marginTop: 16 }}>
        <NotificationPreferencesForm />
      </Card>
    </>
  );
}
