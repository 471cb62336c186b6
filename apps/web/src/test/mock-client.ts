import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { Observable } from 'rxjs';
import { activityLink, csrfLink, errorLink } from '../app/apollo-client';

/** What a fake server answers for one operation: data, or GraphQL errors with our API's codes. */
export type MockAnswer =
  | { data: Record<string, unknown> }
  | { errors: { message: string; code: string; field?: string; extensions?: Record<string, unknown> }[] };
export type MockHandler = (
  variables: Record<string, any>,
  headers: Record<string, string>,
) => MockAnswer | Promise<MockAnswer>;

export interface MockCall {
  operationName: string;
  variables: Record<string, any>;
  headers: Record<string, string>;
}

export const gqlError = (code: string, message: string, field?: string): MockAnswer => ({
  errors: [{ code, message, field }],
});

/**
 * An Apollo client with the app's real CSRF and error links in front of a fake server keyed by
 * operation name, so tests see exactly what the app sends and how it reacts to answers.
 */
export function createMockClient(handlers: Record<string, MockHandler>) {
  const calls: MockCall[] = [];
  const terminal = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        const headers = ((operation.getContext() as { headers?: Record<string, string> }).headers ?? {}) as Record<
          string,
          string
        >;
        const name = operation.operationName ?? '';
        calls.push({ operationName: name, variables: operation.variables, headers });
        const handler = handlers[name];
        Promise.resolve(
          handler
            ? handler(operation.variables, headers)
            : { errors: [{ code: 'INTERNAL_SERVER_ERROR', message: `no mock for ${name}` }] },
        )
          .then((answer) => {
            if ('errors' in answer) {
              observer.next({
                data: null,
                errors: answer.errors.map(
                  (e) =>
                    new GraphQLError(e.message, {
                      extensions: { ...e.extensions, code: e.code, ...(e.field ? { field: e.field } : {}) },
                    }),
                ),
              });
            } else observer.next({ data: answer.data });
            observer.complete();
          })
          .catch((error) => observer.error(error));
      }),
  );
  const client = new ApolloClient({
    link: ApolloLink.from([errorLink, activityLink, csrfLink, terminal]),
    cache: new InMemoryCache(),
  });
  return { client, calls };
}

export const viewerOf = (overrides: Partial<Record<string, unknown>> = {}) => ({
  __typename: 'ViewerModel',
  id: 'u1',
  username: 'ban-admin',
  displayName: '王主任',
  role: 'OFFICE_ADMIN',
  roles: [overrides.role ?? 'OFFICE_ADMIN'],
  tenantId: 't1',
  tenantName: '辽宁省人民政府办公厅（演示）',
  tenantDemo: false,
  unitId: null,
  unitName: null,
  csrfToken: 'csrf-abc',
  mustChangePassword: false,
  ssoLogoutPath: null,
  passwordExpired: false,
  passwordRule: '至少 8 位，须包含字母和数字，且至少含大写字母、小写字母、数字、特殊字符中的 2 种，不能包含用户名',
  sessionIdleMinutes: 30,
  twoFactorEnabled: false,
  mustEnrolTwoFactor: false,
  watermark: null,
  ...overrides,
});
