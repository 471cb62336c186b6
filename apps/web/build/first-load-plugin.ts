import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { InMemoryCache } from '@apollo/client';
import { print } from 'graphql';
import type { Plugin } from 'vite';
import { firstLoadKey } from '../src/app/first-load-key.ts';
import {
  FIRST_LOAD_ROUTES,
  LAYOUT_MODULE,
  SIGN_IN_PAGE_MODULE,
  SIGNED_IN_QUERIES,
  WIDE_SCREEN_MENU_MODULE,
  WIDE_SCREEN_MODULE,
  type FirstQuery,
} from '../src/app/first-load.ts';
import { PHONE_QUERY } from '../src/modules/common/hooks/use-phone.ts';
import { ANTD_REST_MODULE } from './antd-styles-plugin.ts';
import { FIRST_LOAD_REPORT, type FirstLoadFiles, type FirstLoadReport } from './first-load-report.ts';
import { FIRST_SCREENS, firstScreenFile, type FirstScreenName } from './first-screens.ts';

const FORM_PACKAGES = /node_modules\/(antd\/es\/form|@rc-component\/(form|async-validator))\//;
const ICON = /node_modules\/@ant-design\/icons\/es\/icons\//;
const SHELL_PACKAGES = /node_modules\/(antd\/es\/(input|grid)|@rc-component\/input)\//;

type ModuleSets = {
  shell: Set<string>;
  signInIcons: Set<string>;
  layout: Set<string>;
  homes: Set<string>;
  wide: Set<string>;
  menu: Set<string>;
  routes: Map<string, Set<string>>;
};

/**
 * Cuts the bundle along what a first visit needs, and lets the browser ask for all of it at once.
 *
 * Split per module the bundler makes dozens of small shared chunks, and a phone on a slow network
 * pays a round trip for each (six at a time over HTTP/1.1): the unit's home took 58 files. Here the
 * modules the entry imports statically become one `shell` chunk, the signed-in frame one `layout`
 * chunk, what two landing pages share one `homes` chunk, and each landing page one chunk of its own;
 * the task table drawn only on wide screens (WIDE_SCREEN_MODULE) is one `wide` chunk that a phone never loads.
 * Everything else (office pages, ECharts, spreadsheet and document code) keeps the bundler's split
 * and loads when a page asks for it.
 *
 * Then a small script, inline in index.html before the app's code, preloads the chunks of the landing
 * page being opened (with the `wide` chunk on a wide screen; the sign-in form's on /login) and, for someone signed in, sends that
 * page's first queries (FIRST_LOAD_ROUTES); the app's Apollo client takes those answers
 * (first-load-link.ts).
 */
