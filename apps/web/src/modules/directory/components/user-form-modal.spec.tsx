import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLError } from 'graphql';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import type { Role, UserRowFragment } from '../../../generated/graphql';
import { unitMatches, UserFormModal } from './user-form-modal';

vi.setConfig({ testTimeout: 30_000 });

const SYSTEM = { id: 'sys', roles: ['OFFICE_ADMIN'] as Role[] };
const SECURITY = { id: 'sec', roles: ['SECURITY_ADMIN'] as Role[] };
const liaison = {
  __typename: 'User',
  id: 'u1',
  version: 1,
  username: 'mzj-lly',
  displayName: '民政联络员',
  role: 'UNIT_LIAISON',
  roles: ['UNIT_LIAISON'],
  unitId: 'unit1',
  unit: { __typename: 'Unit', id: 'unit1', name: '市民政局' },
  email: null,
  phone: '13800001234',
  wecomUserid: null,
  dingtalkUserid: null,
  active: true,
  locked: false,
  twoFactorEnabled: false,
  mustChangePassword: false,
  createdAt: '2026-01-01T00:00:00Z',
  lastSignInAt: null,
} as UserRowFragment;

const roleOptions = async (dialog: HTMLElement) => {
  await userEvent.click(within(dialog).getByRole('combobox', { name: '角色' }));
  await screen.findByRole('listbox');
  // The drawn options (antd's a11y list holds only the few around the active one).
  return [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));
};

const refusal = (message: string, field: string) =>
  new CombinedGraphQLErrors({ errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } })] });

describe('UserFormModal', () => {
  it('accepts a username with @ as the server does, and shows the server’s refusal at the field', async () => {
    const { client } = createMockClient({});
    const saved: string[] = [];
    const onSave = async (v: { username: string }) => {
      saved.push(v.username);
      throw refusal('用户名“li.hong@cx”已被使用', 'username');
    };
    renderWithProviders(
      client,
      <UserFormModal open user={null} viewer={SYSTEM} units={[]} onSave={onSave} onCancel={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('用户名'), 'li.hong@cx');
    await userEvent.type(within(dialog).getByLabelText('姓名'), '李红');
    await userEvent.click(within(dialog).getByRole('combobox', { name: '角色' }));
    await userEvent.click(await screen.findByTitle('领导'));
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    expect(await within(dialog).findByText('用户名“li.hong@cx”已被使用')).toBeInTheDocument();
    expect(saved).toEqual(['li.hong@cx']);
  });

  it('states the password rule at the field before sending', async () => {
    const { client } = createMockClient({});
    const onSave = vi.fn();
    renderWithProviders(
      client,
      <UserFormModal open user={null} viewer={SYSTEM} units={[]} onSave={onSave} onCancel={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('初始密码'), 'abcdefgh');
    expect(await within(dialog).findByText('密码须同时包含字母和数字')).toBeInTheDocument();
  });

  it('offers the system admin the business roles only, and explains 三员分立', async () => {
    const { client } = createMockClient({});
    renderWithProviders(
      client,
      <UserFormModal open user={null} viewer={SYSTEM} units={[]} onSave={vi.fn()} onCancel={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('separation-rule')).toHaveTextContent('安全审计员不能兼任其他角色');
    const offered = await roleOptions(dialog);
    expect(offered).toEqual(expect.arrayContaining(['联络员', '领导']));
    expect(offered.some((o) => /安全|系统管理员/.test(o ?? ''))).toBe(false);
  });

  it('lets the security admin grant the 三员 roles but not change the person’s details or business role', async () => {
    const { client } = createMockClient({});
    const onSave = vi.fn();
    renderWithProviders(
      client,
      <UserFormModal open user={liaison} viewer={SECURITY} units={[]} onSave={onSave} onCancel={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('手机')).toBeDisabled();
    expect(within(dialog).getByLabelText('姓名')).toBeDisabled();
    const offered = await roleOptions(dialog);
    expect(offered).toEqual(['政务公开办管理员（系统管理员）', '联络员', '安全管理员', '安全审计员']);
    await userEvent.click(await screen.findByTitle('政务公开办管理员（系统管理员）'));
    await userEvent.click(await within(dialog).findByLabelText('兼任安全管理员'));
    await userEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0][0]).toMatchObject({ role: 'OFFICE_ADMIN', securityAdmin: true });
  });

  it('finds a unit by its alias', () => {
    expect(unitMatches('省发展和改革委员会 省发改委', '省发改委')).toBe(true);
    expect(unitMatches('楚雄彝族自治州人民政府 楚雄州', '楚雄 州')).toBe(true);
    expect(unitMatches('省财政厅', '发改委')).toBe(false);
  });
});
