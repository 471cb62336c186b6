import { Badge, Menu } from 'antd';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../auth/utils/roles';
import { useLeaderQueueCount } from '../../reports/hooks/use-leader-queue-count';
import { navItemsFor, selectedNavPath } from './nav-items';

export interface NavMenuProps {
  role: Role;
  roles: readonly Role[];
}

/** The role's menu, the current page selected, with the count of work waiting beside an entry. */
export function NavMenu({ role, roles }: NavMenuProps) {
  const location = useLocation();
  const leaderQueue = useLeaderQueueCount(role);
  const items = navItemsFor(roles);
  const selected = selectedNavPath(items, location.pathname);
  return (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({
        key: item.path,
        icon: item.icon,
        label: (
          <Link to={item.path}>
            {item.label}
            {item.count === 'leaderQueue' && !!leaderQueue && (
              <Badge
                count={leaderQueue}
                size="small"
                offset={[6, -2]}
                title={`${leaderQueue} 项待审批`}
                data-testid="leader-queue-count"
              />
            )}
          </Link>
        ),
      }))}
    />
  );
}
