import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, gqlError, type MockAnswer } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { inviteLink, TenantLinksPanel } from './tenant-links-panel';

vi.setConfig({ testTimeout: 30_000 });

const tenant = (id: string, name: string) => ({
  __typename: 'LinkedTenant',
  id,
  name,
  linkedAt: '2027-03-01T02:00:00Z',
});
const links = (
  upper: ReturnType<typeof tenant> | null,
  lowers: ReturnType<typeof tenant>[] = [],
  invites: unknown[] = [],
) => ({
  __typename: 'TenantLinks',
  upper,
  lowers,
  invites,
});

describe('TenantLinksPanel', () => {
  it('lets a lower office accept the code from an invitation link and then shows its upper office', async () => {
    let current = links(null);
    const { client, calls } = createMockClient({
      TenantLinks: () => ({ data: { tenantLinks: current } }),
      AcceptTenantLinkInvite: (v): MockAnswer => {
        if (v.code !== 'K7QM-3XHD-P9TA')
          return gqlError('BAD_USER_INPUT', '邀请码无效、已使用、已撤销或已过期，请向上级机构核对', 'code');
        current = links(tenant('p1', '辽宁省人民政府办公厅'));
        return { data: { acceptTenantLinkInvite: current } };
      },
    });
    renderWithProviders(client, <TenantLinksPanel editable />, '/settings?tab=levels&code=K7QM-3XHD-P9TA');
    const field = await screen.findByLabelText('上级机构的邀请码');
    expect(field).toHaveValue('K7QM-3XHD-P9TA');
    await userEvent.click(screen.getByRole('button', { name: '接受邀请' }));
    expect(await screen.findByText('辽宁省人民政府办公厅')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'AcceptTenantLinkInvite')?.variables).toEqual({
      code: 'K7QM-3XHD-P9TA',
    });
    expect(screen.getByRole('button', { name: '解除关联' })).toBeInTheDocument();
    expect(screen.queryByLabelText('上级机构的邀请码')).toBeNull();
  });

  it('ends the link to the upper office it names, after confirming', async () => {
    let current = links(tenant('p1', '辽宁省人民政府办公厅'));
    const { client, calls } = createMockClient({
      TenantLinks: () => ({ data: { tenantLinks: current } }),
      EndUpperTenantLink: () => {
        current = links(null);
        return { data: { endUpperTenantLink: current } };
      },
    });
    renderWithProviders(client, <TenantLinksPanel editable />);
    await userEvent.click(await screen.findByRole('button', { name: '解除关联' }));
    expect(await screen.findByText('解除与“辽宁省人民政府办公厅”的关联？')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: '解除关联' }).at(-1)!);
    expect(await screen.findByLabelText('上级机构的邀请码')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'EndUpperTenantLink')?.variables).toEqual({ upperTenantId: 'p1' });
  });

  it('shows the upper office its lower offices and a new code once, with the link to send', async () => {
    const { client, calls } = createMockClient({
      TenantLinks: () => ({ data: { tenantLinks: links(null, [tenant('c1', '大连市人民政府办公室')]) } }),
      CreateTenantLinkInvite: () => ({
        data: {
          createTenantLinkInvite: {
            __typename: 'TenantLinkInviteCreated',
            code: 'ABCD-EFGH-JKMN',
            invite: {
              __typename: 'TenantLinkInvite',
              id: 'i1',
              note: '发给沈阳',
              createdAt: '2027-03-01T02:00:00Z',
              expiresAt: '2027-03-08T02:00:00Z',
            },
          },
        },
      }),
    });
    renderWithProviders(client, <TenantLinksPanel editable />, '/settings?tab=levels');
    expect(await screen.findByText('大连市人民政府办公室')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /邀请下级机构/ }));
    await userEvent.type(await screen.findByPlaceholderText(/备注/), '发给沈阳');
    await userEvent.click(screen.getByRole('button', { name: '生成邀请码' }));
    expect(await screen.findByText('ABCD-EFGH-JKMN', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText('邀请码只显示这一次，请现在复制并交给下级机构的管理员。')).toBeInTheDocument();
    expect(screen.getByText(inviteLink(window.location.origin, 'ABCD-EFGH-JKMN'))).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'CreateTenantLinkInvite')?.variables).toEqual({ note: '发给沈阳' });
  });

  it('shows office staff the links without any control to change them', async () => {
    const { client } = createMockClient({
      TenantLinks: () => ({
        data: { tenantLinks: links(tenant('p1', '辽宁省人民政府办公厅'), [tenant('c1', '大连市人民政府办公室')]) },
      }),
    });
    renderWithProviders(client, <TenantLinksPanel editable={false} />);
    expect(await screen.findByText('大连市人民政府办公室')).toBeInTheDocument();
    expect(screen.getByText('辽宁省人民政府办公厅')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /解除关联|邀请下级机构|接受邀请/ })).toBeNull();
  });
});
