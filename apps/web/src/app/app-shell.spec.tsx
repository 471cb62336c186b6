import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, gqlError, viewerOf } from '../test/mock-client';
import { asPhone, turnableScreen } from '../test/phone-screen';
import { renderApp } from '../test/render-app';

const signedOut = { Me: () => ({ data: { me: null } }) };
const signedInAs = (overrides: Record<string, unknown> = {}) => ({ Me: () => ({ data: { me: viewerOf(overrides) } }) });

afterEach(() => {
  document.cookie = 'duban_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  localStorage.clear();
});

describe('app shell: guards and landing', () => {
  it('sends a signed-out visitor to sign-in and remembers where they were going', async () => {
    const { client } = createMockClient(signedOut);
    renderApp(client, '/ledger?light=RED');
    expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Fledger%3Flight%3DRED');
  });

  it.each([
    ['OFFICE_ADMIN', '/office', '工作台'],
    ['UNIT_LIAISON', '/unit', '我的任务'],
    ['LEADERSHIP', '/leadership', '总览'],
  ])('lands a %s on %s', async (role, path, menuLabel) => {
    const { client } = createMockClient(
      signedInAs({ role, unitName: role === 'UNIT_LIAISON' ? '省发展改革委' : null }),
    );
    renderApp(client, '/');
    // The first render loads the lazy layout and pages: slow on a shared machine.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(path));
    expect(await screen.findByRole('menuitem', { name: new RegExp(menuLabel) })).toBeInTheDocument();
  });

  it.each([
    [['OFFICE_ADMIN'], ['工作台', '账号管理'], ['安全管理']],
    [['SECURITY_ADMIN'], ['账号管理', '安全管理'], ['工作台', '工作要点', '台账', '系统设置']],
    [['OFFICE_ADMIN', 'SECURITY_ADMIN'], ['工作台', '账号管理', '安全管理'], []],
  ])('三员分立: a viewer holding %j sees %j in the menu and not %j', async (roles, shown, hidden) => {
    const { client } = createMockClient(signedInAs({ role: roles[0], roles }));
    renderApp(client, '/');
    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent(roles[0] === 'SECURITY_ADMIN' ? '/security' : '/office'),
    );
    const menu = await screen.findByRole('menu');
    for (const label of shown) expect(within(menu).getByText(label)).toBeInTheDocument();
    for (const label of hidden) expect(within(menu).queryByText(label)).not.toBeInTheDocument();
  });

  it('keeps the security admin out of the office’s pages', async () => {
    const { client } = createMockClient(signedInAs({ role: 'SECURITY_ADMIN', roles: ['SECURITY_ADMIN'] }));
    renderApp(client, '/plans');
    expect(await screen.findByText('您的账号无权查看此页面。')).toBeInTheDocument();
  });

  it.each([
    ['UNIT_LIAISON', '/unit?task=t-1'],
    ['OFFICE_STAFF', '/ledger?task=t-1'],
    ['LEADERSHIP', '/ledger?task=t-1'],
  ])('opens a group message’s /tasks/<id> link for a %s at %s', async (role, path) => {
    const { client } = createMockClient(
      signedInAs({ role, unitName: role === 'UNIT_LIAISON' ? '省发展改革委' : null }),
    );
    renderApp(client, '/tasks/t-1');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(path));
  });

  it('folds the menu behind a button on a phone, with who is signed in', async () => {
    const restore = asPhone();
    try {
      const { client } = createMockClient({
        ...signedInAs({ role: 'UNIT_LEADER', displayName: '赵分管领导', unitId: 'unit-1', unitName: '省发展改革委' }),
        LeaderQueueCount: () => ({ data: { leaderQueue: { __typename: 'ProgressReportConnection', totalCount: 2 } } }),
      });
      renderApp(client, '/unit/approvals');
      // Reports waiting for this leader show on the button while the menu is folded.
      const open = await screen.findByRole('button', { name: '打开菜单（2 项待审批）' });
      expect(screen.queryByRole('menu')).not.toBeInTheDocument();
      await userEvent.click(open);
      const menu = await screen.findByRole('menu');
      expect(within(menu).getByText('待审批报送')).toBeInTheDocument();
      expect(screen.getByTestId('viewer-name')).toHaveTextContent('省发展改革委 · 分管领导');
      expect(screen.getByRole('button', { name: /退\s*出/ })).toBeInTheDocument();
      await userEvent.click(within(menu).getByText('我的任务'));
      await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/unit$/));
    } finally {
      restore();
    }
  });

  it('shows the tenant, the person and their unit in the header, and a role-specific menu', async () => {
    const { client } = createMockClient(
      signedInAs({ role: 'UNIT_LEADER', displayName: '赵分管领导', unitId: 'unit-1', unitName: '省发展改革委' }),
    );
    renderApp(client, '/unit');
    expect(await screen.findByTestId('tenant-name')).toHaveTextContent('辽宁省人民政府办公厅（演示）');
    expect(screen.getByTestId('viewer-name')).toHaveTextContent('赵分管领导');
    expect(screen.getByTestId('viewer-name')).toHaveTextContent('省发展改革委 · 分管领导');
    const menu = screen.getByRole('menu');
    expect(within(menu).getByText('待审批报送')).toBeInTheDocument();
    expect(within(menu).queryByText('工作要点')).not.toBeInTheDocument();
    expect(within(menu).queryByText('台账')).not.toBeInTheDocument();
  });

  it('marks a demo tenant 演示 in the header, and only a demo tenant', async () => {
    const { client } = createMockClient(signedInAs({ tenantDemo: true }));
    const { unmount } = renderApp(client, '/office');
    expect(await screen.findByTestId('demo-mark')).toHaveTextContent('演示');
    unmount();
    renderApp(createMockClient(signedInAs({ tenantDemo: false })).client, '/office');
    expect(await screen.findByTestId('tenant-name')).toBeInTheDocument();
    expect(screen.queryByTestId('demo-mark')).not.toBeInTheDocument();
  });

  it('refuses a page of another role with a 403 instead of its content', async () => {
    const { client } = createMockClient(signedInAs({ role: 'UNIT_LIAISON', unitName: '沈阳市政府' }));
    renderApp(client, '/plans/import');
    expect(await screen.findByText('没有权限')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /返回首页/ })).toHaveAttribute('href', '/unit');
  });

  it('shows a 404 page that names itself in the title', async () => {
    const { client } = createMockClient(signedInAs());
    renderApp(client, '/no/such/page');
    expect(await screen.findByText('页面不存在')).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('页面不存在 · 督办'));
  });

  it('keeps a person who must change their password on the change-password page', async () => {
    const { client } = createMockClient(signedInAs({ mustChangePassword: true }));
    renderApp(client, '/office');
    expect(await screen.findByRole('heading', { name: '修改密码' })).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent('/change-password');
    expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  });
});

