import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DirectoryUnitFragment, UnitKind, UnitPersonRole } from '../../generated/graphql';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { DeactivateUnitModal } from '../../modules/directory/components/deactivate-unit-modal';
import { DownloadButton } from '../../modules/exports';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { ImportUnitsModal } from '../../modules/directory/components/import-units-modal';
import { UnitFormModal, type UnitFormValues } from '../../modules/directory/components/unit-form-modal';
import { CreateUnitMutation } from '../../modules/directory/graphql/create-unit.mutation';
import { DeleteUnitMutation } from '../../modules/directory/graphql/delete-unit.mutation';
import { DirectoryUnitsQuery } from '../../modules/directory/graphql/directory-units.query';
import { UnitsQuery } from '../../modules/directory/graphql/units.query';
import { UpdateUnitMutation } from '../../modules/directory/graphql/update-unit.mutation';
import { UNIT_KIND_LABELS } from '../../modules/directory/utils/unit-kinds';
import { UNIT_LISTS } from '../../modules/directory/utils/unit-lists';

/** 单位名录: the tenant's units; create, edit, 停用 and (when nothing refers to it) delete; bulk import. */
export default function UnitsPage() {
  usePageTitle('单位名录');
  const { message } = App.useApp();
  // Search, filters and page live in the address: reload and back keep them.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const kind = (params.get('kind') as UnitKind | null) ?? undefined;
  const active = (params.get('status') as 'active' | 'inactive' | null) ?? 'all';
  const without = (params.get('without') as UnitPersonRole | null) ?? undefined;
  const page = Number(params.get('page') ?? '1') || 1;
  const setFilter = (changes: Record<string, string | undefined>) =>
    setParams(withSearchParams(params, { ...changes, page: null }), { replace: true });
  const [editing, setEditing] = useState<DirectoryUnitFragment | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<DirectoryUnitFragment | null>(null);
  const [importing, setImporting] = useState(false);
  const filter = {
    search: search || undefined,
    kind,
    active: active === 'all' ? undefined : active === 'active',
    without,
  };
  const { data, loading, error, refetch } = useQuery(DirectoryUnitsQuery, {
    variables: { filter },
    fetchPolicy: 'cache-and-network',
  });
  // Every unit, for parent names and the pickers in the forms: the app's one short unit list.
  const all = useQuery(UnitsQuery, { variables: { filter: {} } });
  const [createUnit, { loading: creating }] = useMutation(CreateUnitMutation, { refetchQueries: UNIT_LISTS });
  const [updateUnit, { loading: updating }] = useMutation(UpdateUnitMutation, { refetchQueries: UNIT_LISTS });
  const [deleteUnit] = useMutation(DeleteUnitMutation, { refetchQueries: UNIT_LISTS });
  const allUnits = useMemo(() => all.data?.units ?? [], [all.data]);
  const names = useMemo(() => new Map(allUnits.map((u) => [u.id, u.name])), [allUnits]);
  const rows = data?.units ?? [];
  const filtered = !!search || !!kind || active !== 'all' || !!without;

  const save = async (v: UnitFormValues) => {
    try {
      if (editing === 'new') {
        await createUnit({
          variables: { input: { name: v.name, kind: v.kind, parentId: v.parentId, aliases: v.aliases, sort: v.sort } },
        });
        message.success(`已新增单位：${v.name}`);
      } else if (editing) {
        await updateUnit({
          variables: {
            id: editing.id,
            version: editing.version,
            input: { name: v.name, kind: v.kind, parentId: v.parentId, aliases: v.aliases, sort: v.sort },
          },
        });
        message.success('已保存');
      }
      setEditing(null);
    } catch {
      // shown by the link
    }
  };
  const activate = async (u: DirectoryUnitFragment) => {
    try {
      await updateUnit({ variables: { id: u.id, version: u.version, input: { active: true } } });
      message.success(`已启用：${u.name}`);
    } catch {
      // shown by the link
    }
  };
  const remove = async (u: DirectoryUnitFragment) => {
    try {
      await deleteUnit({ variables: { id: u.id, version: u.version } });
      message.success(`已删除：${u.name}`);
    } catch {
      // CONFLICT: the link shows "请停用" from the API
    }
  };

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          单位名录
        </Typography.Title>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            批量导入
          </Button>
          <DownloadButton href="/units/export.xlsx" filename="单位名录.xlsx">
            导出名录
          </DownloadButton>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            新增单位
          </Button>
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索单位"
          placeholder="名称或别名"
          allowClear
          style={{ width: 240 }}
          defaultValue={search}
          onSearch={(v) => setFilter({ q: v.trim() || undefined })}
        />
        <Select
          aria-label="单位类型筛选"
          allowClear
          placeholder="全部类型"
          style={{ width: 140 }}
          value={kind}
          onChange={(v) => setFilter({ kind: v })}
          options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="状态筛选"
          style={{ width: 120 }}
          value={active}
          onChange={(v) => setFilter({ status: v === 'all' ? undefined : v })}
          options={[
            { value: 'all', label: '全部状态' },
            { value: 'active', label: '启用' },
            { value: 'inactive', label: '已停用' },
          ]}
        />
        <Select
          aria-label="人员筛选"
          allowClear
          placeholder="全部单位"
          style={{ width: 160 }}
          value={without}
          onChange={(v) => setFilter({ without: v })}
          options={[
            { value: 'UNIT_LIAISON', label: '没有联络员的单位' },
            { value: 'UNIT_LEADER', label: '没有分管领导的单位' },
          ]}
        />
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<DirectoryUnitFragment>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          scroll={{ x: 900 }}
          pagination={{
            pageSize: 50,
            current: page,
            onChange: (p) => setParams(withSearchParams(params, { page: p > 1 ? p : null })),
            showSizeChanger: false,
            showTotal: (n) => `共 ${n} 个单位`,
            hideOnSinglePage: false,
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  filtered
                    ? '没有符合条件的单位，请调整筛选条件。'
                    : '还没有单位。点击“新增单位”或“批量导入”建立单位名录。'
                }
              />
            ),
          }}
          columns={[
            {
              title: '单位名称',
              dataIndex: 'name',
              render: (v: string, u) => (u.active ? v : <Typography.Text type="secondary">{v}</Typography.Text>),
            },
            { title: '类型', dataIndex: 'kind', width: 110, render: (k: UnitKind) => UNIT_KIND_LABELS[k] },
            {
              title: '上级单位',
              dataIndex: 'parentId',
              width: 170,
              render: (id: string | null) => (id ? (names.get(id) ?? '—') : ''),
            },
            {
              title: '别名',
              dataIndex: 'aliases',
              width: 200,
              render: (a: string[]) => a.map((x) => <Tag key={x}>{x}</Tag>),
            },
            { title: '联络员', key: 'liaisons', width: 150, render: (_, u) => <People unit={u} role="UNIT_LIAISON" /> },
            { title: '分管领导', key: 'leaders', width: 130, render: (_, u) => <People unit={u} role="UNIT_LEADER" /> },
            { title: '排序', dataIndex: 'sort', width: 70 },
            {
              title: '状态',
              dataIndex: 'active',
              width: 80,
              render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
            },
            {
              title: '操作',
              key: 'op',
              width: 200,
              fixed: 'right',
              render: (_, u) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing(u)} aria-label={`编辑 ${u.name}`}>
                    编辑
                  </Button>
                  {u.active ? (
                    <Button type="link" size="small" aria-label={`停用 ${u.name}`} onClick={() => setDeactivating(u)}>
                      停用
                    </Button>
                  ) : (
                    <Popconfirm
                      title={`启用 ${u.name}？`}
                      okText="启用"
                      cancelText="取消"
                      onConfirm={() => void activate(u)}
                    >
                      <Button type="link" size="small" aria-label={`启用 ${u.name}`}>
                        启用
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={`删除 ${u.name}？`}
                    description="删除后不可恢复。已有任务、账号或下级单位的单位不能删除，请改为停用。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => void remove(u)}
                  >
                    <Button type="link" size="small" danger aria-label={`删除 ${u.name}`}>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      )}
      <UnitFormModal
        open={editing !== null}
        unit={editing === 'new' ? null : editing}
        units={allUnits}
        saving={creating || updating}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
      <ImportUnitsModal open={importing} onClose={() => setImporting(false)} />
      <DeactivateUnitModal unit={deactivating} units={allUnits} onClose={() => setDeactivating(null)} />
    </>
  );
}

/** A unit's active liaisons or leaders, or a warning tag when it has none (active units only). */
function People({ unit, role }: { unit: DirectoryUnitFragment; role: UnitPersonRole }) {
  const people = unit.people.filter((p) => p.role === role);
  if (!people.length)
    return unit.active ? (
      <Tag color={role === 'UNIT_LIAISON' ? 'red' : 'orange'}>
        {role === 'UNIT_LIAISON' ? '无联络员' : '无分管领导'}
      </Tag>
    ) : null;
  return (
    <Space size={2} wrap>
      {people.map((p) => (
        <Tooltip
          key={p.id}
          title={[p.phone, p.lastSignInAt ? null : '从未登录'].filter(Boolean).join('，') || undefined}
        >
          <Tag color={p.lastSignInAt ? undefined : 'gold'}>{p.displayName}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
