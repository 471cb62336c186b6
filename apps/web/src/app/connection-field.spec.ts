import { ApolloClient, ApolloLink, gql, type TypedDocumentNode } from '@apollo/client';
import { Observable } from 'rxjs';
import { createApolloClient } from './apollo-client';

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string; hasNextPage: boolean };
  nodes: { id: string }[];
}
// The app's field names with only the fields the merge touches.
const ReviewsQuery: TypedDocumentNode<{ reviews: Page }, { first?: number; after?: string }> = gql`
  query Reviews($first: Int, $after: String) {
    reviews(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
      }
    }
  }
`;
const ReviewItemsQuery: TypedDocumentNode<{ review: { id: string; items: Page } }, { id: string; first?: number; after?: string }> = gql`
  query ReviewItems($id: ID!, $first: Int, $after: String) {
    review(id: $id) {
      id
      items(first: $first, after: $after) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        nodes {
          id
        }
      }
    }
  }
`;

/** The real client's cache, its network replaced by pages keyed on `after`. */
function clientServing(pages: Record<string, unknown>) {
  const calls: Record<string, unknown>[] = [];
  const real = createApolloClient();
  const terminal = new ApolloLink((operation) => {
    calls.push(operation.variables);
    const key = `${operation.operationName}:${(operation.variables.after as string | undefined) ?? ''}`;
    return new Observable((o) => {
      o.next({ data: pages[key] as never });
      o.complete();
    });
  });
  return { client: new ApolloClient({ link: terminal, cache: real.cache }), calls };
}

const review = (id: string) => ({ __typename: 'Review', id });
const reviewsPage = (ids: string[], endCursor: string, hasNextPage: boolean) => ({
  reviews: { __typename: 'ReviewConnection', totalCount: 3, pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage }, nodes: ids.map(review) },
});

describe('connectionField (the cache merge every paged list uses)', () => {
  it('appends the page fetched with `after` and keeps the newest page info', async () => {
    const { client } = clientServing({ 'Reviews:': reviewsPage(['r1', 'r2'], 'c2', true), 'Reviews:c2': reviewsPage(['r3'], 'c3', false) });
    const watch = client.watchQuery({ query: ReviewsQuery, variables: { first: 2 } });
    const first = await watch.result();
    expect(first.data?.reviews.nodes.map((r) => r.id)).toEqual(['r1', 'r2']);
    const more = await watch.fetchMore({ variables: { after: 'c2' } });
    expect(more.data?.reviews.nodes.map((r) => r.id)).toEqual(['r3']);
    const merged = client.readQuery({ query: ReviewsQuery, variables: { first: 2 } });
    expect(merged?.reviews.nodes.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(merged?.reviews.pageInfo).toEqual({ __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false });
  });

  it('starts the list over on a fetch without `after` (a refetch after a mutation)', async () => {
    const { client } = clientServing({ 'Reviews:': reviewsPage(['r1', 'r2'], 'c2', true), 'Reviews:c2': reviewsPage(['r3'], 'c3', false) });
    const watch = client.watchQuery({ query: ReviewsQuery, variables: { first: 2 } });
    await watch.result();
    await watch.fetchMore({ variables: { after: 'c2' } });
    await watch.refetch();
    expect(client.readQuery({ query: ReviewsQuery, variables: { first: 2 } })?.reviews.nodes.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('keeps lists with other arguments apart, and grows a list nested in an entity (a review’s items)', async () => {
    const item = (id: string) => ({ __typename: 'ReviewItem', id });
    const itemsPage = (ids: string[], endCursor: string, hasNextPage: boolean) => ({
      review: { __typename: 'Review', id: 'r1', items: { __typename: 'ReviewItemConnection', totalCount: 3, pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage }, nodes: ids.map(item) } },
    });
    const { client } = clientServing({ 'ReviewItems:': itemsPage(['i1', 'i2'], 'c2', true), 'ReviewItems:c2': itemsPage(['i3'], 'c3', false) });
    const watch = client.watchQuery({ query: ReviewItemsQuery, variables: { id: 'r1', first: 2 } });
    await watch.result();
    await watch.fetchMore({ variables: { after: 'c2' } });
    const cache = client.cache.extract() as Record<string, Record<string, { nodes: { __ref: string }[] }>>;
    const lists = Object.entries(cache['Review:r1']).filter(([k]) => k.startsWith('items'));
    expect(lists.map(([k, v]) => [k, v.nodes.map((n) => n.__ref)])).toEqual([['items:{"first":2}', ['ReviewItem:i1', 'ReviewItem:i2', 'ReviewItem:i3']]]);
  });
});
