/**
 * Media queries answer as on a 375-px phone (below antd's md breakpoint, `max-width: 767px`), until the
 * returned function restores them.
 */
export function asPhone(): () => void {
  const spy = vi.spyOn(window, 'matchMedia').mockImplementation(
    (query: string) =>
      ({
        matches: /max-width: 767px/.test(query),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
      }) as unknown as MediaQueryList,
  );
  return () => spy.mockRestore();
}
