import { KeyOutlined, LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSignOut } from '../../auth/hooks/use-sign-out';
import { useViewer } from '../../auth/hooks/use-viewer';
import { ROLE_LABELS } from '../../auth/utils/roles';
import { ErrorBoundary } from '../../common/components/error-boundary';
import { PageLoading } from '../../common/components/page-loading';
import { NotificationBell } from '../../notifications';
import { useLeaderQueueCount } from '../../reports/hooks/use-leader-queue-count';
import { usePhone } from '../hooks/use-phone';
import { navItemsFor, selectedNavPath } from './nav-items';

const { Header, Sider, Content } = Layout;

/** The frame around every signed-in page: the role's menu, whose government this is, who is signed in. */
export default function AppLayout() {
  const { viewer } = useViewer();
  const { signOut, loading } = useSignOut();
  const location = useLocation();
  const phone = usePhone();
  const [menuOpen, setMenuOpen] = useState(false);
  const leaderQueue = useLeaderQueueCount(viewer?.role);
  // A page opened from the menu drawer closes it.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  if (!viewer) return null;
  const items = navItemsFor(viewer.role);
  const selected = selectedNavPath(items, location.pathname);
  const who = viewer.unitName ? `${viewer.unitName} · ${ROLE_LABELS[viewer.role]}` : ROLE_LABELS[viewer.role];
  const menu = (
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
  const logo = (
    <Link
      to="/"
      style={{
        display: 'block',
        height: 56,
        lineHeight: '56px',
        color: '#fff',
        fontSize: 18,
        fontWeight: 600,
        textAlign: 'center',
        letterSpacing: 4,
      }}
    >
      督办
    </Link>
  );
  const tenant = (
    <Typography.Text strong style={{ fontSize: 16, flex: 1, minWidth: 0 }} ellipsis data-testid="tenant-name">
      {viewer.tenantName}
      {viewer.tenantDemo && (
        <Tooltip title="演示机构：单位、任务和报送均为虚构，日期随今天生成，可放心操作">
          <Tag color="orange" style={{ marginLeft: 12 }} data-testid="demo-mark">
            演示
          </Tag>
        </Tooltip>
      )}
    </Typography.Text>
  );
  const signOutButton = (
    <Button icon={<LogoutOutlined />} onClick={() => void signOut()} loading={loading} block={phone}>
      退出
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        // On a phone the menu folds into a drawer behind the header's menu button, with who is signed in.
        <Drawer
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          placement="left"
          size={280}
          closable={false}
          title={null}
          styles={{ body: { padding: 0, background: '#001529', display: 'flex', flexDirection: 'column' } }}
          aria-label="主菜单"
        >
          {logo}
          <nav aria-label="主菜单">{menu}</nav>
          <div style={{ marginTop: 'auto', padding: 16, color: '#fff' }} data-testid="viewer-name">
            <div>{viewer.displayName}</div>
            <div style={{ opacity: 0.85, margin: '4px 0 12px' }}>{who}</div>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Link to="/change-password">
                <Button icon={<KeyOutlined />} block ghost>
                  修改密码
                </Button>
              </Link>
              {signOutButton}
            </Space>
          </div>
        </Drawer>
      ) : (
        <Sider width={200} breakpoint="lg" collapsedWidth={64} theme="dark" aria-label="主菜单">
          {logo}
          {menu}
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            padding: phone ? '0 4px 0 0' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: phone ? 4 : 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          {phone && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开菜单"
              aria-expanded={menuOpen}
              onClick={() => setMenuOpen(true)}
              style={{ width: 48, height: 48 }}
            />
          )}
          {tenant}
          {phone ? (
            <NotificationBell />
          ) : (
            <Space size="middle" wrap={false}>
              <Typography.Text data-testid="viewer-name">
                {viewer.displayName}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {who}
                </Typography.Text>
              </Typography.Text>
              <NotificationBell />
              <Tooltip title="修改密码">
                <Link to="/change-password" aria-label="修改密码">
                  <KeyOutlined />
                </Link>
              </Tooltip>
              {signOutButton}
            </Space>
          )}
        </Header>
        <Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Content>
      </Layout>
    </Layout>
  );
}
