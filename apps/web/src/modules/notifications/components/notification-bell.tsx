import { useQuery } from '@apollo/client/react';
import { BellOutlined } from '@ant-design/icons';
import { Badge, Tooltip } from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { palette } from '../../../app/theme';
import { UnreadNotificationCountQuery } from '../graphql/unread-notification-count.query';

/** Often enough that a returned report shows within seconds; one indexed count per person. */
export const BELL_POLL_MS = 15_000;

const COUNT_STYLE = {
  background: palette.red,
  color: '#fff',
  borderRadius: 8,
  fontSize: 12,
  lineHeight: '16px',
  minWidth: 16,
  padding: '0 4px',
  textAlign: 'center',
  boxShadow: '0 0 0 1px #fff',
} as const;

/** A fingertip's worth of room around the icon (44 px), for phones. */
const TARGET_STYLE = {
  display: 'inline-flex',
  alignItems: 'center',
  justifyContent: 'center',
  minWidth: 44,
  minHeight: 44,
} as const;

/**
 * The header's bell: the unread count, kept current without a reload by polling (any API process can
 * answer it, so it works behind a load balancer) and on returning to the tab; opens the notification centre.
 */
export function NotificationBell({ pollInterval = BELL_POLL_MS }: { pollInterval?: number }) {
  const { data, refetch } = useQuery(UnreadNotificationCountQuery, {
    pollInterval,
    fetchPolicy: 'cache-and-network',
    context: { quiet: true, background: true },
  });
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') void refetch().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refetch]);
  const count = data?.unreadNotificationCount ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  // The visible count stands alone in the name, so the name contains what is seen (WCAG 2.5.3).
  const label = count ? `通知 ${shown} 条未读` : '通知';
  return (
    <Tooltip title={label}>
      <Link to="/notifications" aria-label={label} data-testid="notification-bell" style={TARGET_STYLE}>
        <Badge count={count ? <span style={COUNT_STYLE}>{shown}</span> : 0}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Link>
    </Tooltip>
  );
}
