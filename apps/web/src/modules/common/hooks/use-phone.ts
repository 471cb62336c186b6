import { theme } from 'antd';
import { useCallback, useSyncExternalStore } from 'react';

/** The same query outside React (before anything renders): antd's default `screenSMMax`, which our theme keeps. */
export const PHONE_QUERY = '(max-width: 767px)';

/**
 * True below antd's `md` breakpoint (a phone held upright, 企业微信/钉钉's built-in browser): pages then
 * show cards instead of wide tables, full-width drawers and touch-sized controls. Read synchronously
 * from the media query, so the first render already has the right layout (antd's Grid.useBreakpoint
 * answers only after mounting).
 */
export function usePhone(): boolean {
  const { token } = theme.useToken();
  const query = `(max-width: ${token.screenSMMax}px)`;
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
