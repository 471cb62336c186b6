import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { AuditLogQuery } from '../../../generated/graphql';
import { actionLabel, describeRecord, entityLabel } from '../utils/audit-labels';

type AuditRecord = AuditLogQuery['auditLog']['nodes'][number];

const columns: ColumnsType<AuditRecord> = [
  {
    title: '序号',
    dataIndex: 'seq',
    width: 70,
    render: (seq: number | null) => seq ?? <Typography.Text type="secondary">待封存</Typography.Text>,
  },
  { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
  {
    title: '操作人',
    width: 160,
    render: (_, r) =>
      r.actorName ? (
        `${r.actorName}（${r.actorUsername}）`
      ) : (
        <Typography.Text type="secondary">系统/未识别</Typography.Text>
      ),
  },
  { title: '操作', dataIndex: 'action', width: 150, render: (a: string) => actionLabel(a) },
  {
    title: '对象',
    width: 220,
    render: (_, r) => (
      <span>
        {entityLabel(r.entityType)}{' '}
        <Typography.Text type="secondary" copyable={{ text: r.entityId }}>
          {r.entityId.slice(0, 8)}
        </Typography.Text>
      </span>
    ),
  },
  {
    title: '结果',
    dataIndex: 'result',
    width: 70,
    render: (result: string) => (result === 'failure' ? <Tag color="red">失败</Tag> : <Tag color="green">成功</Tag>),
  },
  { title: 'IP 地址', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  {
    title: '内容',
    render: (_, r) => (
      // Bounded and scrollable rather than ellipsed: the auditor reads whole values (a plan's change can be long).
      <div style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 120, overflow: 'auto' }}>
        {describeRecord(r) || '—'}
      </div>
    ),
  },
];

export function AuditLogTable({ records, loading }: { records: AuditRecord[]; loading: boolean }) {
  return (
    <Table
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={records}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: '没有符合条件的审计记录' }}
    />
  );
}
