import { Button, ConfigProvider, Empty, Skeleton } from 'antd';
import useCSSVarCls from 'antd/es/config-provider/hooks/useCSSVarCls';
import useTableStyle from 'antd/es/table/style';
import { useContext, type ReactNode } from 'react';
import type { TaskRowFragment } from '../../../generated/graphql';
import { TASK_COLUMNS } from '../../tasks/components/task-columns';
import { LIGHT_ROW_BG } from '../../tasks/utils/labels';

interface Column {
  title: string;
  key: string;
  width: number;
  render: (task: TaskRowFragment) => ReactNode;
}

/** One of the columns every task list shares (task-columns.tsx), drawn by this table's own cells. */
const shared = (column: (typeof TASK_COLUMNS)[keyof typeof TASK_COLUMNS]): Column => ({
  ...column,
  render: (task) => column.render(null, task),
});

export interface HomeTaskTableProps {
  tasks: TaskRowFragment[];
  loading: boolean;
  onOpen: (taskId: string) => void;
  emptyText: string;
}

/**
 * A home's short list of tasks (the overdue ten) on a wide screen: the columns, widths, row colours and
 * look of the ledger's table, drawn as a plain `<table>` with antd's Table classes. antd's Table measures
 * the scrollbar each time one mounts (an element and a `<style>` added to the page and read back: a style
 * recalculation of the whole page, 30–175 ms of the office home's opening in traces under load) and
 * brings rc-table's column and sticky bookkeeping; a fixed list of ten rows, neither sorted nor paged
 * here, needs none of it. The Table's own style hook still runs: it registers the CSS variables its
 * rules read (they are made at run time, not in the build's stylesheet). Its rules are in antd's "rest"
 * stylesheet, which the office and leadership pages load with their List and Select. Wide screens only
 * (OverdueTaskList): the Table's style code stays out of the chunk a phone's home loads.
 */
export default function HomeTaskTable({ tasks, loading, onOpen, emptyText }: HomeTaskTableProps) {
  const { getPrefixCls } = useContext(ConfigProvider.ConfigContext);
  const prefixCls = getPrefixCls('table');
  const rootCls = useCSSVarCls(prefixCls);
  const [hashId, cssVarCls] = useTableStyle(prefixCls, rootCls);
  if (loading) return <Skeleton active paragraph={{ rows: 4 }} />;

  const columns: Column[] = [
    shared(TASK_COLUMNS.light),
    shared(TASK_COLUMNS.keyPoint),
    shared(TASK_COLUMNS.unit),
    shared(TASK_COLUMNS.status),
    shared(TASK_COLUMNS.progress),
    shared(TASK_COLUMNS.dueDate),
    {
      title: '操作',
      key: 'op',
      width: 80,
      render: (t) => (
        <Button size="small" type="link" onClick={() => onOpen(t.id)} aria-label={`查看：${t.keyPoint?.title ?? ''}`}>
          查看
        </Button>
      ),
    },
  ];
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  const cell = `${prefixCls}-cell`;
  return (
    <div style={{ overflowX: 'auto' }}>
      <div className={[cssVarCls, rootCls, `${prefixCls}-wrapper`, hashId].join(' ')} style={{ minWidth: width }}>
        <div
          className={[prefixCls, `${prefixCls}-medium`, `${prefixCls}-layout-fixed`, cssVarCls, rootCls, hashId].join(
            ' ',
          )}
        >
          <div className={`${prefixCls}-container`}>
            <div className={`${prefixCls}-content`}>
              <table style={{ tableLayout: 'fixed' }}>
                <colgroup>
                  {columns.map((c) => (
                    <col key={c.key} style={{ width: c.width }} />
                  ))}
                </colgroup>
                <thead className={`${prefixCls}-thead`}>
                  <tr>
                    {columns.map((c) => (
                      <th key={c.key} className={cell} scope="col">
                        {c.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody className={`${prefixCls}-tbody`}>
                  {tasks.length === 0 ? (
                    <tr className={`${prefixCls}-placeholder`}>
                      <td className={cell} colSpan={columns.length}>
                        <Empty description={emptyText} />
                      </td>
                    </tr>
                  ) : (
                    tasks.map((t) => (
                      <tr
                        key={t.id}
                        className={`${prefixCls}-row ${prefixCls}-row-level-0`}
                        data-row-key={t.id}
                        style={{ background: LIGHT_ROW_BG[t.light] || undefined }}
                      >
                        {columns.map((c) => (
                          <td key={c.key} className={cell}>
                            {c.render(t)}
                          </td>
                        ))}
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
