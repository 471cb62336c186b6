import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { withSearchParams } from '../../common/utils/search-params';
import { PlansQuery } from '../graphql/plans.query';

/** The published plan a dashboard shows: ?plan= when given, else the newest published one. */
export function usePublishedPlan() {
  const [params, setParams] = useSearchParams();
  const plans = useQuery(PlansQuery, { variables: { status: 'PUBLISHED', first: 50 } });
  const list = plans.data?.plans.nodes ?? [];
  const planId = params.get('plan') ?? list[0]?.id ?? null;
  const setPlanId = (id: string) => setParams(withSearchParams(params, { plan: id }));
  return { plans: list, planId, setPlanId, loading: plans.loading, error: plans.error, refetch: plans.refetch };
}
