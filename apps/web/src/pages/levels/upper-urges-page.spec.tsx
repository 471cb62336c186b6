import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, viewerOf } from '../../test/mock-client';
import { renderWithProviders } from '../../test/render-app';
import UpperUrgesPage from './upper-urges-page';

vi.setConfig({ testTimeout: 30_000 });

const urge = (id: string, acknowledged: boolean, linked: boolean) => ({
  __typename: 'UpperUrge',
  id,
  upperTenantName: '辽宁省人民政府办公厅',
  keyPointLabel: id === 'a' ? '1.' : '22.',
  keyPointTitle: id === 'a' ? '推进政策解读' : '优化营商环境信息公开',
  situation: linked ? '对应工作要点 1 项，任务 1 项，已完成 0 项，逾期 1 项' : '尚无对应的工作要点（缺口）',
  message: '请抓紧落实',
  senderName: '李科员',
  createdAt: '2026-12-01T02:00:00Z',
  acknowledgedAt: acknowledged ? '2026-12-01T03:00:00Z' : null,
  acknowledgedByName: acknowledged ? '鞍山市办公室科员' : null,
  linkedKeyPoints: linked
    ? [{ __typename: 'UpperUrgeKeyPoint', id: 'k1', planId: 'p1', label: '(1)', title: '结合本市实际推进政策解读' }]
    : [],
});

function server(role: string) {
  const acknowledged = new Set<string>();
  const page = () => ({
    __typename: 'UpperUrgeConnection',
    totalCount: 2,
    pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    nodes: [urge('a', acknowledged.has('a'), true), urge('b', acknowledged.has('b'), false)],
  });
  return createMockClient({
    Me: () => ({ data: { me: viewerOf({ role }) } }),
    UpperUrges: () => ({ data: { upperUrges: page() } }),
    UnreadNotificationCount: () => ({ data: { unreadNotificationCount: 0 } }),
    AcknowledgeUpperUrge: (v) => {
      acknowledged.add(v.id as string);
      return { data: { acknowledgeUpperUrge: urge(v.id as string, true, v.id === 'a') } };
    },
  });
}

describe('UpperUrgesPage (上级催办)', () => {
  it('shows each urge from above with the situation the upper saw and this office’s own linked key points, and signs for it', async () => {
    const { client, calls } = server('OFFICE_STAFF');
    renderWithProviders(client, <UpperUrgesPage />, '/levels/from-upper');
    const card = (await screen.findByText('辽宁省人民政府办公厅：1. 推进政策解读')).closest('.ant-card') as HTMLElement;
    expect(within(card).getByRole('link', { name: '(1) 结合本市实际推进政策解读' })).toHaveAttribute(
      'href',
      '/plans/p1',
    );
    const gap = screen.getByText('辽宁省人民政府办公厅：22. 优化营商环境信息公开').closest('.ant-card') as HTMLElement;
    expect(within(gap).getByText(/本机构还没有对应这项上级要点的工作要点/)).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: /签收/ }));
    expect(await within(card).findByText(/已签收 .* 鞍山市办公室科员/)).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'AcknowledgeUpperUrge')?.variables).toEqual({ id: 'a' });
    expect(within(gap).getByRole('button', { name: /签收/ })).toBeEnabled();
  });

  it('lets leadership read the urges but not sign for them', async () => {
    const { client } = server('LEADERSHIP');
    renderWithProviders(client, <UpperUrgesPage />, '/levels/from-upper');
    await screen.findByText('辽宁省人民政府办公厅：1. 推进政策解读');
    expect(screen.queryByRole('button', { name: /签收/ })).toBeNull();
    expect(screen.getAllByText('未签收', { selector: '.ant-tag' })).toHaveLength(2);
  });
});
