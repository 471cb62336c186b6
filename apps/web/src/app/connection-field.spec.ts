import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ApolloClient,
  ApolloLink,
  type FieldPolicy,
  type ObservableQuery,
  type TypedDocumentNode,
} from '@apollo/client';
import { buildSchema, Kind, parse, TypeInfo, visit, visitWithTypeInfo, type DocumentNode } from 'graphql';
import { filter, firstValueFrom, Observable } from 'rxjs';
import * as generated from '../generated/graphql';
import { createApolloClient, typePolicies } from './apollo-client';

interface Page {
  totalCount: number;
  pageInfo: { endCursor: string; hasNextPage: boolean };
  nodes: { id: string }[];
}
// The app's field names with only the fields the merge touches (parsed, not `gql`: codegen would take them for app documents).
const PAGE_FIELDS = 'totalCount pageInfo { endCursor hasNextPage } nodes { id }';
const ReviewsQuery: TypedDocumentNode<{ reviews: Page }, { first?: number; after?: string }> = parse(
  `query Reviews($first: Int, $after: String) { reviews(first: $first, after: $after) { ${PAGE_FIELDS} } }`,
);
const ReviewItemsQuery: TypedDocumentNode<
  { review: { id: string; items: Page } },
  { id: string; first?: number; after?: string }
> = parse(
  `query ReviewItems($id: ID!, $first: Int, $after: String) { review(id: $id) { id items(first: $first, after: $after) { ${PAGE_FIELDS} } } }`,
);

/** The real client's cache, its network replaced by pages keyed on `after`. */
function clientServing(pages: Record<string, unknown>) {
  const real = createApolloClient();
  const terminal = new ApolloLink((operation) => {
    const key = `${operation.operationName}:${(operation.variables.after as string | undefined) ?? ''}`;
    return new Observable((o) => {
      o.next({ data: pages[key] as never });
      o.complete();
    });
  });
  return { client: new ApolloClient({ link: terminal, cache: real.cache }) };
}

/** The first complete answer of a watched query; subscribing keeps it active for fetchMore. */
const settled = <T>(watch: ObservableQuery<T, any>) => firstValueFrom(watch.pipe(filter((r) => !r.loading)));

const review = (id: string) => ({ __typename: 'Review', id });
const reviewsPage = (ids: string[], endCursor: string, hasNextPage: boolean) => ({
  reviews: {
    __typename: 'ReviewConnection',
    totalCount: 3,
    pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
    nodes: ids.map(review),
  },
});

describe('connectionField (the cache merge every paged list uses)', () => {
  it('appends the page fetched with `after` and keeps the newest page info', async () => {
    const { client } = clientServing({
      'Reviews:': reviewsPage(['r1', 'r2'], 'c2', true),
      'Reviews:c2': reviewsPage(['r3'], 'c3', false),
    });
    const watch = client.watchQuery({ query: ReviewsQuery, variables: { first: 2 } });
    const first = await settled(watch);
    expect((first.data as { reviews: Page }).reviews.nodes.map((r) => r.id)).toEqual(['r1', 'r2']);
    const more = await watch.fetchMore({ variables: { after: 'c2' } });
    expect(more.data?.reviews.nodes.map((r) => r.id)).toEqual(['r3']);
    const merged = client.readQuery({ query: ReviewsQuery, variables: { first: 2 } });
    expect(merged?.reviews.nodes.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(merged?.reviews.pageInfo).toEqual({ __typename: 'PageInfo', endCursor: 'c3', hasNextPage: false });
  });

  it('starts the list over on a fetch without `after` (a refetch after a mutation)', async () => {
    const { client } = clientServing({
      'Reviews:': reviewsPage(['r1', 'r2'], 'c2', true),
      'Reviews:c2': reviewsPage(['r3'], 'c3', false),
    });
    const watch = client.watchQuery({ query: ReviewsQuery, variables: { first: 2 } });
    await settled(watch);
    await watch.fetchMore({ variables: { after: 'c2' } });
    await watch.refetch();
    expect(client.readQuery({ query: ReviewsQuery, variables: { first: 2 } })?.reviews.nodes.map((r) => r.id)).toEqual([
      'r1',
      'r2',
    ]);
  });

  it('grows a list nested in an entity (a review’s items), stored under its arguments without the cursor', async () => {
    const item = (id: string) => ({ __typename: 'ReviewItem', id });
    const itemsPage = (ids: string[], endCursor: string, hasNextPage: boolean) => ({
      review: {
        __typename: 'Review',
        id: 'r1',
        items: {
          __typename: 'ReviewItemConnection',
          totalCount: 3,
          pageInfo: { __typename: 'PageInfo', endCursor, hasNextPage },
          nodes: ids.map(item),
        },
      },
    });
    const { client } = clientServing({
      'ReviewItems:': itemsPage(['i1', 'i2'], 'c2', true),
      'ReviewItems:c2': itemsPage(['i3'], 'c3', false),
    });
    const watch = client.watchQuery({ query: ReviewItemsQuery, variables: { id: 'r1', first: 2 } });
    await settled(watch);
    await watch.fetchMore({ variables: { after: 'c2' } });
    const cache = client.cache.extract() as Record<string, Record<string, { nodes: { __ref: string }[] }>>;
    const lists = Object.entries(cache['Review:r1']).filter(([k]) => k.startsWith('items'));
    expect(lists.map(([k, v]) => [k, v.nodes.map((n) => n.__ref)])).toEqual([
      ['items:{"first":2}', ['ReviewItem:i1', 'ReviewItem:i2', 'ReviewItem:i3']],
    ]);
  });
});

describe('the paged lists the web queries', () => {
  const schema = buildSchema(
    readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../../api/schema.gql'), 'utf8'),
  );
  const documents = Object.values(generated).filter(
    (d): d is DocumentNode => (d as DocumentNode | undefined)?.kind === Kind.DOCUMENT,
  );

  /** Every field a web document asks for with a cursor (`after`), with its parent type and arguments. */
  const pagedFields = () => {
    const found = new Map<string, string[]>();
    for (const doc of documents) {
      const info = new TypeInfo(schema);
      visit(
        doc,
        visitWithTypeInfo(info, {
          Field(node) {
            if (!node.arguments?.some((a) => a.name.value === 'after')) return;
            const field = info.getFieldDef();
            found.set(`${info.getParentType()?.name}.${node.name.value}`, field?.args.map((a) => a.name) ?? []);
          },
        }),
      );
    }
    return found;
  };

  it('finds the paged lists in the generated documents', () => {
    expect(documents.length).toBeGreaterThan(50);
    expect([...pagedFields().keys()]).toEqual(expect.arrayContaining(['Query.tasks', 'Query.users', 'Review.items']));
  });

  it('each grows through connectionField, keyed by every argument that picks the rows', () => {
    const problems: string[] = [];
    for (const [path, args] of pagedFields()) {
      const [type, name] = path.split('.');
      const policy = (typePolicies[type]?.fields as Record<string, FieldPolicy> | undefined)?.[name];
      if (!policy?.merge) {
        problems.push(`${path}: no connectionField in typePolicies`);
        continue;
      }
      const keyed = policy.keyArgs as string[];
      const missing = args.filter((a) => a !== 'after' && a !== 'first' && !keyed.includes(a));
      if (missing.length || keyed.includes('after'))
        problems.push(`${path}: keyArgs ${JSON.stringify(keyed)}, missing ${missing.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
