import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { CheckEvidenceMutation } from '../graphql/check-evidence.mutation';
import { ReportEvidenceFlagsQuery } from '../graphql/report-evidence-flags.query';

/**
 * Before the office accepts a report, its evidence pages are checked again (the server fetches each
 * at most once a minute) and what looks wrong is shown: page not reachable, published after the
 * time limit, not checked yet.
 */
export function EvidenceFlags({ reportId }: { reportId: string }) {
  const [check, { loading: checking }] = useMutation(CheckEvidenceMutation, { context: { quiet: true } });
  const flags = useQuery(ReportEvidenceFlagsQuery, { variables: { id: reportId }, fetchPolicy: 'network-only' });
  const { refetch } = flags;
  useEffect(() => {
    void check({ variables: { reportId } })
      .then(() => refetch())
      .catch(() => undefined);
  }, [check, refetch, reportId]);

  const list = flags.data?.report.evidenceFlags ?? [];
  if (checking && !list.length) return <Spin size="small" description="正在核验佐证网页…" />;
  if (!list.length) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="evidence-flags">
      {list.map((flag, i) => (
        <Alert
          key={`${flag.code}-${i}`}
          type={flag.code === 'NOT_CHECKED' ? 'info' : 'warning'}
          showIcon
          title={flag.message}
        />
      ))}
    </Space>
  );
}
