import { KeyOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Layout, Tag, Tooltip, Typography } from 'antd';
import { Suspense, useDeferredValue, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useSignOut } from '../../auth/hooks/use-sign-out';
import { useViewer } from '../../auth/hooks/use-viewer';
import { ROLE_LABELS, rolesLabel } from '../../auth/utils/roles';
import { ErrorBoundary } from '../../common/components/error-boundary';
import { PageLoading } from '../../common/components/page-loading';
import { NotificationBell } from '../../notifications';
import { usePhone } from '../../common/hooks/use-phone';
import { whenIdle } from '../../common/utils/when-idle';
import { NavMenu, PhoneMenu } from './menus';
import { NavLogo } from './nav-logo';
import { PhoneMenuButton } from './phone-menu-button';

const { Header, Sider, Content } = Layout;

/** The frame around every signed-in page: the role's menu, whose government this is, who is signed in. */
export default function AppLayout() {
  const { viewer } = useViewer();
  const { signOut, loading } = useSignOut();
  const location = useLocation();
  const phone = usePhone();
  const [menuOpen, setMenuOpen] = useState(false);
  // Mounted from its first opening on, so that it can close with its animation.
  const [menuOpened, setMenuOpened] = useState(false);
  // A page opened from the menu drawer closes it.
  useEffect(() => setMenuOpen(false), [location.pathname]);
  // The drawer's code once the page is drawn and the browser has nothing else to do: a tap on the
  // button then opens it at once, and it never delays the first page on a phone's slow network (without
  // idle callbacks, as in iOS's web views, a second after the frame rather than at once).
  useEffect(() => {
    if (!phone) return;
    return whenIdle(() => void PhoneMenu.preload().catch(() => undefined), { timeout: 5000, otherwiseAfter: 1000 });
  }, [phone]);
  // The frame and its page are drawn in a transition, in slices the browser can run other tasks
  // between: they first mount in the render that the signed-in person's answer (`me`) sets off, and
  // Apollo's answers reach React through useSyncExternalStore, whose renders are synchronous. That one
  // render was the frame, the menu and the page in a single long task (≈ 250 ms of React and antd on the
  // office home under load). Meanwhile the placeholder RequireAuth showed stays.
  const drawn = useDeferredValue(true, false);
  if (!viewer) return null;
  if (!drawn) return <PageLoading />;
  const who = viewer.unitName ? `${viewer.unitName} · ${ROLE_LABELS[viewer.role]}` : rolesLabel(viewer.roles);
  const tenant = (
    // Cut by CSS alone: Typography's `ellipsis` measures the text with a hidden copy in layout effects on
    // mount (antd turns its CSS ellipsis off and on again), a forced layout inside the frame's first render.
    <strong
      className="ant-typography"
      style={{
        fontSize: 16,
        fontWeight: 600,
        flex: 1,
        minWidth: 0,
        overflow: 'hidden',
        whiteSpace: 'nowrap',
        textOverflow: 'ellipsis',
      }}
      data-testid="tenant-name"
    >
      {viewer.tenantName}
      {viewer.tenantDemo && (
        <Tooltip title="演示机构：单位、任务和报送均为虚构，日期随今天生成，可放心操作">
          <Tag color="orange" style={{ marginLeft: 12 }} data-testid="demo-mark">
            演示
          </Tag>
        </Tooltip>
      )}
    </strong>
  );
  const signOutButton = (
    <Button icon={<LogoutOutlined />} onClick={() => void signOut()} loading={loading} block={phone}>
      退出
    </Button>
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        menuOpened && (
          <ErrorBoundary resetKey={menuOpen}>
            <Suspense fallback={null}>
              <PhoneMenu open={menuOpen} onClose={() => setMenuOpen(false)} who={who} signOutButton={signOutButton} />
            </Suspense>
          </ErrorBoundary>
        )
      ) : (
        <Sider width={200} breakpoint="lg" collapsedWidth={64} theme="dark" aria-label="主菜单">
          <NavLogo />
          <Suspense fallback={null}>
            <NavMenu role={viewer.role} roles={viewer.roles} />
          </Suspense>
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
            <PhoneMenuButton
              open={menuOpen}
              onOpen={() => {
                setMenuOpen(true);
                setMenuOpened(true);
              }}
              role={viewer.role}
            />
          )}
          {tenant}
          {/* The bell keeps its place whatever the width, so turning the screen does not mount it again. */}
          <div style={{ display: 'flex', alignItems: 'center', gap: phone ? 4 : 16, flexShrink: 0 }}>
            {!phone && (
              <Typography.Text data-testid="viewer-name">
                {viewer.displayName}
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {who}
                </Typography.Text>
              </Typography.Text>
            )}
            <NotificationBell />
            {!phone && (
              <>
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
                {signOutButton}
              </>
            )}
          </div>
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
