import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { GraphQLError } from 'graphql';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { unitMatches, UserFormModal } from './user-form-modal';

vi.setConfig({ testTimeout: 30_000 });

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
      <UserFormModal open user={null} units={[]} onSave={onSave} onCancel={() => undefined} />,
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
      <UserFormModal open user={null} units={[]} onSave={onSave} onCancel={() => undefined} />,
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('初始密码'), 'abcdefgh');
    expect(await within(dialog).findByText('密码须同时包含字母和数字')).toBeInTheDocument();
  });

  it('finds a unit by its alias', () => {
    expect(unitMatches('省发展和改革委员会 省发改委', '省发改委')).toBe(true);
    expect(unitMatches('楚雄彝族自治州人民政府 楚雄州', '楚雄 州')).toBe(true);
    expect(unitMatches('省财政厅', '发改委')).toBe(false);
  });
});
