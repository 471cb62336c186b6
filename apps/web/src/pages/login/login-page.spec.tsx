import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, viewerOf } from '../../test/mock-client';
import { renderApp } from '../../test/render-app';

describe('LoginPage', () => {
  it('asks for every field in Chinese before submitting', async () => {
    const { client, calls } = createMockClient({ Me: () => ({ data: { me: null } }) });
    renderApp(client, '/login');
    await userEvent.click(await screen.findByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入机构代码')).toBeInTheDocument();
    expect(screen.getByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(calls.some((c) => c.operationName === 'SignIn')).toBe(false);
  });

  it('shows the tenant’s 统一身份认证 button once the 机构代码 is typed, carrying the return path', async () => {
    localStorage.clear();
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const { client, calls } = createMockClient({
      Me: () => ({ data: { me: null } }),
      SignInOptions: (v) => ({
        data: {
          signInOptions: { __typename: 'SignInOptionsModel', sso: v.tenantCode === 'sheng', passwordAllowed: false },
        },
      }),
    });
    renderApp(client, '/login?next=%2Funit%2Ftasks%2Ft1');
    await userEvent.type(await screen.findByLabelText('机构代码'), 'other');
    await waitFor(() =>
      expect(calls.some((c) => c.operationName === 'SignInOptions' && c.variables.tenantCode === 'other')).toBe(true),
    );
    expect(screen.queryByRole('button', { name: '统一身份认证登录' })).toBeNull();
    await userEvent.clear(screen.getByLabelText('机构代码'));
    await userEvent.type(screen.getByLabelText('机构代码'), 'sheng');
    const button = await screen.findByRole('button', { name: '统一身份认证登录' });
    // Passwords are off for this tenant: no password field to type into.
    expect(screen.queryByLabelText('密码')).toBeNull();
    await userEvent.click(button);
    expect(assign).toHaveBeenCalledWith('/auth/sso/start?tenant=sheng&next=%2Funit%2Ftasks%2Ft1');
    vi.unstubAllGlobals();
  });

  it('asks for the two-factor code once the password is right, keeping the password', async () => {
    let signedIn = false;
    const { client, calls } = createMockClient({
      Me: () => ({ data: { me: signedIn ? viewerOf({ twoFactorEnabled: true }) : null } }),
      SignInOptions: () => ({
        data: { signInOptions: { __typename: 'SignInOptionsModel', sso: false, passwordAllowed: true } },
      }),
      SignIn: (v) =>
        !v.input.totpCode
          ? {
              errors: [
                { code: 'UNAUTHENTICATED', message: '请输入动态验证码', extensions: { reason: 'TOTP_REQUIRED' } },
              ],
            }
          : v.input.totpCode === '111111'
            ? {
                errors: [
                  {
                    code: 'UNAUTHENTICATED',
                    message: '动态验证码不正确或已使用过',
                    extensions: { reason: 'TOTP_INVALID' },
                  },
                ],
              }
            : ((signedIn = true), { data: { signIn: viewerOf({ twoFactorEnabled: true }) } }),
    });
    renderApp(client, '/login');
    await userEvent.type(await screen.findByLabelText('机构代码'), 'sheng');
    await userEvent.type(screen.getByLabelText('用户名'), 'ban-admin');
    await userEvent.type(screen.getByLabelText('密码'), 'Passw0rd!');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    const code = await screen.findByLabelText('动态验证码');
    expect(screen.queryByRole('alert')).toBeNull();
    await userEvent.type(code, '111111');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('动态验证码不正确或已使用过');
    await userEvent.clear(screen.getByLabelText('动态验证码'));
    await userEvent.type(screen.getByLabelText('动态验证码'), '246810');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/office'), { timeout: 5000 });
    const last = calls.filter((c) => c.operationName === 'SignIn').at(-1)!;
    expect(last.variables.input).toMatchObject({ password: 'Passw0rd!', totpCode: '246810' });
  });

  it('shows why a single sign-on was refused', async () => {
    const { client } = createMockClient({ Me: () => ({ data: { me: null } }) });
    renderApp(client, `/login?ssoError=${encodeURIComponent('身份令牌已过期，请返回登录页重新登录')}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('身份令牌已过期，请返回登录页重新登录');
  });

  it('names the page in the title', async () => {
    const { client } = createMockClient({ Me: () => ({ data: { me: null } }) });
    renderApp(client, '/login');
    await waitFor(() => expect(document.title).toBe('登录 · 督办'));
  });
});
