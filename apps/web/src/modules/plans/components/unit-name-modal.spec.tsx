import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import type { DraftUnitName } from '../utils/draft-types';
import { UnitNameModal, type UnitNameResolution } from './unit-name-modal';
import { UnitNamesPanel } from './unit-names-panel';

vi.setConfig({ testTimeout: 30_000 });

const unit = (id: string, name: string, kind: string) => ({
  __typename: 'Unit',
  id,
  name,
  kind,
  active: true,
  aliases: [],
});
const directory = {
  data: {
    units: [
      unit('fin', '省财政厅', 'DEPARTMENT'),
      unit('edu', '省教育厅', 'DEPARTMENT'),
      unit('km', '昆明市人民政府', 'CITY_GOV'),
      unit('dl', '大理州人民政府', 'CITY_GOV'),
    ],
  },
};
const name = (over: Partial<DraftUnitName>): DraftUnitName => ({
  name: '省直有关部门',
  keyPoints: 22,
  unresolvedKeyPoints: 22,
  suggestedKind: null,
  units: [],
  candidates: [],
  decision: null,
  ...over,
});

/** Clicks an option of the open antd Select dropdown by its text. */
async function pick(text: string) {
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option-content')].find((e) => e.textContent === text);
    if (!found) throw new Error(`no option ${text}`);
    return found;
  });
  await userEvent.click(option);
}

function open(value: DraftUnitName, onResolve: (r: UnitNameResolution) => Promise<void> = async () => undefined) {
  const { client } = createMockClient({
    Units: () => directory,
    CreateUnit: (v) => ({
      data: { createUnit: { ...unit('new', v.input.name, v.input.kind), aliases: v.input.aliases } },
    }),
  });
  renderWithProviders(client, <UnitNameModal name={value} onResolve={onResolve} onCancel={() => undefined} />);
  return screen.findByRole('dialog');
}

describe('UnitNameModal', () => {
  it('offers a collective name its kind, with the units it stands for, and says the decision covers every key point and is remembered', async () => {
    const resolved: UnitNameResolution[] = [];
    const dialog = await open(name({ suggestedKind: 'DEPARTMENT' }), async (r) => void resolved.push(r));
    expect(
      within(dialog).getByText(/出现在 22 项要点中。这里的决定用于本草稿中所有写有“省直有关部门”的要点，并会记住/),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: /对应到一类单位/ })).toBeChecked();
    expect(await within(dialog).findByText('省财政厅、省教育厅')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(resolved).toEqual([{ action: 'KIND', kind: 'DEPARTMENT' }]));
  });

  it('maps a name to several chosen units', async () => {
    const resolved: UnitNameResolution[] = [];
    const dialog = await open(
      name({ name: '各州市人民政府', suggestedKind: 'CITY_GOV' }),
      async (r) => void resolved.push(r),
    );
    await userEvent.click(within(dialog).getByRole('radio', { name: /对应到一个或几个单位/ }));
    const select = within(dialog).getByRole('combobox', { name: '单位' });
    await userEvent.click(select);
    await pick('昆明市人民政府');
    await pick('大理州人民政府');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(resolved).toEqual([{ action: 'UNITS', unitIds: ['km', 'dl'] }]));
  });

  it('preselects the closest unit of a misspelt name, and drops a name that is no unit', async () => {
    const resolved: UnitNameResolution[] = [];
    const dialog = await open(
      name({ name: '省财政局', candidates: [{ score: 0.8, unit: { id: 'fin', name: '省财政厅' } }] }),
      async (r) => void resolved.push(r),
    );
    expect(within(dialog).getByRole('radio', { name: /对应到一个或几个单位/ })).toBeChecked();
    expect(within(dialog).getByText('相近的单位：省财政厅（相似度 80%）')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('radio', { name: /略去此名称/ }));
    expect(within(dialog).getByText('这 22 项要点中将不再列出“省财政局”。')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: '略去此名称' }));
    await waitFor(() => expect(resolved).toEqual([{ action: 'DROP' }]));
  });

  it('keeps the dialog open with the message when the decision is refused', async () => {
    const dialog = await open(name({ suggestedKind: 'DEPARTMENT' }), async () => {
      throw new Error('network down');
    });
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定/ }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('无法连接服务器');
  });
});

describe('UnitNamesPanel', () => {
  it('lists each name once, those to decide first with their count of key points, not occurrences', async () => {
    const opened: string[] = [];
    const { client } = createMockClient({});
    renderWithProviders(
      client,
      <UnitNamesPanel
        names={[
          name({
            name: '省发展改革委',
            unresolvedKeyPoints: 0,
            keyPoints: 3,
            units: [{ id: 'ndrc', name: '省发展改革委' }],
          }),
          name({ suggestedKind: 'DEPARTMENT' }),
          name({ name: '各州人民政府', suggestedKind: 'CITY_GOV', decision: null }),
          name({ name: '省政务服务局', keyPoints: 1, unresolvedKeyPoints: 1 }),
        ]}
        onOpen={(n) => opened.push(n.name)}
      />,
    );
    const panel = screen.getByTestId('unit-names-panel');
    expect(within(panel).getByText('待确认 3 个')).toBeInTheDocument();
    expect(
      within(panel).getByText('3 个名称未对应到单位名录（出现在 45 项要点中）。每个名称确认一次，即用于全部要点。'),
    ).toBeInTheDocument();
    const rows = within(panel).getAllByTestId('unit-name');
    expect(rows.map((r) => r.dataset.name)).toEqual(['省直有关部门', '各州人民政府', '省政务服务局']);
    expect(within(rows[0]).getByText('可对应全部“部门”')).toBeInTheDocument();
    await userEvent.click(within(rows[1]).getByRole('button', { name: '确认单位名称 各州人民政府' }));
    expect(opened).toEqual(['各州人民政府']);
    expect(within(panel).getByText('已对应的名称 1 个')).toBeInTheDocument();
  });
});
