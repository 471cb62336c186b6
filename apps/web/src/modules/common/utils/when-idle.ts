type IdleWindow = Window & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
};

/**
 * Runs `work` when the browser has nothing more urgent to do, at the latest after `timeout` ms (a
 * macrotask where there is no idle callback: Safari, jsdom). Returns the way to cancel it.
 */
export function whenIdle(work: () => void, timeout = 1000): () => void {
  const w = window as IdleWindow;
  if (w.requestIdleCallback && w.cancelIdleCallback) {
    const handle = w.requestIdleCallback(work, { timeout });
    return () => w.cancelIdleCallback!(handle);
  }
  const handle = window.setTimeout(work, 0);
  return () => window.clearTimeout(handle);
}
