import { BranchesOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { StartPlanFromUpperMutation } from '../graphql/start-plan-from-upper.mutation';
import { UpperPlanPointsQuery } from '../graphql/upper-plan-points.query';

/**
 * 据上级要点起草: a new draft with the upper office's latest published key points, each already linked,
 * for the office to assign its own units. Shown only when there are upper key points to start from.
 */
export function StartFromUpperButton() {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const { data } = useQuery(UpperPlanPointsQuery, { fetchPolicy: 'cache-and-network' });
  const [start, { loading }] = useMutation(StartPlanFromUpperMutation, { refetchQueries: ['Plans'] });
  const points = data?.upperPlanPoints ?? [];
  if (!points.length) return null;
  const latest = points[0]!;
  const count = points.filter((p) => p.planYear === latest.planYear).length;
  return (
    <Button
      icon={<BranchesOutlined />}
      loading={loading}
      onClick={() =>
        modal.confirm({
          title: '据上级要点起草？',
          content: `将把上级《${latest.planTitle}》的 ${count} 项要点复制为本机构的新草稿，并逐项关联到上级要点；之后请为每项要点确定本级承办单位。`,
          okText: '起草',
          cancelText: '取消',
          onOk: async () => {
            const { data: done } = await start({ variables: { year: latest.planYear } });
            if (!done) return;
            message.success(`已起草，共 ${count} 项要点`);
            navigate(`/plans/${done.startPlanFromUpper.id}`);
          },
        })
      }
    >
      据上级要点起草
    </Button>
  );
}
