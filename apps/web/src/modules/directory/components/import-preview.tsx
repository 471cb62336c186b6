import { Alert, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ImportAction, UnitImportResult } from '../utils/import-units';

export type UnitImportResultData = UnitImportResult;

export const IMPORT_ACTION_LABELS: Record<ImportAction, string> = {
  CREATED: '新增',
  UPDATED: '更新',
  UNCHANGED: '无变化',
  ERROR: '错误',
};
const ACTION_COLORS: Record<ImportAction, string> = {
  CREATED: 'green',
  UPDATED: 'blue',
  UNCHANGED: 'default',
  ERROR: 'red',
};

/** The per-row outcome of a unit import: what a dry run would do, or what the import did. */
export function ImportPreview({ result }: { result: UnitImportResultData }) {
  const errorsFirst = [...result.rows].sort(
    (a, b) => Number(b.action === 'ERROR') - Number(a.action === 'ERROR') || a.row - b.row,
  );
  return (
    <>
      {result.errors > 0 ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`有 ${result.errors} 行错误，整个文件不会导入`}
          description="请按提示修改表格后重新选择文件。"
        />
      ) : result.dryRun ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="检查通过，确认后按以下结果导入（全部成功或全部不导入）。"
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} title="导入完成" />
      )}
      <Space wrap style={{ marginBottom: 8 }} aria-label="导入统计">
        <Tag color="green">新增 {result.created}</Tag>
        <Tag color="blue">更新 {result.updated}</Tag>
        <Tag>无变化 {result.unchanged}</Tag>
        <Tag color={result.errors ? 'red' : 'default'}>错误 {result.errors}</Tag>
        <Typography.Text type="secondary">共 {result.rows.length} 行</Typography.Text>
      </Space>
      <Table
        rowKey="row"
        size="small"
        dataSource={errorsFirst}
        pagination={errorsFirst.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ y: 360 }}
        locale={{ emptyText: <Empty description="文件中没有单位数据" /> }}
        onRow={(r) => ({ style: r.action === 'ERROR' ? { background: '#fff1f0' } : undefined })}
        columns={[
          { title: '行号', dataIndex: 'row', width: 70 },
          { title: '单位名称', dataIndex: 'name' },
          {
            title: '结果',
            dataIndex: 'action',
            width: 90,
            render: (a: ImportAction) => <Tag color={ACTION_COLORS[a]}>{IMPORT_ACTION_LABELS[a]}</Tag>,
          },
          {
            title: '说明',
            key: 'message',
            render: (_, r) => (
              <>
                {r.message && <div>{r.message}</div>}
                {r.changes.map((c) => (
                  <div key={c.field}>
                    {c.field}：
                    <Typography.Text delete type="secondary">
                      {c.before}
                    </Typography.Text>{' '}
                    → <Typography.Text strong>{c.after}</Typography.Text>
                  </div>
                ))}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
