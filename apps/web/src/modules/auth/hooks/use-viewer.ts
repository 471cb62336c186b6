import { useQuery } from '@apollo/client/react';
import type { MeQuery } from '../../../generated/graphql';
import { MeQuery as MeDocument } from '../graphql/me.query';

export type Viewer = NonNullable<MeQuery['me']>;

/** The signed-in person from Apollo's cache (`me`); null when signed out. */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(MeDocument, {
    fetchPolicy: 'cache-first',
    context: { quiet: true },
  });
  return { viewer: data?.me ?? null, loading: loading && !data, error, refetch };
}
