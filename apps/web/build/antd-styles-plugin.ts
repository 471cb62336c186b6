import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { theme } from '../src/app/theme.ts';
import { antdStylesheet, DRAWN } from './antd-styles.ts';
import { filesUnder } from './files-under.ts';

/** What the app imports (main.tsx) to get antd's stylesheet. */
export const ANTD_STYLES = 'virtual:antd.css';
// Not `\0`-prefixed like most virtual modules: Vite treats a module as CSS (bundles it into the entry's
// hashed .css file, linked from index.html) by the `.css` at the end of its id.
const RESOLVED = '/@duban/antd.css';
const SOURCES = fileURLToPath(new URL('../src', import.meta.url));
/** antd exports with no styles of their own to make: providers, hooks' holders, the theme helpers. */
const STYLELESS = new Set(['App', 'ConfigProvider', 'theme']);

/**
 * The antd components the app's sources import that the stylesheet does not draw: each would render
 * without any of its rules. Type-only imports (`type TableProps`) and the styleless exports do not count.
 */
export function undrawnAntdImports(dir = SOURCES): string[] {
  const drawn = new Set<string>([...DRAWN, ...STYLELESS]);
  const missing = new Set<string>();
  for (const file of sourceFiles(dir)) {
    for (const [, names] of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)) {
      for (const part of names.split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0];
        if (name && !name.startsWith('type ') && !drawn.has(name)) missing.add(`${name} (${path.relative(dir, file)})`);
      }
    }
  }
  return [...missing];
}

/** The app's own sources, not its component tests. */
function sourceFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file));
}

/**
 * antd's component styles, made once per build instead of in every browser at every page load: the app
 * runs antd with `zeroRuntime` (theme.ts), and this module is the stylesheet that mode needs. Only the
 * components the app imports (antd-styles.ts; the build stops when a source imports one it does not draw).
 */
export function antdStylesPlugin(): Plugin {
  let css: string | null = null;
  return {
    name: 'duban-antd-styles',
    buildStart() {
      const missing = undrawnAntdImports();
      if (missing.length)
        this.error(`antd components without styles: ${missing.join(', ')}. Draw them in build/antd-styles.ts.`);
    },
    resolveId: (id) => (id === ANTD_STYLES ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      css ??= antdStylesheet(theme);
      return css;
    },
  };
}
