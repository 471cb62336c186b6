/**
 * fetchMore's updateQuery for a cursor connection under `key`: the next page's nodes after the ones
 * shown, its pageInfo and totalCount from the newest answer.
 */
export function appendPage<K extends string>(key: K) {
  return <Q extends { [P in K]: { nodes: readonly unknown[] } }>(prev: Q, { fetchMoreResult }: { fetchMoreResult: Q }): Q =>
    ({ ...fetchMoreResult, [key]: { ...fetchMoreResult[key], nodes: [...prev[key].nodes, ...fetchMoreResult[key].nodes] } }) as Q;
}
