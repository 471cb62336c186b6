import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { barrelBypasses, featureCycles, featureImports, fileImports } from './module-graph.mjs';

const API = 'apps/api/src/modules';
const WEB = 'apps/web/src/modules';

describe('feature modules of the repository', () => {
  it('the API features import each other without a cycle', () => {
    const { features, imports } = featureImports(API);
    expect(featureCycles(features, imports)).toEqual([]);
  });

  it('the web features import each other without a cycle', () => {
    const { features, imports } = featureImports(WEB);
    expect(featureCycles(features, imports)).toEqual([]);
  });

  it('the web app’s files import each other without a cycle (routes, pages and modules alike)', () => {
    const { files, imports } = fileImports('apps/web/src', ['generated']);
    expect(featureCycles(files, imports)).toEqual([]);
  });

  it('every API feature says in its index.ts what the others may use', () => {
    const withoutBarrel = readdirSync(API, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !readdirSync(path.join(API, d.name)).includes('index.ts'))
      .map((d) => d.name);
    expect(withoutBarrel).toEqual([]);
  });

  it('API features reach each other only through that index.ts', () => {
    const { imports } = featureImports(API);
    expect(barrelBypasses(API, imports)).toEqual([]);
  });
});

describe('module-graph on a small tree', () => {
  let root: string;
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'module-graph-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds a cycle through three features, including re-exports and wrapped import lists', () => {
    write('a/index.ts', `export { B } from '../b/index.js';\n`);
    write('b/b.service.ts', `import {\n  C,\n  type D,\n} from '../c/c.js';\n`);
    write('b/index.ts', `export const B = 1;\n`);
    write('c/c.ts', `import '../a/index.js';\nexport const C = 1;\n`);
    write('d/d.ts', `import { C } from '../c/c.js';\n`);
    const { features, imports } = featureImports(root);
    expect(featureCycles(features, imports)).toEqual(['a ↔ b ↔ c']);
  });

  it('leaves out tests and imports within a feature or from outside the modules', () => {
    write('a/a.ts', `import { x } from './x.js';\nimport { y } from '../../common/y.js';\nimport { z } from 'z';\n`);
    write('a/__tests__/a.spec.ts', `import { B } from '../../b/b.js';\n`);
    write('a/a.integration-spec.ts', `import { B } from '../b/b.js';\n`);
    write('b/b.ts', `import { A } from '../a/a.js';\n`);
    const { features, imports } = featureImports(root);
    expect(imports).toEqual([{ from: 'b', to: 'a', file: path.join('b', 'b.ts'), target: 'a.js' }]);
    expect(featureCycles(features, imports)).toEqual([]);
  });

  it('names imports that go past a feature’s index.ts, and lets features without one be reached directly', () => {
    write('a/index.ts', `export { A } from './a.js';\n`);
    write('a/a.ts', `export const A = 1;\n`);
    write(
      'b/b.ts',
      `import { A } from '../a/index.js';\nimport { A as A2 } from '../a/a.js';\nimport { C } from '../c/c.js';\n`,
    );
    write('c/c.ts', `export const C = 1;\n`);
    const { imports } = featureImports(root);
    expect(barrelBypasses(root, imports)).toEqual([`${path.join('b', 'b.ts')} → a/a.js`]);
  });

  it('finds a cycle between single files through index and extension-less imports, leaving lazy imports out', () => {
    write(
      'app/routes.tsx',
      `import { Login } from '../pages/login';\nconst Home = lazy(() => import('../pages/home.js'));\n`,
    );
    write('pages/login/index.tsx', `import { prefetch } from '../../app/routes.js';\n`);
    write('pages/home.tsx', `import '../app/routes';\n`);
    write('generated/g.ts', `import '../app/routes';\n`);
    const { files, imports } = fileImports(root, ['generated']);
    expect(files.sort()).toEqual([
      path.join('app', 'routes.tsx'),
      path.join('pages', 'home.tsx'),
      path.join('pages', 'login', 'index.tsx'),
    ]);
    expect(featureCycles(files, imports)).toEqual([
      `${path.join('app', 'routes.tsx')} ↔ ${path.join('pages', 'login', 'index.tsx')}`,
    ]);
  });
});