export function firstLoadPlugin(): Plugin {
  const sets: ModuleSets = {
    shell: new Set(),
    signInIcons: new Set(),
    layout: new Set(),
    homes: new Set(),
    wide: new Set(),
    menu: new Set(),
    routes: new Map(),
  };
  let root = '';
  let outDir = '';
  const src = (file: string) => path.join(root, 'src', file);
  let appSource = '';
  const repo = (id: string) => path.relative(path.resolve(root, '../..'), id).split(path.sep).join('/');

  return {
    name: 'duban-first-load',
    apply: 'build',
    enforce: 'post',
    config: () => ({
      build: {
        rolldownOptions: {
          output: {
            codeSplitting: {
              groups: [
                // antd's rules beyond the first screens' (antd-styles-plugin.ts) in a chunk of their own:
                // otherwise a group takes them along, and every page drawing a DatePicker would import
                // the `wide` chunk's Table code for its CSS.
                { name: 'antd-rest', test: (id: string) => id === ANTD_REST_MODULE, priority: 50 },
                // Input stays in the shell: the liaison's home draws a search box at once. So do the sign-in
                // page's icons: in the frame's or the homes' chunk, they made the sign-in page load those.
                {
                  name: 'shell',
                  test: (id: string) => sets.shell.has(id) || sets.signInIcons.has(id) || SHELL_PACKAGES.test(id),
                  priority: 40,
                },
                { name: 'layout', test: (id: string) => sets.layout.has(id), priority: 30 },
                { name: 'homes', test: (id: string) => sets.homes.has(id), priority: 20 },
                // antd's Form with its field store and validator: drawn by the sign-in page and by forms
                // that open later, never by a home's first render (it left the shell with the sign-in page).
                // Below the frame and the homes, whose packages it must not take; above the wide screens'
                // table, whose Radio uses two of its modules: the sign-in page would load the table otherwise.
                { name: 'form', test: (id: string) => FORM_PACKAGES.test(id), priority: 18 },
                // Below the frame and the homes, whose packages stay where they are (a phone's home would
                // otherwise import the menu for them), above the wide screens' table and the pages: the
                // menu's packages (rc-menu, its overflow) come with it, so that a phone loading its menu
                // does not load the table too, nor a wide screen the office's page with its menu.
                { name: 'menu', test: (id: string) => sets.menu.has(id), priority: 17 },
                // Above the pages: a page that draws a table itself (the leadership's progress tree)
                // then imports the table's packages from here instead of carrying them in its own chunk.
                { name: 'wide', test: (id: string) => sets.wide.has(id), priority: 15 },
                ...FIRST_LOAD_ROUTES.map((route) => ({
                  name: route.path.slice(1),
                  test: (id: string) => !!sets.routes.get(route.path)?.has(id),
                  priority: 10,
                })),
              ],
            },
          },
        },
      },
    }),
    configResolved(config) {
      root = config.root;
      appSource = src('');
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // The module graph is complete here and chunking has not started: the groups above read these sets.
    // Only the app's own modules are placed; each group takes the packages they use along (rolldown's
    // includeDependenciesRecursively). Placing packages by this graph would be wrong: a barrel such as
    // antd's index imports every component, so the graph says the sign-in page needs antd's Table.
    buildEnd() {
      const info = (id: string) => this.getModuleInfo(id);
      const appOnly = (set: Set<string>) => new Set([...set].filter((id) => id.startsWith(appSource)));
      const closure = (starts: string[], outside: Set<string>[] = []) => {
        const seen = new Set<string>();
        const visit = (id: string) => {
          if (seen.has(id) || outside.some((set) => set.has(id))) return;
          seen.add(id);
          const module = info(id);
          // Rolldown lists dynamic imports among importedIds too: they load later, not with this module.
          const dynamic = new Set(module?.dynamicallyImportedIds);
          for (const next of module?.importedIds ?? []) if (!dynamic.has(next)) visit(next);
        };
        starts.forEach(visit);
        return seen;
      };
      const entries = [...this.getModuleIds()].filter((id) => info(id)?.isEntry);
      const shell = appOnly(closure(entries));
      // The entry modules stay in the entry chunk, which then imports the shell.
      for (const id of entries) shell.delete(id);
      const signInPage = appOnly(closure([src(SIGN_IN_PAGE_MODULE)], [shell]));
      // What the sign-in page shares with other pages (its title hook) stays in the shell, or the sign-in
      // page would load the homes' chunk for it.
      for (const id of signInPage) if (id !== src(SIGN_IN_PAGE_MODULE)) shell.add(id);
      // Imported through the icons' index: the modules are the ones named.
      const iconNames = [...signInPage].flatMap((id) =>
        [...(info(id)?.code ?? '').matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]@ant-design\/icons['"]/g)].flatMap(
          ([, names]) => names.split(',').map((name) => name.trim()),
        ),
      );
      sets.signInIcons = new Set(
        [...this.getModuleIds()].filter((id) => ICON.test(id) && iconNames.includes(path.basename(id, '.js'))),
      );
      const layout = appOnly(closure([src(LAYOUT_MODULE)], [shell]));
      sets.menu = appOnly(closure([src(WIDE_SCREEN_MENU_MODULE)], [shell, layout]));
      const pages = FIRST_LOAD_ROUTES.map((route) => appOnly(closure([src(route.page)], [shell, layout])));
      const homes = new Set(
        [...new Set(pages.flatMap((page) => [...page]))].filter((id) => pages.filter((p) => p.has(id)).length > 1),
      );
      sets.shell = shell;
      sets.layout = layout;
      sets.homes = homes;
      sets.wide = new Set(
        [...appOnly(closure([src(WIDE_SCREEN_MODULE)], [shell, layout]))].filter((id) => !homes.has(id)),
      );
      FIRST_LOAD_ROUTES.forEach((route, i) =>
        sets.routes.set(route.path, new Set([...pages[i]].filter((id) => !homes.has(id)))),
      );
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const chunkOf = (id: string) => {
        const chunk = chunks.find((c) => c.moduleIds.includes(id));
        if (!chunk) throw new Error(`first-load: no chunk holds ${id}`);
        return chunk;
      };
      const fileClosure = (starts: string[], outside = new Set<string>()) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          if (seen.has(file) || outside.has(file)) return;
          seen.add(file);
          for (const next of byName.get(file)?.imports ?? []) visit(next);
        };
        starts.forEach(visit);
        return [...seen];
      };
      // A chunk's stylesheets (antd's rules beyond the first screens', in the chunks that draw them), which
      // the first-load script preloads with the scripts: the app would ask for them only when it imports
      // the page, a round trip after its own code has arrived.
      const stylesheets = (files: string[]) => [
        ...new Set(files.flatMap((file) => [...(byName.get(file)?.viteMetadata?.importedCss ?? [])])),
      ];
      const withCss = (files: string[]) => [...files, ...stylesheets(files)];
      const describe = (files: string[], linked: string[] = []): FirstLoadFiles => ({
        files,
        stylesheets: stylesheets(files).filter((file) => !linked.includes(file)),
        modules: files.flatMap((file) => byName.get(file)!.moduleIds.map(repo)),
        gzipBytes: files.reduce((sum, file) => sum + gzipSync(byName.get(file)!.code, { level: 9 }).length, 0),
      });

      const html = bundle['index.html'];
      if (html?.type !== 'asset') throw new Error('first-load: index.html is not in the bundle');
      // The html's module script (Vite drops an entry chunk that would only import the shell).
      const entryFiles = [...String(html.source).matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g)].map(
        (m) => m[1],
      );
      const signIn = fileClosure(entryFiles);
      const signInPage = fileClosure([chunkOf(src(SIGN_IN_PAGE_MODULE)).fileName], new Set(signIn));
      const layout = chunkOf(src(LAYOUT_MODULE)).fileName;
      const wide = fileClosure(
        [chunkOf(src(WIDE_SCREEN_MODULE)).fileName, chunkOf(src(WIDE_SCREEN_MENU_MODULE)).fileName],
        new Set(signIn),
      );
      const routes = Object.fromEntries(
        FIRST_LOAD_ROUTES.map((route) => [
          route.path,
          fileClosure([layout, chunkOf(src(route.page)).fileName], new Set(signIn)),
        ]),
      );

      const script = firstLoadScript(
        FIRST_LOAD_ROUTES.map((route) => ({
          path: route.path,
          files: withCss(routes[route.path]),
          queries: route.queries.map(request),
        })),
        withCss(wide),
        withCss(signInPage),
        SIGNED_IN_QUERIES.map(request),
      );
      // Inline, not a file of its own: a file would start the page's chunks and queries one round trip
      // later (≈ 0.6 s on a phone's Fast 3G). The API allows exactly this script by its hash in the
      // content-security policy (apps/api/src/common/web-index.ts), so the text must stay as written here.
      if (/<\/script|<!--/i.test(script)) throw new Error('first-load: the inline script would end its own tag');
      html.source = String(html.source).replace(
        '<script type="module"',
        `<script>${script}</script>\n    <script type="module"`,
      );
      const ROOT = '<div id="root"></div>';
      if (!String(html.source).includes(ROOT)) throw new Error('first-load: index.html has no empty #root');
      // antd's stylesheet after #root instead of in the head: in the head it holds back every paint until
      // it has arrived (52 KB brotli, sharing a phone's Fast 3G with the scripts), and the first screen
      // (first-screens.ts) needs none of it. The app's module script still waits for it (a deferred script
      // runs only once the stylesheets the parser met have loaded), so the app never draws unstyled.
      const styles = [...String(html.source).matchAll(/\s*<link rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
      if (styles.length === 0) throw new Error('first-load: index.html links no stylesheet');
      for (const link of styles) html.source = String(html.source).replace(link, '');
      html.source = String(html.source).replace(ROOT, `${ROOT}${styles.join('')}`);
      // The same page with a first screen in #root (first-screens.ts), one file per screen: the API sends
      // the one that fits the address and the visitor, and allows the same inline script in each.
      for (const name of Object.keys(FIRST_SCREENS) as FirstScreenName[]) {
        const screen = FIRST_SCREENS[name];
        if (/<script/i.test(screen)) throw new Error(`first-load: the ${name} first screen holds a script`);
        this.emitFile({
          type: 'asset',
          fileName: firstScreenFile(name),
          source: String(html.source).replace(ROOT, `<div id="root">${screen}</div>`),
        });
      }

      // What index.html links already (the first screens' stylesheet) is no further stylesheet of a load.
      const linked = stylesheets(signIn);
      const report: FirstLoadReport = {
        signIn: describe(signIn),
        signInPage: describe(signInPage, linked),
        routes: Object.fromEntries(Object.entries(routes).map(([route, files]) => [route, describe(files, linked)])),
        wide: describe(wide, linked),
      };
      mkdirSync(path.join(outDir, path.dirname(FIRST_LOAD_REPORT)), { recursive: true });
      writeFileSync(path.join(outDir, FIRST_LOAD_REPORT), JSON.stringify(report, null, 2));
    },
  };
}

