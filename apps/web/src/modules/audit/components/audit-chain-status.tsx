import { useQuery } from '@apollo/client/react';
import { Alert, Button, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '../../common/components/query-error';
import { AuditChainCheckQuery } from '../graphql/audit-chain-check.query';
import { CHAIN_BREAK_LABELS } from '../utils/audit-labels';

/** Whether the tenant's audit records are as they were written: the chain recomputed on the server. */
export function AuditChainStatus() {
  const { data, loading, error, refetch } = useQuery(AuditChainCheckQuery, { fetchPolicy: 'network-only' });
  if (loading && !data) return <Skeleton active paragraph={{ rows: 1 }} />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} title="完整性校验失败" />;
  const c = data!.auditChainCheck;
  const details = [
    c.archivedThrough ? `第 ${c.archivedThrough} 条及以前已归档` : '',
    c.unchained ? `${c.unchained} 条为启用校验前的记录` : '',
    c.pending ? `另有 ${c.pending} 条刚写入的记录尚未封存入链，稍后重新校验即可` : '',
  ]
    .filter(Boolean)
    .join('；');
  const recheck = (
    <Button size="small" onClick={() => void refetch()}>
      重新校验
    </Button>
  );
  if (c.ok)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="audit-chain-status"
        title={`审计记录完整：${c.verified} 条记录的 HMAC-SM3 校验链全部吻合（至第 ${c.lastSeq} 条）`}
        description={details || undefined}
        action={recheck}
      />
    );
  const b = c.firstBreak!;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="audit-chain-status"
      title={`审计记录校验链在第 ${b.seq} 条处断开：${CHAIN_BREAK_LABELS[b.reason] ?? b.reason}`}
      description={[
        b.at ? `该记录时间 ${dayjs(b.at).format('YYYY-MM-DD HH:mm:ss')}` : '',
        `此前 ${c.verified} 条校验吻合`,
        '请立即报告安全管理员，并由运维人员用 npm run cli -- audit check 复核',
        details,
      ]
        .filter(Boolean)
        .join('；')}
      action={recheck}
    />
  );
}
