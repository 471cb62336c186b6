import { useQuery } from '@apollo/client/react';
import { Alert, Select } from 'antd';
import { errorMessage } from '../../common/utils/app-errors';
import { UnitsQuery } from '../graphql/units.query';

interface UnitSelectProps {
  value: string[];
  onChange: (ids: string[]) => void;
  multiple?: boolean;
  autoFocus?: boolean;
  label?: string;
}

/** Units of the directory (active ones), searchable by name and alias. */
export function UnitSelect({ value, onChange, multiple, autoFocus, label = '单位' }: UnitSelectProps) {
  const { data, loading, error } = useQuery(UnitsQuery, { variables: { filter: { active: true } } });
  if (error) return <Alert type="error" title={errorMessage(error)} />;
  return (
    <Select
      aria-label={label}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{
        filterOption: (input, option) =>
          String(option?.label ?? '').includes(input) || String(option?.title ?? '').includes(input),
      }}
      loading={loading}
      placeholder="输入名称或简称搜索"
      value={multiple ? value : value[0]}
      onChange={(v: string | string[]) => onChange(Array.isArray(v) ? v : v ? [v] : [])}
      options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name, title: u.aliases.join('、') }))}
      autoFocus={autoFocus}
      style={{ width: '100%' }}
    />
  );
}
