import { MenuOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import type { Role } from '../../auth/utils/roles';
import { useLeaderQueueCount } from '../../reports/hooks/use-leader-queue-count';

/** The header's menu button on a phone; a dot on it when reports wait for this leader's approval. */
export function PhoneMenuButton({ open, onOpen, role }: { open: boolean; onOpen: () => void; role: Role }) {
  const waiting = useLeaderQueueCount(role);
  return (
    <Badge dot={!!waiting} offset={[-12, 12]}>
      <Button
        type="text"
        icon={<MenuOutlined />}
        aria-label={waiting ? `打开菜单（${waiting} 项待审批）` : '打开菜单'}
        aria-expanded={open}
        onClick={onOpen}
        style={{ width: 48, height: 48 }}
      />
    </Badge>
  );
}
