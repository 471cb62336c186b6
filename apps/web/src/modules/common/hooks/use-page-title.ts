import { useEffect } from 'react';

export const APP_NAME = '督办';

/** The browser tab names the page: "台账 · 督办". */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}
