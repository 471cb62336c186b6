import { useQuery } from '@apollo/client/react';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../common/components/query-error';
import { LateSigningQuery } from '../graphql/late-signing.query';

/** 签收: the units that have not signed for new tasks within the set working days, longest waiting first. */
export function LateSigningCard() {
  const { data, loading, error, refetch } = useQuery(LateSigningQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <Card size="small" title="超时未签收的单位" style={{ marginTop: 16 }} data-testid="late-signing">
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <List
          loading={loading && !data}
          dataSource={data?.lateSigning ?? []}
          locale={{ emptyText: <Empty description="各单位均已按时签收新交办的任务。" /> }}
          renderItem={(u) => (
            <List.Item extra={<Tag color="blue">{u.lateCount} 项</Tag>}>
              <div>
                <Link to={`/ledger?unit=${u.unitId}`}>{u.unitName}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  最早 {u.oldestAssignedOn} 交办，已 {u.workingDaysWaiting} 个工作日未签收
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
