import { useQuery } from '@apollo/client/react';
import { OVERDUE_UNITS_NAMED, overdueUnitNames, overdueUnitsText } from '@duban/domain';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import { QueryError } from '../../common/components/query-error';
import { LightTag, StatusTag } from '../../tasks/components/light-tag';
import type { TaskStatus, WarningLight } from '../../tasks/utils/labels';
import { LowerRollupDetailQuery } from '../graphql/lower-rollup-detail.query';

/** Read-only drill-down of one upper key point: each lower tenant's linked key points and their tasks. */
export function LowerRollupDetail({ keyPointId }: { keyPointId: string }) {
  const { data, loading, error, refetch } = useQuery(LowerRollupDetailQuery, {
    variables: { keyPointId },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const points = data?.lowerRollupDetail ?? [];
  if (!loading && !points.length) return <Empty description="还没有下级机构对应这项工作要点" />;
  // The roll-up row counts the overdue units; they are named here, from the tasks this read brings anyway.
  const overdueUnits = overdueUnitNames(points);
  return (
    <>
      {overdueUnits.length > 0 && (
        <Typography.Paragraph type="danger">
          逾期单位：{overdueUnitsText(overdueUnits.slice(0, OVERDUE_UNITS_NAMED), overdueUnits.length)}
        </Typography.Paragraph>
      )}
      {points.map((p) => (
        <div key={p.id} style={{ marginBottom: 12 }}>
          <Typography.Text strong>
            {p.lowerTenantName}：{p.label} {p.title}
          </Typography.Text>
          <Table
            size="small"
            rowKey="id"
            loading={loading}
            pagination={false}
            dataSource={p.tasks}
            locale={{ emptyText: '尚未分解到单位' }}
            columns={[
              { title: '承办单位', dataIndex: 'unitName' },
              { title: '状态', dataIndex: 'status', render: (s: string) => <StatusTag status={s as TaskStatus} /> },
              { title: '灯色', dataIndex: 'light', render: (l: string) => <LightTag light={l as WarningLight} /> },
              {
                title: '完成时限',
                dataIndex: 'dueDate',
                render: (d: string, t) => (t.overdue ? <Tag color="red">{d} 已逾期</Tag> : d),
              },
              { title: '最近报送', dataIndex: 'lastReportOn', render: (d: string | null) => d ?? '未报送' },
              {
                title: '共享的报送',
                render: (_, t) =>
                  t.sharedReport ? (
                    <>
                      <Typography.Paragraph
                        style={{ margin: 0, maxWidth: 420 }}
                        ellipsis={{ rows: 3, expandable: true }}
                      >
                        {`${t.sharedReport.reportOn}：${t.sharedReport.text ?? '（正文未共享）'}`}
                      </Typography.Paragraph>
                      {t.sharedReport.attachments?.length ? (
                        <Space size={[8, 0]} wrap>
                          附件：
                          {t.sharedReport.attachments.map((a) => (
                            <a
                              key={a.fileId}
                              href={`/files/lower/${encodeURIComponent(p.lowerTenantId)}/${encodeURIComponent(a.fileId)}`}
                              download={a.filename}
                            >
                              {a.filename}
                            </a>
                          ))}
                        </Space>
                      ) : null}
                    </>
                  ) : (
                    <Typography.Text type="secondary">未共享</Typography.Text>
                  ),
              },
            ]}
          />
        </div>
      ))}
    </>
  );
}
