import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { parse } from 'graphql';
import { Observable } from 'rxjs';
import { firstLoadKey } from './first-load-key';
import { createFirstLoadLink, HELD_FOR_MS, type HeldAnswer } from './first-load-link';

const TASKS = parse(
  'query MyTasks($first: Int, $filter: TaskFilterInput) { myTasks(first: $first, filter: $filter) { totalCount } }',
);
const answer = (totalCount: number) => ({ data: { myTasks: { __typename: 'TaskConnection', totalCount } } });

/** A client whose server answers 99 and records each request that reached it. */
function client(held: Record<string, HeldAnswer>) {
  const sent: string[] = [];
  const server = new ApolloLink(
    (operation) =>
      new Observable((observer) => {
        sent.push(firstLoadKey(operation.operationName ?? '', operation.variables));
        observer.next(answer(99));
        observer.complete();
      }),
  );
  const apollo = new ApolloClient({
    link: ApolloLink.from([createFirstLoadLink(() => held), server]),
    cache: new InMemoryCache(),
  });
  const ask = async (variables: Record<string, unknown>) =>
    (await apollo.query({ query: TASKS, variables, fetchPolicy: 'network-only' })).data as {
      myTasks: { totalCount: number };
    };
  return { ask, sent };
}

const heldNow = (result: unknown): HeldAnswer => ({ at: Date.now(), result: Promise.resolve(result as never) });

describe('firstLoadLink: the answers the first-load script asked for', () => {
  it('answers the same query with the same variables from the held answer, once, whatever their order', async () => {
    const held = { [firstLoadKey('MyTasks', { first: 30, filter: { light: ['RED'] } })]: heldNow(answer(7)) };
    const { ask, sent } = client(held);
    expect((await ask({ filter: { light: ['RED'] }, first: 30 })).myTasks.totalCount).toBe(7);
    expect(sent).toEqual([]);
    // Only the opening: asked again, it goes to the server.
    expect((await ask({ filter: { light: ['RED'] }, first: 30 })).myTasks.totalCount).toBe(99);
    expect(sent).toHaveLength(1);
  });

  it('sends other variables to the server and leaves the held answer alone', async () => {
    const key = firstLoadKey('MyTasks', { first: 30 });
    const held = { [key]: heldNow(answer(7)) };
    const { ask, sent } = client(held);
    expect((await ask({ first: 30, filter: { text: '公开' } })).myTasks.totalCount).toBe(99);
    expect(sent).toHaveLength(1);
    expect(held[key]).toBeDefined();
  });

  it('asks the server when the held request failed or is older than the opening', async () => {
    const failed = client({ [firstLoadKey('MyTasks', { first: 30 })]: heldNow(null) });
    expect((await failed.ask({ first: 30 })).myTasks.totalCount).toBe(99);
    expect(failed.sent).toHaveLength(1);

    const old = { at: Date.now() - HELD_FOR_MS - 1, result: Promise.resolve(answer(7) as never) };
    const stale = client({ [firstLoadKey('MyTasks', { first: 30 })]: old });
    expect((await stale.ask({ first: 30 })).myTasks.totalCount).toBe(99);
  });
});
