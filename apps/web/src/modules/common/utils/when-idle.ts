type IdleWindow = Window & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `work` when the browser has nothing more urgent to do, at the latest after `timeout` ms. Where
 * there is no idle callback (Safari, jsdom) it runs `otherwiseAfter` ms later: by default in the next
 * macrotask. Returns the way to cancel it.
 */
export function whenIdle(
  work: () => void,
  { timeout = 1000, otherwiseAfter = 0 }: { timeout?: number; otherwiseAfter?: number } = {},
): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const handle = w.requestIdleCallback(work, { timeout });
    return () => w.cancelIdleCallback!(handle);
  }
  const handle = window.setTimeout(work, otherwiseAfter);
  return () => window.clearTimeout(handle);
}
