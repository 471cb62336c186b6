/**
 * Media queries answer `matches(query)`, fixed (no listener is ever told of a change), until the returned
 * function restores them.
 */
export function mediaAnswering(matches: (query: string) => boolean): () => void {
  const spy = vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: matches(query),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
  return () => spy.mockRestore();
}

/**
 * Media queries answer as on a 375-px phone (below antd's md breakpoint, `max-width: 767px`), until the
 * returned function restores them.
 */
export function asPhone(): () => void {
  return mediaAnswering((query) => /max-width: 767px/.test(query));
}

/**
 * A screen that can be turned: media queries answer as a desktop until `turn(true)`, which makes them
 * answer as a phone and tells their listeners, as a browser does when a tablet is rotated or a window
 * is resized across antd's md breakpoint.
 */
export function turnableScreen(): { turn: (phone: boolean) => void; restore: () => void } {
  let phone = false;
  type Listener = (event: { matches: boolean; media: string }) => void;
  const lists: { query: string; listeners: Set<Listener> }[] = [];
  const answer = (query: string) => phone && /max-width: 767px/.test(query);
  const spy = vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const entry = { query, listeners: new Set<Listener>() };
    lists.push(entry);
    return {
      get matches() {
        return answer(query);
      },
      media: query,
      addEventListener: (_type: string, listener: Listener) => entry.listeners.add(listener),
      removeEventListener: (_type: string, listener: Listener) => entry.listeners.delete(listener),
      addListener: (listener: Listener) => entry.listeners.add(listener),
      removeListener: (listener: Listener) => entry.listeners.delete(listener),
    } as unknown as MediaQueryList;
  });
  return {
    turn: (next) => {
      phone = next;
      for (const { query, listeners } of lists)
        for (const listener of listeners) listener({ matches: answer(query), media: query });
    },
    restore: () => spy.mockRestore(),
  };
}
