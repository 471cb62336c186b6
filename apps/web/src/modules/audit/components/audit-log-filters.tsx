import { useQuery } from '@apollo/client/react';
import { AutoComplete, DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AuditActorsQuery } from '../graphql/audit-actors.query';
import { AUDIT_ACTION_LABELS, AUDIT_ENTITY_LABELS } from '../utils/audit-labels';
import type { AuditFilterValues } from '../utils/audit-filter';

/** 操作人, 操作, 对象, 结果 and a time range: the questions an assessor asks of the log. */
export function AuditLogFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
}) {
  const [search, setSearch] = useState('');
  const actors = useQuery(AuditActorsQuery, { variables: { filter: search ? { search } : null } });
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Space wrap>
      <Select
        aria-label="操作人"
        placeholder="全部操作人"
        allowClear
        showSearch={{ filterOption: false, onSearch: setSearch }}
        style={{ width: 200 }}
        value={value.actorId}
        loading={actors.loading}
        options={(actors.data?.users.nodes ?? []).map((u) => ({
          value: u.id,
          label: `${u.displayName}（${u.username}）`,
        }))}
        onChange={(actorId: string | undefined) => set({ actorId })}
      />
      <AutoComplete
        aria-label="操作"
        placeholder="操作（如 登录 sign_in）"
        allowClear
        style={{ width: 200 }}
        value={value.action}
        options={Object.entries(AUDIT_ACTION_LABELS).map(([code, label]) => ({
          value: code,
          label: `${label}（${code}）`,
        }))}
        onChange={(action: string) => set({ action: action || undefined })}
      />
      <Select
        aria-label="对象类型"
        placeholder="全部对象"
        allowClear
        style={{ width: 140 }}
        value={value.entityType}
        options={Object.entries(AUDIT_ENTITY_LABELS).map(([code, label]) => ({ value: code, label }))}
        onChange={(entityType: string | undefined) => set({ entityType })}
      />
      <Input
        aria-label="对象编号"
        placeholder="对象编号"
        allowClear
        style={{ width: 200 }}
        value={value.entityId}
        onChange={(e) => set({ entityId: e.target.value || undefined })}
      />
      <Select
        aria-label="结果"
        placeholder="成功和失败"
        allowClear
        style={{ width: 120 }}
        value={value.result}
        options={[
          { value: 'success', label: '成功' },
          { value: 'failure', label: '失败' },
        ]}
        onChange={(result: AuditFilterValues['result']) => set({ result })}
      />
      <DatePicker.RangePicker
        aria-label="时间范围"
        showTime
        allowEmpty={[true, true]}
        placeholder={['开始时间', '结束时间']}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) =>
          set({
            from: range?.[0]?.toDate().toISOString() ?? undefined,
            to: range?.[1]?.toDate().toISOString() ?? undefined,
          })
        }
      />
    </Space>
  );
}
