import type { FieldPolicy } from '@apollo/client';

interface Connection {
  nodes: readonly unknown[];
  [key: string]: unknown;
}

/**
 * The one way a cursor-paged list grows: a page fetched with `after` is appended to what is cached
 * for the same other arguments (`keyArgs`), so "加载更多" is a plain `fetchMore({ variables: { after } })`
 * and grows one list instead of replacing it. A fetch without `after` (first load, refetch after a
 * mutation) starts the list over. pageInfo and totalCount come from the newest answer.
 */
export function connectionField(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}
