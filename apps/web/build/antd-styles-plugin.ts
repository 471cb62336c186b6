import type { Plugin } from 'vite';
import { theme } from '../src/app/theme.ts';
import { antdStylesheet } from './antd-styles.ts';

/** What the app imports (main.tsx) to get antd's stylesheet. */
export const ANTD_STYLES = 'virtual:antd.css';
// Not `\0`-prefixed like most virtual modules: Vite treats a module as CSS (bundles it into the entry's
// hashed .css file, linked from index.html) by the `.css` at the end of its id.
const RESOLVED = '/@duban/antd.css';

/**
 * antd's component styles, made once per build instead of in every browser at every page load: the app
 * runs antd with `zeroRuntime` (theme.ts), and this module is the stylesheet that mode needs. Only the
 * components the app uses (antd-styles.ts), about a third of antd/dist/antd.css.
 */
export function antdStylesPlugin(): Plugin {
  let css: string | null = null;
  return {
    name: 'duban-antd-styles',
    resolveId: (id) => (id === ANTD_STYLES ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      css ??= antdStylesheet(theme);
      return css;
    },
  };
}
