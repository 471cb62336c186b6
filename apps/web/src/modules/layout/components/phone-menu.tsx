import { KeyOutlined, MenuOutlined, SafetyOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useViewer } from '../../auth/hooks/use-viewer';
import type { Role } from '../../auth/utils/roles';
import { useLeaderQueueCount } from '../../reports/hooks/use-leader-queue-count';
import { NavLogo, NavMenu } from './nav-menu';

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

/** On a phone the menu folds into a drawer from the left, with who is signed in and the way out. */
export function PhoneMenu({
  open,
  onClose,
  who,
  signOutButton,
}: {
  open: boolean;
  onClose: () => void;
  who: string;
  signOutButton: ReactNode;
}) {
  const { viewer } = useViewer();
  const navigate = useNavigate();
  if (!viewer) return null;
  return (
    <Drawer
      open={open}
      onClose={onClose}
      placement="left"
      size={280}
      closable={false}
      title={null}
      styles={{ body: { padding: 0, background: '#001529', display: 'flex', flexDirection: 'column' } }}
      aria-label="主菜单"
    >
      <NavLogo />
      <nav>
        <NavMenu role={viewer.role} roles={viewer.roles} />
      </nav>
      <div style={{ marginTop: 'auto', padding: 16, color: '#fff' }} data-testid="viewer-name">
        <div>{viewer.displayName}</div>
        <div style={{ opacity: 0.85, margin: '4px 0 12px' }}>{who}</div>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button icon={<KeyOutlined />} block ghost onClick={() => navigate('/change-password')}>
            修改密码
          </Button>
          <Button icon={<SafetyOutlined />} block ghost onClick={() => navigate('/two-factor')}>
            {viewer.twoFactorEnabled ? '两步验证（已启用）' : '两步验证'}
          </Button>
          {signOutButton}
        </Space>
      </div>
    </Drawer>
  );
}
