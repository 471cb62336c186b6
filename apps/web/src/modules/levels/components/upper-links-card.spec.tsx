import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { UpperLinksCard } from './upper-links-card';

vi.setConfig({ testTimeout: 30_000 });

const point = (id: string, label: string, title: string) => ({
  __typename: 'UpperPlanPoint',
  id,
  planYear: 2027,
  planTitle: '辽宁省2027年政务公开工作要点',
  sectionTitle: '加强政策解读',
  seq: Number(id.slice(1)),
  label,
  title,
});
const U1 = point('u1', '1.', '全面公开各类规划信息');
const U2 = point('u2', '2.', '深化财政信息公开');
const KEY_POINTS = [
  { id: 'k1', label: '(一)', title: '公开本市各类规划' },
  { id: 'k2', label: '(二)', title: '做好预决算公开' },
];

/** A fake server holding the links, so the card shows what the mutation saved. */
function server(initial: Record<string, string[]>, proposals: Record<string, string[]>) {
  const linked = { ...initial };
  const versions: Record<string, number> = {};
  const byId = { u1: U1, u2: U2 } as Record<string, typeof U1>;
  const entry = (keyPointId: string) => ({
    __typename: 'KeyPointUpperLinks',
    keyPointId,
    version: versions[keyPointId] ?? 0,
    linked: (linked[keyPointId] ?? []).map((id) => byId[id]),
    proposed: (proposals[keyPointId] ?? [])
      .filter((id) => !(linked[keyPointId] ?? []).includes(id))
      .map((id) => ({ __typename: 'UpperPlanPointProposal', score: 0.61, point: byId[id] })),
  });
  return createMockClient({
    KeyPointUpperLinks: () => ({
      data: { upperPlanPoints: [U1, U2], keyPointUpperLinks: KEY_POINTS.map((k) => entry(k.id)) },
    }),
    SetKeyPointUpperLinks: (v) => {
      linked[v.keyPointId] = v.upperPointIds;
      versions[v.keyPointId] = (versions[v.keyPointId] ?? 0) + 1;
      return { data: { setKeyPointUpperLinks: entry(v.keyPointId) } };
    },
  });
}

describe('UpperLinksCard', () => {
  it("shows Duban's proposal in a dashed tag and links it when the office clicks 采纳", async () => {
    const { client, calls } = server({}, { k1: ['u1'] });
    renderWithProviders(client, <UpperLinksCard planId="p1" keyPoints={KEY_POINTS} />);
    const first = await screen.findByRole('listitem', { name: '要点 (一) 的上级要点' });
    expect(await within(first).findByText(/建议 1\. 全面公开各类规划信息/)).toBeInTheDocument();
    expect(screen.getByText('已关联 0/2 项')).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem', { name: '要点 (二) 的上级要点' })).getByText('未关联上级要点'),
    ).toBeInTheDocument();
    await userEvent.click(within(first).getByRole('button', { name: '采纳' }));
    expect(await within(first).findByLabelText('删除关联 1. 全面公开各类规划信息')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetKeyPointUpperLinks')?.variables).toEqual({
      keyPointId: 'k1',
      upperPointIds: ['u1'],
      version: 0,
    });
    expect(await screen.findByText('已关联 1/2 项')).toBeInTheDocument();
  });

  it('removes a confirmed link with its ×, keeping the others', async () => {
    const { client, calls } = server({ k2: ['u1', 'u2'] }, {});
    renderWithProviders(client, <UpperLinksCard planId="p1" keyPoints={KEY_POINTS} />);
    await userEvent.click(await screen.findByLabelText('删除关联 1. 全面公开各类规划信息'));
    await screen.findByText('已关联 1/2 项');
    expect(calls.find((c) => c.operationName === 'SetKeyPointUpperLinks')?.variables).toEqual({
      keyPointId: 'k2',
      upperPointIds: ['u2'],
      version: 0,
    });
    expect(screen.queryByLabelText('删除关联 1. 全面公开各类规划信息')).toBeNull();
    expect(screen.getByLabelText('删除关联 2. 深化财政信息公开')).toBeInTheDocument();
  });

  it('shows nothing when the tenant has no upper key points', async () => {
    const { client, calls } = createMockClient({
      KeyPointUpperLinks: () => ({ data: { upperPlanPoints: [], keyPointUpperLinks: [] } }),
    });
    const { container } = renderWithProviders(client, <UpperLinksCard planId="p1" keyPoints={KEY_POINTS} />);
    await vi.waitFor(() => expect(calls.some((c) => c.operationName === 'KeyPointUpperLinks')).toBe(true));
    await new Promise((r) => setTimeout(r, 50));
    expect(container.textContent).not.toContain('对应上级要点');
  });
});
