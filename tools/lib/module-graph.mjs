// The import graph between feature modules (apps/api/src/modules/<feature>, apps/web/src/modules/<feature>),
// read from the source text: which feature imports which, through which file. Tests are left out (they may
// reach inside what they test). Used by tools/lib/module-graph.spec.ts to keep the features free of cycles,
// the web's files too, and the API's features behind their `index.ts`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(ts|tsx)$/;
const TEST_FILE = /\.(spec|integration-spec|e2e-spec|test)\.tsx?$/;
const TEST_DIR = /^(__tests__|e2e)$/;
// `import … from '…'`, `export … from '…'` and `import '…'`, across lines (named lists wrap).
const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;

const isDir = (p) => statSync(p).isDirectory();

function sourceFiles(dir) {
  const found = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (isDir(p)) {
      if (!TEST_DIR.test(entry)) found.push(...sourceFiles(p));
    } else if (SOURCE.test(entry) && !TEST_FILE.test(entry)) {
      found.push(p);
    }
  }
  return found;
}

/**
 * Every relative import from one feature into another under `root`: `{ from, to, file, target }` where
 * `target` is the imported path relative to the target feature's folder (e.g. `dto/task.model.js`).
 */
export function featureImports(root) {
  const features = readdirSync(root).filter((f) => isDir(path.join(root, f)));
  const imports = [];
  for (const from of features) {
    for (const file of sourceFiles(path.join(root, from))) {
      for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (!spec.startsWith('.')) continue;
        const relative = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep);
        const to = relative[0];
        if (to === from || !features.includes(to)) continue;
        imports.push({ from, to, file: path.relative(root, file), target: relative.slice(1).join('/') });
      }
    }
  }
  return { features, imports };
}

/** Groups of features that import each other, directly or round about (Tarjan's strongly connected components). */
export function featureCycles(features, imports) {
  const edges = new Map(features.map((f) => [f, new Set()]));
  for (const { from, to } of imports) edges.get(from).add(to);
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (v) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const f of [...features].sort()) if (!index.has(f)) visit(f);
  return cycles.map((c) => c.join(' ↔ ')).sort();
}

/** Imports into a feature that go past its `index.ts` (features without one are reached directly). */
export function barrelBypasses(root, imports) {
  const hasBarrel = (feature) => readdirSync(path.join(root, feature)).includes('index.ts');
  return imports
    .filter(({ to, target }) => hasBarrel(to) && target !== 'index.js' && target !== 'index')
    .map((i) => `${i.file} → ${i.to}/${i.target}`);
}

const resolveSource = (file) =>
  [file, `${file}.ts`, `${file}.tsx`, path.join(file, 'index.ts'), path.join(file, 'index.tsx')].find((p) => {
    try {
      return !isDir(p);
    } catch {
      return false;
    }
  });

/**
 * Static imports between the source files under `root` (tests and the folders in `skip` left out), as
 * `{ from, to }` file paths relative to `root`: for cycles among files that sit outside feature folders
 * (a page and the route table, say). Lazy `import()`s are not edges: they load after both modules ran.
 */
export function fileImports(root, skip = []) {
  const base = path.resolve(root);
  const relative = (file) => path.relative(base, file);
  const files = sourceFiles(base).filter((f) => !skip.some((s) => relative(f).startsWith(s + path.sep)));
  const imports = [];
  for (const file of files) {
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (!spec.startsWith('.')) continue;
      const target = resolveSource(path.resolve(path.dirname(file), spec.replace(/\.js$/, '')));
      if (target && files.includes(target)) imports.push({ from: relative(file), to: relative(target) });
    }
  }
  return { files: files.map(relative), imports };
}
