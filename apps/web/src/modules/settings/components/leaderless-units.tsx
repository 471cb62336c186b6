import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { UnitsQuery } from '../../directory/graphql/units.query';
import { ReleaseLeaderlessReportsMutation } from '../graphql/release-leaderless-reports.mutation';

/**
 * With 分管领导审核 on, the units that have no active leader: their reports go straight to the office
 * (and say so). Reports that were already waiting for a leader there can be sent on.
 */
export function LeaderlessUnits({ leaderApproval, editable }: { leaderApproval: boolean; editable: boolean }) {
  const { message } = App.useApp();
  const { data } = useQuery(UnitsQuery, {
    variables: { filter: { active: true, without: 'UNIT_LEADER' } },
    skip: !leaderApproval,
  });
  const [release, { loading }] = useMutation(ReleaseLeaderlessReportsMutation, {
    refetchQueries: ['ReviewQueue', 'Dashboard'],
  });
  if (!leaderApproval || !data?.units.length) return null;
  const units = data.units;
  const sendOn = async () => {
    try {
      const { data: res } = await release({ variables: { unitIds: units.map((u) => u.id) } });
      message.success(
        res?.releaseLeaderlessReports
          ? `已将 ${res.releaseLeaderlessReports} 份等待审核的报送转送办公室`
          : '没有等待分管领导审核的报送',
      );
    } catch {
      // shown by the link
    }
  };
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${units.length} 个单位没有分管领导账号：这些单位的报送不经审核，直接报送办公室，并在报送上注明。`}
      description={
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph
            style={{ margin: 0 }}
            ellipsis={{ rows: 2, expandable: true, symbol: '展开' }}
            aria-label="没有分管领导的单位"
          >
            {units.map((u) => (
              <Tag key={u.id}>{u.name}</Tag>
            ))}
          </Typography.Paragraph>
          <Space wrap>
            <Link to="/directory/units?without=UNIT_LEADER">在单位名录中查看</Link>
            {editable && (
              <Button size="small" loading={loading} onClick={() => void sendOn()}>
                将已在等待审核的报送转送办公室
              </Button>
            )}
          </Space>
        </Space>
      }
    />
  );
}
