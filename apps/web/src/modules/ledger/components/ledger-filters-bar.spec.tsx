import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useState } from 'react';
import {
  EMPTY_FILTERS,
  filtersFromSearch,
  filtersToSearch,
  toTaskFilterInput,
  type LedgerFilters,
} from '../utils/ledger-filters';
import { LedgerFiltersBar } from './ledger-filters-bar';

const plans = [{ id: 'p1', name: '2021年辽宁省政务公开工作要点' }];
const sections = [{ id: 's1', name: '一、围绕优化营商环境' }];
const units = [
  { id: 'u1', name: '省发展改革委' },
  { id: 'u2', name: '沈阳市政府' },
];

function Harness({ seen }: { seen: LedgerFilters[] }) {
  const [value, setValue] = useState<LedgerFilters>(EMPTY_FILTERS);
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <LedgerFiltersBar
          value={value}
          plans={plans}
          sections={value.planId ? sections : []}
          units={units}
          onChange={(next) => {
            seen.push(next);
            setValue(next);
          }}
        />
      </AntApp>
    </ConfigProvider>
  );
}

async function choose(label: string, option: string) {
  await userEvent.click(screen.getByRole('combobox', { name: label }));
  const options = await screen.findAllByTitle(option);
  await userEvent.click(options[options.length - 1]);
}

describe('ledger filters: URL round trip', () => {
  it('keeps every filter through the URL and drops invalid values', () => {
    const f: LedgerFilters = {
      planId: 'p1',
      sectionId: 's1',
      unitId: 'u1',
      role: 'LEAD',
      status: ['IN_PROGRESS', 'RETURNED'],
      light: ['RED', 'YELLOW'],
      dueFrom: '2021-06-01',
      dueTo: '2021-06-30',
      text: '营商',
      sort: 'UNIT',
      direction: 'DESC',
    };
    expect(filtersFromSearch(filtersToSearch(f))).toEqual(f);
    const odd = filtersFromSearch(
      new URLSearchParams('light=RED,PINK&status=NOPE&from=yesterday&role=BOSS&section=s1&sort=DROP'),
    );
    expect(odd).toEqual({ ...EMPTY_FILTERS, light: ['RED'] });
  });

  it('sends only the filters that are set, and a section only with its plan', () => {
    expect(toTaskFilterInput(EMPTY_FILTERS)).toEqual({});
    expect(toTaskFilterInput({ ...EMPTY_FILTERS, sectionId: 's1', light: ['RED'], text: '公开' })).toEqual({
      light: ['RED'],
      text: '公开',
    });
  });
});

describe('LedgerFiltersBar', () => {
  it('filters by plan then section, and clears the section when the plan changes', async () => {
    const seen: LedgerFilters[] = [];
    render(<Harness seen={seen} />);
    expect(screen.getByRole('combobox', { name: '部分' })).toBeDisabled();
    await choose('工作要点', '2021年辽宁省政务公开工作要点');
    expect(seen.at(-1)).toMatchObject({ planId: 'p1', sectionId: undefined });
    await choose('部分', '一、围绕优化营商环境');
    expect(seen.at(-1)).toMatchObject({ planId: 'p1', sectionId: 's1' });
  });

  it('filters by unit, role, several lights and statuses, and text on Enter', async () => {
    const seen: LedgerFilters[] = [];
    render(<Harness seen={seen} />);
    await choose('承办单位', '沈阳市政府');
    await choose('角色', '牵头');
    await choose('红黄绿灯', '红灯（逾期）');
    await choose('红黄绿灯', '黄灯（预警）');
    await choose('状态', '已退回');
    await userEvent.type(screen.getByRole('searchbox', { name: '搜索要点或单位' }), ' 预决算 {Enter}');
    expect(seen.at(-1)).toMatchObject({
      unitId: 'u2',
      role: 'LEAD',
      light: ['RED', 'YELLOW'],
      status: ['RETURNED'],
      text: '预决算',
    });
  });

  it('clears all filters but keeps the sort', async () => {
    const seen: LedgerFilters[] = [];
    render(<Harness seen={seen} />);
    expect(screen.queryByRole('button', { name: /清除筛选/ })).not.toBeInTheDocument();
    await choose('承办单位', '省发展改革委');
    await userEvent.click(within(screen.getByRole('search')).getByRole('button', { name: /清除筛选/ }));
    expect(seen.at(-1)).toEqual(EMPTY_FILTERS);
  });
});
