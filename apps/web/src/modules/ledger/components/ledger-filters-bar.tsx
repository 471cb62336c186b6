import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { LIGHT_LABELS, LIGHTS, ROLE_LABELS, STATUS_LABELS, STATUSES } from '../../tasks/utils/labels';
import { activeFilterCount, EMPTY_FILTERS, type LedgerFilters } from '../utils/ledger-filters';

export interface Option {
  id: string;
  name: string;
}

export interface LedgerFiltersBarProps {
  value: LedgerFilters;
  onChange: (next: LedgerFilters) => void;
  plans: Option[];
  sections: Option[];
  units: Option[];
  loadingOptions?: boolean;
}

const byName = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '')
    .toLowerCase()
    .includes(input.toLowerCase());

/** 台账 filters: plan, section, unit, role, status, light, due range and text. Each change applies at once. */
export function LedgerFiltersBar({ value, onChange, plans, sections, units, loadingOptions }: LedgerFiltersBarProps) {
  const [text, setText] = useState(value.text ?? '');
  useEffect(() => setText(value.text ?? ''), [value.text]);
  const set = (patch: Partial<LedgerFilters>) => onChange({ ...value, ...patch });

  return (
    <Flex wrap gap={8} role="search" aria-label="台账筛选">
      <Select
        aria-label="工作要点"
        placeholder="全部工作要点"
        allowClear
        showSearch={{ filterOption: byName }}
        loading={loadingOptions}
        style={{ width: 220 }}
        value={value.planId}
        options={plans.map((p) => ({ value: p.id, label: p.name }))}
        onChange={(planId?: string) => set({ planId, sectionId: undefined })}
      />
      <Select
        aria-label="部分"
        placeholder={value.planId ? '全部部分' : '先选择工作要点'}
        allowClear
        disabled={!value.planId}
        style={{ width: 200 }}
        value={value.sectionId}
        options={sections.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(sectionId?: string) => set({ sectionId })}
      />
      <Select
        aria-label="承办单位"
        placeholder="全部单位"
        allowClear
        showSearch={{ filterOption: byName }}
        loading={loadingOptions}
        style={{ width: 180 }}
        value={value.unitId}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        onChange={(unitId?: string) => set({ unitId })}
      />
      <Select
        aria-label="角色"
        placeholder="牵头/责任"
        allowClear
        style={{ width: 110 }}
        value={value.role}
        options={(['LEAD', 'RESPONSIBLE'] as const).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        onChange={(role?: LedgerFilters['role']) => set({ role })}
      />
      <Select
        aria-label="状态"
        mode="multiple"
        placeholder="全部状态"
        allowClear
        maxTagCount="responsive"
        style={{ width: 200 }}
        value={value.status}
        options={STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
        onChange={(status: LedgerFilters['status']) => set({ status })}
      />
      <Select
        aria-label="红黄绿灯"
        mode="multiple"
        placeholder="全部灯色"
        allowClear
        maxTagCount="responsive"
        style={{ width: 200 }}
        value={value.light}
        options={LIGHTS.map((l) => ({ value: l, label: LIGHT_LABELS[l] }))}
        onChange={(light: LedgerFilters['light']) => set({ light })}
      />
      <DatePicker.RangePicker
        aria-label="截止日期范围"
        placeholder={['截止日期从', '到']}
        allowEmpty={[true, true]}
        value={[value.dueFrom ? dayjs(value.dueFrom) : null, value.dueTo ? dayjs(value.dueTo) : null]}
        onChange={(range) =>
          set({
            dueFrom: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
            dueTo: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
          })
        }
        style={{ width: 260 }}
      />
      <Input.Search
        aria-label="搜索要点或单位"
        placeholder="搜索要点或单位"
        allowClear
        style={{ width: 220 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(q) => set({ text: q.trim() || undefined })}
      />
      {activeFilterCount(value) > 0 && (
        <Button
          icon={<ClearOutlined />}
          onClick={() => onChange({ ...EMPTY_FILTERS, sort: value.sort, direction: value.direction })}
        >
          清除筛选
        </Button>
      )}
    </Flex>
  );
}