/** The request Apollo would send for a query: its document as the cache transforms it (with __typename). */
const cache = new InMemoryCache();
function request({ document, variables }: FirstQuery) {
  const query = cache.transformDocument(document);
  const definition = query.definitions.find((d) => d.kind === 'OperationDefinition');
  const operationName = definition?.kind === 'OperationDefinition' ? definition.name?.value : undefined;
  if (!operationName) throw new Error('first-load: every first query needs an operation name');
  return {
    key: firstLoadKey(operationName, variables),
    body: JSON.stringify({ operationName, variables: variables ?? {}, query: print(query) }),
  };
}

/**
 * The script itself: plain ES2017, no imports. Queries go only for the page's plain address: with a
 * filter or a plan in the query string the page asks something else.
 */
function firstLoadScript(
  routes: { path: string; files: string[]; queries: { key: string; body: string }[] }[],
  wide: string[],
  signInPage: string[],
  signedIn: { key: string; body: string }[],
) {
  // `<` written as \u003c: the same string to the script, and no query text can end the inline tag.
  const data = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `(function () {
  var routes = ${data(routes)};
  var wide = ${data(wide)};
  var signInPage = ${data(signInPage)};
  var signedIn = ${data(signedIn)};
  var here = location.pathname;
  var route = routes.filter(function (r) { return here === r.path; })[0];
  var phone = window.matchMedia && window.matchMedia(${JSON.stringify(PHONE_QUERY)}).matches;
  var files = route ? route.files.concat(phone ? [] : wide) : here.indexOf('/login') === 0 ? signInPage : [];
  files.forEach(function (file) {
    if (document.querySelector('link[href="/' + file + '"]')) return;
    var link = document.createElement('link');
    // A stylesheet only preloaded: the app links it (and waits for it) when it imports the page.
    if (/\\.css$/.test(file)) {
      link.rel = 'preload';
      link.as = 'style';
    } else link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = '/' + file;
    document.head.appendChild(link);
  });
  // Signed in (the CSRF cookie comes with the session, which scripts cannot read), and the app has not
  // started asking for itself (main.tsx sets the store when it starts).
  if (window.__dubanFirstLoad || here.indexOf('/login') === 0 || !/(^|;\\s*)(__Host-)?duban_csrf=/.test(document.cookie)) return;
  var queries = signedIn.concat(route && !location.search ? route.queries : []);
  var held = (window.__dubanFirstLoad = {});
  queries.forEach(function (q) {
    held[q.key] = {
      at: Date.now(),
      result: fetch('/graphql', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: q.body,
      })
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; }),
    };
  });
})();
`;
}
