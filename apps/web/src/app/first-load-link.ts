import { ApolloLink } from '@apollo/client';
import { OperationTypeNode } from 'graphql';
import { Observable, type Subscription } from 'rxjs';
import { firstLoadKey } from './first-load-key';

/** A query index.html's first-load script sent before the app's code arrived (first-load-plugin.ts). */
export interface HeldAnswer {
  at: number;
  result: Promise<ApolloLink.Result | null>;
}

declare global {
  interface Window {
    __dubanFirstLoad?: Record<string, HeldAnswer>;
  }
}

/** Only the page's opening: an answer older than this is not what the person is looking at now. */
export const HELD_FOR_MS = 15_000;

/**
 * Answers a query with the answer the first-load script already asked for: the same operation with the
 * same variables, once, within the opening seconds. Anything else, or a held request that failed, goes
 * to the server as usual.
 */
export function createFirstLoadLink(held: () => Record<string, HeldAnswer> | undefined) {
  return new ApolloLink((operation, forward) => {
    const store = held();
    if (!store || operation.operationType !== OperationTypeNode.QUERY) return forward(operation);
    const key = firstLoadKey(operation.operationName ?? '', operation.variables);
    const answer = store[key];
    if (!answer) return forward(operation);
    delete store[key];
    if (Date.now() - answer.at > HELD_FOR_MS) return forward(operation);
    return new Observable<ApolloLink.Result>((observer) => {
      let closed = false;
      let fallback: Subscription | undefined;
      void answer.result.then((result) => {
        if (closed) return;
        if (result && (result.data !== undefined || result.errors)) {
          observer.next(result);
          observer.complete();
        } else fallback = forward(operation).subscribe(observer);
      });
      return () => {
        closed = true;
        fallback?.unsubscribe();
      };
    });
  });
}

export const firstLoadLink = createFirstLoadLink(() =>
  typeof window === 'undefined' ? undefined : window.__dubanFirstLoad,
);
