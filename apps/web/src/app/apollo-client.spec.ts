import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { Observable } from 'rxjs';
import { MeQuery as Ping } from '../modules/auth/graphql/me.query';
import { SignOutMutation as Bye } from '../modules/auth/graphql/sign-out.mutation';
import { readCsrfToken } from '../modules/auth/utils/csrf';
import { setNotifier, setSignedOutHandler } from '../modules/common/utils/notifier';
import { lastActivity } from '../modules/auth/utils/session-activity';
import { activityLink, csrfLink, errorLink } from './apollo-client';

function clientAnswering(answer: () => { data?: unknown; errors?: GraphQLError[] }) {
  const seen: Record<string, string>[] = [];
  const terminal = new ApolloLink((operation) => {
    seen.push(
      ((operation.getContext() as { headers?: Record<string, string> }).headers ?? {}) as Record<string, string>,
    );
    const result = answer();
    return new Observable((o) => {
      o.next({ data: (result.data ?? null) as never, errors: result.errors });
      o.complete();
    });
  });
  return {
    client: new ApolloClient({
      link: ApolloLink.from([errorLink, activityLink, csrfLink, terminal]),
      cache: new InMemoryCache(),
    }),
    seen,
  };
}

describe('apollo links', () => {
  const errors: string[] = [];
  let signedOutCount = 0;
  let signedOutWith: (string | undefined)[] = [];
  beforeEach(() => {
    errors.length = 0;
    signedOutCount = 0;
    setNotifier({ error: (t) => errors.push(t), success: () => undefined });
    signedOutWith = [];
    setSignedOutHandler((reason) => {
      signedOutCount += 1;
      signedOutWith.push(reason);
    });
    document.cookie = 'duban_csrf=abc%3D123; path=/';
  });
  afterEach(() => {
    document.cookie = 'duban_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('reads the CSRF cookie among others', () => {
    expect(readCsrfToken('a=1; duban_csrf=x%2By; b=2')).toBe('x+y');
    expect(readCsrfToken('a=1')).toBeNull();
  });

  it('sends X-CSRF-Token on mutations only', async () => {
    const { client, seen } = clientAnswering(() => ({ data: { me: null, signOut: true } }));
    await client.query({ query: Ping });
    await client.mutate({ mutation: Bye });
    expect(seen[0]['X-CSRF-Token']).toBeUndefined();
    expect(seen[1]['X-CSRF-Token']).toBe('abc=123');
  });

  it('shows a mutation error in the API’s Chinese words', async () => {
    const { client } = clientAnswering(() => ({
      errors: [new GraphQLError('数据已被他人修改，请刷新后重试', { extensions: { code: 'CONFLICT' } })],
    }));
    await expect(client.mutate({ mutation: Bye })).rejects.toThrow();
    expect(errors).toEqual(['数据已被他人修改，请刷新后重试']);
  });

  it('leaves query errors to the page (no toast) and stays quiet when asked', async () => {
    const { client } = clientAnswering(() => ({
      errors: [new GraphQLError('记录不存在或无权访问', { extensions: { code: 'NOT_FOUND' } })],
    }));
    await expect(client.query({ query: Ping })).rejects.toThrow();
    await expect(client.mutate({ mutation: Bye, context: { quiet: true } })).rejects.toThrow();
    expect(errors).toEqual([]);
  });

  it('sends an expired session back to sign-in', async () => {
    const { client } = clientAnswering(() => ({
      errors: [new GraphQLError('请先登录', { extensions: { code: 'UNAUTHENTICATED' } })],
    }));
    await expect(client.query({ query: Ping, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(signedOutCount).toBe(1);
    expect(errors).toEqual([]);
  });

  it('tells why when the server ended the session', async () => {
    const { client } = clientAnswering(() => ({
      errors: [
        new GraphQLError('您已长时间未操作，为保护账号安全已自动退出，请重新登录', {
          extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_IDLE' },
        }),
      ],
    }));
    await expect(client.query({ query: Ping, fetchPolicy: 'network-only' })).rejects.toThrow();
    expect(signedOutWith).toEqual(['您已长时间未操作，为保护账号安全已自动退出，请重新登录']);
  });

  it('counts the person’s requests as activity, and marks polling as background', async () => {
    const { client, seen } = clientAnswering(() => ({ data: { me: null } }));
    localStorage.setItem('duban.lastActivity', '1');
    await client.query({ query: Ping, fetchPolicy: 'network-only', context: { background: true } });
    expect(seen[0]['X-Duban-Background']).toBe('1');
    expect(Number(localStorage.getItem('duban.lastActivity'))).toBe(1);
    const before = Date.now();
    await client.query({ query: Ping, fetchPolicy: 'network-only' });
    expect(seen[1]['X-Duban-Background']).toBeUndefined();
    expect(lastActivity()).toBeGreaterThanOrEqual(before);
  });
});
