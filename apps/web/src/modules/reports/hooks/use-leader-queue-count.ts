import { useQuery } from '@apollo/client/react';
import { LeaderQueueCountQuery } from '../graphql/leader-queue-count.query';

/** Reports waiting for this unit leader's approval; null for every other role (nothing is asked). */
export function useLeaderQueueCount(role: string | undefined): number | null {
  const leader = role === 'UNIT_LEADER';
  const { data } = useQuery(LeaderQueueCountQuery, {
    skip: !leader,
    fetchPolicy: 'cache-and-network',
    pollInterval: 120_000,
    context: { background: true },
  });
  return leader ? (data?.leaderQueue.totalCount ?? null) : null;
}
