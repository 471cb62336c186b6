import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { LoginPage } from './login-page';

function renderLogin() {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <LoginPage />
      </AntApp>
    </ConfigProvider>,
  );
}

describe('LoginPage', () => {
  it('asks for every field in Chinese before submitting', async () => {
    renderLogin();
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入机构代码')).toBeInTheDocument();
    expect(screen.getByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
  });

  it('names the page in the title', () => {
    renderLogin();
    expect(document.title).toBe('登录 · 督办');
  });
});
