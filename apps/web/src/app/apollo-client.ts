import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { OperationTypeNode } from 'graphql';
import { readCsrfToken } from '../modules/auth/utils/csrf';
import { describeError } from '../modules/common/utils/app-errors';
import { notify, signedOut } from '../modules/common/utils/notifier';
import { markActivity } from '../modules/auth/utils/session-activity';
import { connectionField } from './connection-field';
import { firstLoadLink } from './first-load-link';

/**
 * Per-operation switches, passed as `context`:
 * - quiet: the component shows the error itself (e.g. the sign-in form), so no toast and no redirect.
 */
export interface OperationContextFlags {
  quiet?: boolean;
  /** Polling the person did not ask for: the server does not count it as activity (idle timeout). */
  background?: boolean;
}

/** Every request the person makes counts as activity for the idle timeout; polling says it is background. */
export const activityLink = new ApolloLink((operation, forward) => {
  const { background } = operation.getContext() as OperationContextFlags;
  if (background) {
    operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
      headers: { ...headers, 'X-Duban-Background': '1' },
    }));
  } else markActivity();
  return forward(operation);
});

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
  const unauthenticated = CombinedGraphQLErrors.is(error)
    ? error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED')
    : undefined;
  if (unauthenticated) {
    // A session the server ended (idle, past its lifetime) says so; any other reads as expired.
    signedOut(unauthenticated.extensions?.reason ? unauthenticated.message : undefined);
    return;
  }
  if (operation.operationType === OperationTypeNode.MUTATION) notify.error(describeError(error).message);
});

/** Exported for the test that checks every paged field the web queries has its merge here. */
export const typePolicies: TypePolicies = {
  // The signed-in person is a singleton; keep it stable across sign-in and refetches.
  ViewerModel: { keyFields: ['id'] },
  // Every paged list the web shows, keyed by its arguments other than `after`.
  Query: {
    fields: {
      tasks: connectionField(['filter', 'sort', 'first']),
      myTasks: connectionField(['filter', 'first']),
      plans: connectionField(['status', 'year']),
      reviewQueue: connectionField([]),
      leaderQueue: connectionField([]),
      urges: connectionField(['filter']),
      lowerUrges: connectionField(['unacknowledged', 'first']),
      upperUrges: connectionField(['unacknowledged', 'first']),
      reviews: connectionField(['planId', 'first']),
      users: connectionField(['filter', 'first', 'sort', 'descending']),
      notifications: connectionField(['unreadOnly', 'kinds', 'first']),
      messageDeliveries: connectionField(['status', 'first']),
      scorecard: connectionField(['filter', 'first']),
      scorecardTasks: connectionField(['unitId', 'metric', 'filter', 'first']),
      auditLog: connectionField(['filter', 'first']),
    },
  },
  Review: { fields: { items: connectionField(['filter', 'first']) } },
};

export function createApolloClient(uri = '/graphql') {
  return new ApolloClient({
    link: ApolloLink.from([
      errorLink,
      activityLink,
      csrfLink,
      firstLoadLink,
      new HttpLink({ uri, credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
    ]),
    cache: new InMemoryCache({ typePolicies }),
  });
}

export const apolloClient = createApolloClient();
