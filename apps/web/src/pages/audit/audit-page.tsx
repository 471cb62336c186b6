import { useQuery } from '@apollo/client/react';
import { Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { AuditChainStatus } from '../../modules/audit/components/audit-chain-status';
import { AuditLogFilters } from '../../modules/audit/components/audit-log-filters';
import { AuditLogTable } from '../../modules/audit/components/audit-log-table';
import { AuditLogQuery } from '../../modules/audit/graphql/audit-log.query';
import { cleanAuditFilter, type AuditFilterValues } from '../../modules/audit/utils/audit-filter';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { DownloadButton, exportHref } from '../../modules/exports';

const PAGE = 50;

/** 安全审计: the append-only log, whether its chain holds, filtered and exported by the auditor. */
export default function AuditPage() {
  usePageTitle('安全审计');
  const [filter, setFilter] = useState<AuditFilterValues>({});
  const { data, loading, error, refetch, fetchMore } = useQuery(AuditLogQuery, {
    variables: { filter: cleanAuditFilter(filter), first: PAGE },
    fetchPolicy: 'cache-and-network',
  });
  const log = data?.auditLog;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        安全审计
      </Typography.Title>
      <AuditChainStatus />
      <Card
        title={log ? `审计记录（共 ${log.totalCount} 条）` : '审计记录'}
        extra={
          <DownloadButton
            href={exportHref('audit-log.xlsx', { ...cleanAuditFilter(filter) })}
            filename="安全审计记录.xlsx"
          >
            导出 Excel
          </DownloadButton>
        }
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <AuditLogFilters value={filter} onChange={setFilter} />
          {error ? (
            <QueryError error={error} onRetry={() => void refetch()} />
          ) : (
            <AuditLogTable records={log?.nodes ?? []} loading={loading} />
          )}
          {log?.pageInfo.hasNextPage && (
            <Button onClick={() => void fetchMore({ variables: { after: log.pageInfo.endCursor } })}>加载更多</Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}
