import { KeyOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useViewer } from '../../auth/hooks/use-viewer';
import { NavLogo } from './nav-logo';
import { NavMenu } from './nav-menu';

/** On a phone the menu folds into a drawer from the left, with who is signed in and the way out. */
export default function PhoneMenu({
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
