import { useQuery } from '@apollo/client/react';
import { Button, Empty, Space, Table, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TaskRowFragment } from '../../generated/graphql';
import { QueryError } from '../../modules/common/components/query-error';
import { DownloadButton, exportHref } from '../../modules/exports';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { LedgerFiltersBar } from '../../modules/ledger/components/ledger-filters-bar';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { isOffice } from '../../modules/auth/utils/roles';
import { BulkCloseButton } from '../../modules/ledger/components/bulk-close-button';
import {
  activeFilterCount,
  defaultSort,
  filtersFromSearch,
  filtersToSearch,
  toTaskFilterInput,
  type LedgerFilters,
  type SortField,
} from '../../modules/ledger/utils/ledger-filters';
import { PlanSectionsQuery } from '../../modules/plans/graphql/plan-sections.query';
import { PlansQuery } from '../../modules/plans/graphql/plans.query';
import { KindTag } from '../../modules/tasks/components/kind-tag';
import { TASK_COLUMNS } from '../../modules/tasks/components/task-columns';
import { TaskDrawer } from '../../modules/task-detail/components/task-drawer';
import { LedgerTasksQuery } from '../../modules/tasks/graphql/tasks.query';
import { LIGHT_ROW_BG } from '../../modules/tasks/utils/labels';
import { UnitsQuery } from '../../modules/directory/graphql/units.query';

const PAGE = 50;
const COLUMN_SORT: Record<string, SortField> = {
  dueDate: 'DUE_DATE',
  unit: 'UNIT',
  keyPoint: 'KEY_POINT',
  status: 'STATUS',
  progress: 'PROGRESS',
};

/** 台账: every task, filtered, sorted and coloured by its warning light; a row opens the task. */
export default function LedgerPage() {
  usePageTitle('台账');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(params), [params]);
  const openTaskId = params.get('task');
  const { viewer } = useViewer();
  const office = !!viewer && isOffice(viewer.role);
  const [selected, setSelected] = useState<TaskRowFragment[]>([]);
  // Choosing a plan switches to its document order unless another sort was chosen on purpose.
  const setFilters = (next: LedgerFilters) => {
    const sort =
      next.planId !== filters.planId && next.sort === defaultSort(filters.planId)
        ? defaultSort(next.planId)
        : next.sort;
    setSelected([]);
    setParams(filtersToSearch({ ...next, sort }));
  };
  const openTask = (id: string | null) => setParams(withSearchParams(params, { task: id }));

  const { data, loading, error, refetch, fetchMore } = useQuery(LedgerTasksQuery, {
    variables: {
      filter: toTaskFilterInput(filters),
      sort: { field: filters.sort, direction: filters.direction },
      first: PAGE,
    },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const plans = useQuery(PlansQuery, { variables: { status: 'PUBLISHED', first: 100 } });
  const units = useQuery(UnitsQuery, { variables: { filter: {} } });
  const plan = useQuery(PlanSectionsQuery, { variables: { id: filters.planId ?? '' }, skip: !filters.planId });

  const rows = data?.tasks.nodes ?? [];
  const sortOrder = (field: SortField) =>
    filters.sort === field ? (filters.direction === 'ASC' ? 'ascend' : 'descend') : null;
  const columns: TableProps<TaskRowFragment>['columns'] = [
    TASK_COLUMNS.light,
    {
      title: '工作要点',
      key: 'keyPoint',
      sorter: true,
      sortOrder: sortOrder('KEY_POINT'),
      render: (_, t) => (
        <>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
            onClick={() => openTask(t.id)}
          >
            {t.keyPoint ? `${t.keyPoint.label} ${t.keyPoint.title}` : '—'}
          </Button>
          <KindTag kind={t.kind} />
        </>
      ),
    },
    {
      title: '承办单位',
      key: 'unit',
      width: 150,
      sorter: true,
      sortOrder: sortOrder('UNIT'),
      render: (_, t) => t.unit?.name,
    },
    TASK_COLUMNS.role,
    { ...TASK_COLUMNS.status, sorter: true, sortOrder: sortOrder('STATUS') },
    { ...TASK_COLUMNS.progress, sorter: true, sortOrder: sortOrder('PROGRESS') },
    { ...TASK_COLUMNS.dueDate, sorter: true, sortOrder: sortOrder('DUE_DATE') },
    { title: '催办', dataIndex: 'urgeCount', width: 64, render: (n: number) => (n ? n : '') },
  ];

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          台账
        </Typography.Title>
        <Space wrap>
          {data && <Typography.Text type="secondary">共 {data.tasks.totalCount} 项任务</Typography.Text>}
          {office && <BulkCloseButton tasks={selected} onDone={() => setSelected([])} />}
          {filters.planId && (
            <DownloadButton
              href={exportHref('ledger.xlsx', {
                planId: filters.planId,
                unitId: filters.unitId,
                sectionId: filters.sectionId,
              })}
              filename="台账.xlsx"
            >
              导出台账 (.xlsx)
            </DownloadButton>
          )}
        </Space>
      </Space>
      <div style={{ marginBottom: 12 }}>
        <LedgerFiltersBar
          value={filters}
          onChange={setFilters}
          plans={(plans.data?.plans.nodes ?? []).map((p) => ({ id: p.id, name: `${p.year} ${p.title}` }))}
          sections={(plan.data?.plan.sections ?? []).map((s) => ({ id: s.id, name: `${s.label}、${s.title}` }))}
          units={(units.data?.units ?? []).map((u) => ({ id: u.id, name: u.name }))}
          loadingOptions={plans.loading || units.loading}
        />
      </div>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<TaskRowFragment>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          columns={columns}
          pagination={false}
          scroll={{ x: 1080 }}
          rowSelection={
            office
              ? {
                  selectedRowKeys: selected.map((t) => t.id),
                  onChange: (_keys, rows) => setSelected(rows),
                  // Only work the office has accepted can be closed (办结销号).
                  getCheckboxProps: (t) => ({
                    disabled: t.status !== 'DONE',
                    'aria-label': `选择 ${t.unit?.name ?? ''} ${t.keyPoint?.label ?? ''} 办结销号`,
                  }),
                  columnTitle: <span title="勾选已完成的任务，批量办结销号">销号</span>,
                }
              : undefined
          }
          onRow={(t) =>
            ({
              style: { background: LIGHT_ROW_BG[t.light] || undefined },
              'data-light': t.light,
            }) as React.HTMLAttributes<HTMLElement>
          }
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = s?.order ? COLUMN_SORT[String(s.columnKey)] : undefined;
            setFilters({ ...filters, sort: field ?? 'DUE_DATE', direction: s?.order === 'descend' ? 'DESC' : 'ASC' });
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  activeFilterCount(filters) > 0
                    ? '没有符合筛选条件的任务，请调整或清除筛选条件。'
                    : '还没有任务。在“工作要点”中导入并发布年度工作要点后，任务会出现在这里。'
                }
              />
            ),
          }}
          footer={() => (
            <Space>
              <Typography.Text type="secondary">
                已显示 {rows.length} / {data?.tasks.totalCount ?? 0} 项
              </Typography.Text>
              {data?.tasks.pageInfo.hasNextPage && (
                <Button
                  loading={loading}
                  onClick={() => void fetchMore({ variables: { after: data.tasks.pageInfo.endCursor } })}
                >
                  加载更多
                </Button>
              )}
            </Space>
          )}
        />
      )}
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(null)} />
    </>
  );
}
