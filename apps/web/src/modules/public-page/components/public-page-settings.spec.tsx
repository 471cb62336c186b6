import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient, gqlError } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { PublicPageSettings } from './public-page-settings';

vi.setConfig({ testTimeout: 30_000 });

const plan = (publicPage: boolean, version: number) => ({
  __typename: 'PublicPagePlan',
  id: 'p1',
  year: 2026,
  title: '2026年政务公开工作要点',
  publicPage,
  path: '/gk/demo/2026',
  version,
});
const settings = { publicName: '', publicFrameAncestors: [] } as never;

describe('PublicPageSettings', () => {
  it('turns a plan public with its version and then shows its address', async () => {
    let current = plan(false, 3);
    const { client, calls } = createMockClient({
      PublicPagePlans: () => ({ data: { publicPagePlans: [current] } }),
      SetPlanPublicPage: (v) => {
        current = plan(v.enabled, v.version + 1);
        return { data: { setPlanPublicPage: current } };
      },
    });
    renderWithProviders(
      client,
      <PublicPageSettings
        settings={settings}
        tenantName="辽宁省人民政府办公厅"
        admin
        saving={false}
        onSave={() => undefined}
      />,
    );
    const row = (await screen.findByText('2026年政务公开工作要点')).closest('tr')!;
    expect(within(row).getByText('未公开')).toBeInTheDocument();
    await userEvent.click(within(row).getByRole('switch', { name: '公开2026年政务公开工作要点' }));
    expect(await within(row).findByText('/gk/demo/2026')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'SetPlanPublicPage')?.variables).toEqual({
      planId: 'p1',
      enabled: true,
      version: 3,
    });
  });

  it('keeps the switch as it was when the server refuses (a stale version)', async () => {
    const { client } = createMockClient({
      PublicPagePlans: () => ({ data: { publicPagePlans: [plan(false, 3)] } }),
      SetPlanPublicPage: () => gqlError('CONFLICT', '工作要点已被他人修改，请刷新后重试'),
    });
    renderWithProviders(
      client,
      <PublicPageSettings
        settings={settings}
        tenantName="辽宁省人民政府办公厅"
        admin
        saving={false}
        onSave={() => undefined}
      />,
    );
    const toggle = await screen.findByRole('switch', { name: '公开2026年政务公开工作要点' });
    await userEvent.click(toggle);
    expect(await screen.findByText('工作要点已被他人修改，请刷新后重试')).toBeInTheDocument();
    expect(toggle).not.toBeChecked();
  });
});
