import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { OperationTypeNode } from 'graphql';
import { readCsrfToken } from '../modules/auth/utils/csrf';
import { describeError } from '../modules/common/utils/app-errors';
import { notify, signedOut } from '../modules/common/utils/notifier';

/**
 * Per-operation switches, passed as `context`:
 * - quiet: the component shows the error itself (e.g. the sign-in form), so no toast and no redirect.
 */
export interface OperationContextFlags {
  quiet?: boolean;
}

/** Every mutation carries the double-submit CSRF token the server set at sign-in. */
export const csrfLink = new ApolloLink((operation, forward) => {
  if (operation.operationType === OperationTypeNode.MUTATION) {
    const token = readCsrfToken();
    if (token) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, 'X-CSRF-Token': token },
      }));
    }
  }
  return forward(operation);
});

/**
 * Errors become Chinese notifications: the API's messages are shown as they are. Queries show their
 * errors where the data would be (each list has an error state), so only mutations toast. An expired
 * session sends the person back to the sign-in page, from any operation.
 */
export const errorLink = new ErrorLink(({ error, operation }) => {
  const { quiet } = operation.getContext() as OperationContextFlags;
  if (quiet) return;
  const unauthenticated =
    CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (unauthenticated) {
    signedOut();
    return;
  }
  if (operation.operationType === OperationTypeNode.MUTATION) notify.error(describeError(error).message);
});

interface Connection {
  nodes: unknown[];
  [key: string]: unknown;
}

/**
 * Cursor connections: a page fetched with `after` is appended to what is cached for the same filters,
 * so "加载更多" grows one list instead of replacing it.
 */
function connectionField(keyArgs: string[]) {
  return {
    keyArgs,
    merge(existing: Connection | undefined, incoming: Connection, { args }: { args: Record<string, unknown> | null }) {
      if (!existing || !args?.after) return incoming;
      return { ...incoming, nodes: [...existing.nodes, ...incoming.nodes] };
    },
  };
}

export function createApolloClient(uri = '/graphql') {
  return new ApolloClient({
    link: ApolloLink.from([
      errorLink,
      csrfLink,
      new HttpLink({ uri, credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // The signed-in person is a singleton; keep it stable across sign-in and refetches.
        ViewerModel: { keyFields: ['id'] },
        Query: {
          fields: {
            tasks: connectionField(['filter', 'sort', 'first']),
            myTasks: connectionField(['filter', 'first']),
            plans: connectionField(['status', 'year']),
            reviewQueue: connectionField([]),
            leaderQueue: connectionField([]),
            urges: connectionField(['filter']),
          },
        },
      },
    }),
  });
}

export const apolloClient = createApolloClient();