describe('app shell: sign-in and sign-out', () => {
  it('signs in, remembers the tenant code and lands on the role home', async () => {
    let me: unknown = null;
    const { client, calls } = createMockClient({
      Me: () => ({ data: { me } }),
      SignIn: ({ input }) => {
        me = viewerOf({ role: 'UNIT_LIAISON', displayName: '张联络员', unitId: 'unit-1', unitName: '省发展改革委' });
        expect(input).toEqual({ tenantCode: 'demo', username: 'fgw-lly', password: 'Duban@2026' });
        return { data: { signIn: me } };
      },
    });
    renderApp(client, '/login');
    await userEvent.type(await screen.findByLabelText('机构代码'), ' demo ');
    await userEvent.type(screen.getByLabelText('用户名'), 'fgw-lly');
    await userEvent.type(screen.getByLabelText('密码'), 'Duban@2026{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/unit'));
    expect(localStorage.getItem('duban.tenant')).toBe('demo');
    expect(await screen.findByTestId('viewer-name')).toHaveTextContent('张联络员');
    expect(calls.map((c) => c.operationName)).toContain('SignIn');
  });

  it('follows ?next= after sign-in but never to another site', async () => {
    let me: unknown = null;
    const { client } = createMockClient({
      Me: () => ({ data: { me } }),
      SignIn: () => ((me = viewerOf()), { data: { signIn: me } }),
    });
    renderApp(client, '/login?next=//evil.example/x');
    await userEvent.type(await screen.findByLabelText('机构代码'), 'demo');
    await userEvent.type(screen.getByLabelText('用户名'), 'ban-admin');
    await userEvent.type(screen.getByLabelText('密码'), 'x{Enter}');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/office$/));
  });

  it('shows a wrong password as the API words it, on the form, without leaving the page', async () => {
    const { client } = createMockClient({
      ...signedOut,
      SignIn: () => gqlError('UNAUTHENTICATED', '机构代码、用户名或密码不正确'),
    });
    localStorage.setItem('duban.tenant', 'demo');
    renderApp(client, '/login');
    expect(await screen.findByLabelText('机构代码')).toHaveValue('demo');
    await userEvent.type(screen.getByLabelText('用户名'), 'ban-admin');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong1234{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('机构代码、用户名或密码不正确');
    expect(screen.getByTestId('location')).toHaveTextContent('/login');
    expect(screen.getByLabelText('密码')).toHaveValue('');
  });

  it('signs out with the CSRF header and returns to sign-in', async () => {
    document.cookie = 'duban_csrf=token-from-cookie; path=/';
    const { client, calls } = createMockClient({ ...signedInAs(), SignOut: () => ({ data: { signOut: true } }) });
    renderApp(client, '/office');
    await userEvent.click(await screen.findByRole('button', { name: /退\s*出/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login'));
    const signOut = calls.find((c) => c.operationName === 'SignOut')!;
    expect(signOut.headers['X-CSRF-Token']).toBe('token-from-cookie');
    expect(await screen.findByRole('button', { name: /登\s*录/ })).toBeInTheDocument();
  });

  it('warns a minute before the idle limit, and signs out at it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const { client, calls } = createMockClient({
        ...signedInAs({ sessionIdleMinutes: 10 }),
        SignOut: () => ({ data: { signOut: true } }),
      });
      renderApp(client, '/office');
      expect(await screen.findByTestId('viewer-name')).toBeInTheDocument();
      expect(screen.queryByText('即将自动退出')).not.toBeInTheDocument();
      // The server writes activity once a minute, so it may end the session at 9 minutes: warned at 8.
      vi.advanceTimersByTime(8 * 60_000 + 1000);
      expect(await screen.findByText('即将自动退出')).toBeInTheDocument();
      expect(calls.some((c) => c.operationName === 'SignOut')).toBe(false);
      vi.advanceTimersByTime(60_000);
      await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login'));
      expect(calls.some((c) => c.operationName === 'SignOut')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the session when the person answers the warning', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['Date', 'setInterval', 'clearInterval'] });
    try {
      const { client, calls } = createMockClient(signedInAs({ sessionIdleMinutes: 10 }));
      renderApp(client, '/office');
      expect(await screen.findByTestId('viewer-name')).toBeInTheDocument();
      vi.advanceTimersByTime(8 * 60_000 + 1000);
      const asked = calls.filter((c) => c.operationName === 'Me').length;
      await userEvent.click(await screen.findByRole('button', { name: /继续使用/ }));
      // The answer is a request, which the server counts as activity.
      await waitFor(() => expect(calls.filter((c) => c.operationName === 'Me').length).toBe(asked + 1));
      vi.advanceTimersByTime(2 * 60_000);
      expect(screen.getByTestId('location')).toHaveTextContent('/office');
      expect(calls.some((c) => c.operationName === 'SignOut')).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the provider’s logout after signing out a 统一身份认证 session', async () => {
    document.cookie = 'duban_csrf=token-from-cookie; path=/';
    const { client } = createMockClient({
      ...signedInAs({ ssoLogoutPath: '/auth/sso/logout?tenant=t1' }),
      SignOut: () => ({ data: { signOut: true } }),
    });
    renderApp(client, '/office');
    await userEvent.click(await screen.findByRole('button', { name: /退\s*出/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/login'));
    expect(await screen.findByRole('link', { name: '同时退出统一身份认证平台' })).toHaveAttribute(
      'href',
      '/auth/sso/logout?tenant=t1',
    );
  });

  it('changes the password and then lets the person in', async () => {
    const { client, calls } = createMockClient({
      ...signedInAs({ mustChangePassword: true }),
      ChangePassword: () => ({ data: { changePassword: true } }),
    });
    renderApp(client, '/change-password');
    await userEvent.type(await screen.findByLabelText('当前密码'), 'Old12345');
    await userEvent.type(screen.getByLabelText('新密码'), 'short');
    await userEvent.type(screen.getByLabelText('确认新密码'), 'other');
    await userEvent.click(screen.getByRole('button', { name: /确认修改/ }));
    expect(await screen.findByText('密码至少 8 位')).toBeInTheDocument();
    expect(screen.getByText('两次输入的密码不一致')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('新密码'));
    await userEvent.type(screen.getByLabelText('新密码'), 'New12345');
    await userEvent.clear(screen.getByLabelText('确认新密码'));
    await userEvent.type(screen.getByLabelText('确认新密码'), 'New12345');
    await userEvent.click(screen.getByRole('button', { name: /确认修改/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/office'));
    expect(calls.find((c) => c.operationName === 'ChangePassword')!.variables.input).toEqual({
      currentPassword: 'Old12345',
      newPassword: 'New12345',
    });
  });

  it('asks nothing again when the screen turns: the bell and the page stay mounted', async () => {
    const screenTurn = turnableScreen();
    try {
      const { client, calls } = createMockClient({
        ...signedInAs({ role: 'OFFICE_ADMIN' }),
        UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 3 } }),
      });
      renderApp(client, '/notifications');
      await screen.findByRole('link', { name: '通知 3 条未读' }, { timeout: 5000 });
      await waitFor(() => expect(calls.some((c) => c.operationName === 'Notifications')).toBe(true));
      const asked = calls.length;
      act(() => screenTurn.turn(true));
      expect(await screen.findByRole('button', { name: /打开菜单/ })).toBeInTheDocument();
      act(() => screenTurn.turn(false));
      expect(await screen.findByTestId('viewer-name')).toBeInTheDocument();
      // A remount would ask for the count and the page's list again at once.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(calls.slice(asked).map((c) => c.operationName)).toEqual([]);
    } finally {
      screenTurn.restore();
    }
  });
});
