import { useQuery } from '@apollo/client/react';
import { Alert, Progress } from 'antd';
import { useEffect, useRef } from 'react';
import { LightRecomputeQuery } from '../graphql/light-recompute.query';

/** After a change of the light rules: how far the recomputation of every task's light has got. */
export function LightRecomputeNote({ after }: { after: number }) {
  const { data, startPolling, stopPolling, refetch } = useQuery(LightRecomputeQuery, { fetchPolicy: 'network-only' });
  const run = data?.lightRecompute;
  // The run that was there before this save: a save that changed no light rule starts none.
  const before = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!after) return;
    before.current = run?.startedAt ?? null;
    void refetch();
  }, [after, refetch]);
  useEffect(() => {
    if (run?.running) startPolling(1500);
    else stopPolling();
    return stopPolling;
  }, [run?.running, startPolling, stopPolling]);
  if (!run || !after || before.current === undefined || run.startedAt === before.current) return null;
  if (run.running) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`${run.reason}：正在按新设置重新计算 ${run.total} 项任务的预警灯…`}
        description={
          <Progress
            percent={run.total ? Math.floor((run.done / run.total) * 100) : 0}
            size="small"
            aria-label="预警灯重新计算进度"
          />
        }
      />
    );
  }
  if (run.failed)
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="预警灯重新计算未完成，将在明早的例行计算中更新。"
      />
    );
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${run.reason}：已按新设置重新计算 ${run.total} 项任务的预警灯，${run.changed} 项变化。`}
    />
  );
}
