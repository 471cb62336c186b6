import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { theme } from '../src/app/theme.ts';
import { antdStylesheets, DRAWN, FIRST } from './antd-styles.ts';
import { filesUnder } from './files-under.ts';

/** What the app imports (main.tsx) to get antd's stylesheet: the rules of the FIRST components. */
export const ANTD_STYLES = 'virtual:antd.css';
/** The rules of every other component, imported (by the build) beside each import of one. */
export const ANTD_REST_STYLES = 'virtual:antd-rest.css';
// Not `\0`-prefixed like most virtual modules: Vite treats a module as CSS (bundles it into the hashed
// .css file of the chunk that imports it) by the `.css` at the end of its id.
/** The module id of the rest, for the build's chunk groups (first-load-plugin.ts). */
export const ANTD_REST_MODULE = '/@duban/antd-rest.css';
const RESOLVED = { [ANTD_STYLES]: '/@duban/antd.css', [ANTD_REST_STYLES]: ANTD_REST_MODULE };
const SOURCES = fileURLToPath(new URL('../src', import.meta.url));
/** antd exports with no styles of their own to make: providers, hooks' holders, the theme helpers. */
const STYLELESS = new Set(['App', 'ConfigProvider', 'theme']);

/**
 * The antd components a source imports by name (not its type-only imports). Either quote: a transform
 * sees the source after Vite has stripped its types, printed with double quotes.
 */
function antdImports(source: string): string[] {
  const names: string[] = [];
  for (const [, list] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]antd['"]/g)) {
    for (const part of list.split(',')) {
      const name = part.trim().split(/\s+as\s+/)[0];
      if (name && !name.startsWith('type ')) names.push(name);
    }
  }
  return names;
}

/**
 * The antd components the app's sources import that the stylesheet does not draw: each would render
 * without any of its rules. Type-only imports (`type TableProps`) and the styleless exports do not count.
 */
export function undrawnAntdImports(dir = SOURCES): string[] {
  const drawn = new Set<string>([...DRAWN, ...STYLELESS]);
  const missing = new Set<string>();
  for (const file of sourceFiles(dir)) {
    for (const name of antdImports(readFileSync(file, 'utf8')))
      if (!drawn.has(name)) missing.add(`${name} (${path.relative(dir, file)})`);
  }
  return [...missing];
}

/** The app's own sources, not its component tests. */
function sourceFiles(dir: string): string[] {
  return filesUnder(dir).filter((file) => /\.tsx?$/.test(file) && !/\.spec\.tsx?$/.test(file));
}

/**
 * antd's component styles, made once per build instead of in every browser at every page load: the app
 * runs antd with `zeroRuntime` (theme.ts), and these modules are the stylesheets that mode needs. Only the
 * components the app imports (antd-styles.ts; the build stops when a source imports one it does not draw).
 *
 * Two stylesheets: the FIRST components' rules, imported by main.tsx (linked from index.html), and the
 * rest, imported here beside every import of another component. Vite then puts the rest in the CSS of
 * the chunks holding such code and loads it before it runs any of them (its preload of a dynamic
 * import's CSS), so nothing draws without its rules, and the pages that draw only FIRST components
 * never download the rest. Not in component tests (`css: false`: rendering the sink would be wasted).
 */
export function antdStylesPlugin(): Plugin {
  let sheets: { first: string; rest: string } | null = null;
  let split = true;
  return {
    name: 'duban-antd-styles',
    configResolved(config) {
      split = config.mode !== 'test';
    },
    buildStart() {
      const missing = undrawnAntdImports();
      if (missing.length)
        this.error(`antd components without styles: ${missing.join(', ')}. Draw them in build/antd-styles.ts.`);
    },
    resolveId: (id) => (id === ANTD_STYLES || id === ANTD_REST_STYLES ? RESOLVED[id] : null),
    load(id) {
      if (id !== RESOLVED[ANTD_STYLES] && id !== RESOLVED[ANTD_REST_STYLES]) return null;
      sheets ??= antdStylesheets(theme);
      return id === RESOLVED[ANTD_STYLES] ? sheets.first : sheets.rest;
    },
    transform(code, id) {
      if (!split || !id.startsWith(SOURCES) || !/\.tsx?$/.test(id) || /\.spec\.tsx?$/.test(id)) return null;
      const rest = antdImports(code).some((name) => !FIRST.has(name) && !STYLELESS.has(name));
      // On the first line, so that the source's lines keep their numbers.
      return rest ? { code: `import '${ANTD_REST_STYLES}'; ${code}`, map: null } : null;
    },
  };
}
