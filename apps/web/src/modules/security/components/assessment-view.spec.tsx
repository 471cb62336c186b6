import { screen, within } from '@testing-library/react';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { AssessmentView } from './assessment-view';

vi.setConfig({ testTimeout: 30_000 });

const control = (key: string, name: string, status: string, setting: string, why: string | null = null) => ({
  __typename: 'AssessedControl',
  key,
  category: '身份鉴别',
  name,
  setting,
  evidence: '安全管理 › 安全策略',
  status,
  why,
});

const answer = (controls: ReturnType<typeof control>[]) => () => ({
  data: {
    securityAssessment: { __typename: 'SecurityAssessment', checkedAt: '2026-12-06T02:00:00.000Z', controls },
  },
});

describe('AssessmentView', () => {
  it('lists each control with its setting and evidence, and what falls short in red with why', async () => {
    const { client } = createMockClient({
      SecurityAssessment: answer([
        control(
          'password-expiry',
          '口令定期更换',
          'NOT_MET',
          '永不过期',
          '密码有效期未启用，三级要求定期更换（不超过 90 天）',
        ),
        control('session-timeout', '登录超时退出', 'MET', '无操作 30 分钟自动退出，登录最长 12 小时'),
        control('password-hash', '口令存储', 'ADVISORY', 'argon2id 3 个', '口令杂凑非商用密码算法'),
      ]),
    });
    renderWithProviders(client, <AssessmentView />);
    expect(await screen.findByText('1 项不符合三级要求，1 项符合，1 项提示')).toBeInTheDocument();
    const failing = document.querySelector<HTMLElement>('[data-testid="control-password-expiry"]')!;
    expect(failing.dataset.status).toBe('NOT_MET');
    expect(within(failing).getByText('永不过期')).toBeInTheDocument();
    const why = within(failing).getByText('密码有效期未启用，三级要求定期更换（不超过 90 天）');
    expect(why.className).toContain('danger');
    expect(within(failing).getByText('不符合')).toBeInTheDocument();
    const met = document.querySelector<HTMLElement>('[data-testid="control-session-timeout"]')!;
    expect(within(met).getByText('符合')).toBeInTheDocument();
    expect(within(met).getAllByText('安全管理 › 安全策略')).toHaveLength(1);
    expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeInTheDocument();
  });

  it('says so when every control is met', async () => {
    const { client } = createMockClient({
      SecurityAssessment: answer([control('session-timeout', '登录超时退出', 'MET', '无操作 30 分钟自动退出')]),
    });
    renderWithProviders(client, <AssessmentView />);
    expect(await screen.findByText('各项均符合三级要求')).toBeInTheDocument();
  });
});
