import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../test/mock-client';
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

  it('names the page in the title', async () => {
    const { client } = createMockClient({ Me: () => ({ data: { me: null } }) });
    renderApp(client, '/login');
    await waitFor(() => expect(document.title).toBe('登录 · 督办'));
  });
});
