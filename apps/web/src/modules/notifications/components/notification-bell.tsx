import { useQuery } from '@apollo/client/react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Tooltip } from 'antd';
import { Link } from 'react-router';
import { UnreadNotificationCountQuery } from '../graphql/unread-notification-count.query';

/** The header's bell: unread count, refreshed every minute; opens the notification centre. */
export function NotificationBell({ pollInterval = 60_000 }: { pollInterval?: number }) {
  const { data } = useQuery(UnreadNotificationCountQuery, { pollInterval, fetchPolicy: 'cache-and-network', context: { quiet: true } });
  const count = data?.unreadNotificationCount ?? 0;
  const label = count ? `通知（${count} 条未读）` : '通知';
  return (
    <Tooltip title={label}>
      <Link to="/notifications" aria-label={label} data-testid="notification-bell">
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
