import { KeyOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { Badge, Button, Layout, Menu, Space, Tag, Tooltip, Typography } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSignOut } from '../../auth/hooks/use-sign-out';
import { useViewer } from '../../auth/hooks/use-viewer';
import { ROLE_LABELS } from '../../auth/utils/roles';
import { ErrorBoundary } from '../../common/components/error-boundary';
import { PageLoading } from '../../common/components/page-loading';
import { NotificationBell } from '../../notifications';
import { useLeaderQueueCount } from '../../reports/hooks/use-leader-queue-count';
import { navItemsFor, selectedNavPath } from './nav-items';

const { Header, Sider, Content } = Layout;

/** The frame around every signed-in page: the role's menu, whose government this is, who is signed in. */
export default function AppLayout() {
  const { viewer } = useViewer();
  const { signOut, loading } = useSignOut();
  const location = useLocation();
  const leaderQueue = useLeaderQueueCount(viewer?.role);
  if (!viewer) return null;
  const items = navItemsFor(viewer.role);
  const selected = selectedNavPath(items, location.pathname);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={200} breakpoint="lg" collapsedWidth={64} theme="dark" aria-label="主菜单">
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
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
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
          <Space size="middle" wrap={false}>
            <Typography.Text data-testid="viewer-name">
              {viewer.displayName}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {viewer.unitName ? `${viewer.unitName} · ${ROLE_LABELS[viewer.role]}` : ROLE_LABELS[viewer.role]}
              </Typography.Text>
            </Typography.Text>
            <NotificationBell />
            <Tooltip title="修改密码">
              <Link to="/change-password" aria-label="修改密码">
                <KeyOutlined />
              </Link>
            </Tooltip>
            <Tooltip title={viewer.twoFactorEnabled ? '两步验证（已启用）' : '两步验证'}>
              <Link to="/two-factor" aria-label="两步验证">
                <SafetyOutlined />
              </Link>
            </Tooltip>
            <Button icon={<LogoutOutlined />} onClick={() => void signOut()} loading={loading}>
              退出
            </Button>
          </Space>
        </Header>
        <Content style={{ padding: 24, minWidth: 0 }}>
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
