import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCaches, projectGraphKey } from './check-caches.mjs';

describe('the static checks’ caches', () => {
  let root: string;
  const data = () => path.join(root, '.nx', 'workspace-data');
  const project = (tags: string[]) => ({ name: 'api', type: 'app', data: { root: 'apps/api', tags } });
  function writeGraph({
    tags = ['scope:api'],
    files = [{ file: 'apps/api/src/main.ts', hash: '1' }],
    computedAt = 1,
  }: { tags?: string[]; files?: { file: string; hash: string }[]; computedAt?: number } = {}) {
    mkdirSync(data(), { recursive: true });
    writeFileSync(
      path.join(data(), 'project-graph.json'),
      JSON.stringify({ nodes: { api: project(tags) }, dependencies: { api: [] }, computedAt }),
    );
    writeFileSync(
      path.join(data(), 'file-map.json'),
      JSON.stringify({ fileMap: { projectFileMap: { api: files }, nonProjectFiles: [] } }),
    );
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'check-caches-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keys the lint cache by the project graph: tags and which files a project has, not their text', () => {
    writeGraph();
    const key = projectGraphKey(root);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    // A file's own text is eslint's per-file key; when Nx recomputed the graph does not matter.
    writeGraph({ files: [{ file: 'apps/api/src/main.ts', hash: '2' }], computedAt: 2 });
    expect(projectGraphKey(root)).toBe(key);
    // A changed tag or a new file may change another file's boundary finding.
    writeGraph({ tags: ['scope:web'] });
    expect(projectGraphKey(root)).not.toBe(key);
    writeGraph({
      files: [
        { file: 'apps/api/src/main.ts', hash: '1' },
        { file: 'apps/api/src/other.ts', hash: '1' },
      ],
    });
    expect(projectGraphKey(root)).not.toBe(key);
  });

  it('lints without a cache when Nx has written no graph', () => {
    expect(projectGraphKey(root)).toBeNull();
    expect(checkCaches(root).eslint()).toEqual([]);
  });

  it('keeps only the lint cache of the current graph', () => {
    writeGraph();
    const first = checkCaches(root).eslint();
    const cacheDir = path.join(root, 'node_modules', '.cache', 'duban-checks');
    const firstFile = first[first.indexOf('--cache-location') + 1]!;
    writeFileSync(firstFile, '{}');
    writeGraph({ tags: ['scope:web'] });
    const second = checkCaches(root).eslint();
    const secondFile = second[second.indexOf('--cache-location') + 1]!;
    expect(secondFile).not.toBe(firstFile);
    expect(existsSync(firstFile)).toBe(false);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('eslint-'))).toEqual([]);
    expect(second).toEqual(expect.arrayContaining(['--cache', '--cache-strategy', 'content']));
  });

  it('gives each type-check its own build info under node_modules, which npm ci starts afresh', () => {
    const caches = checkCaches(root);
    const api = caches.tsc('api');
    const web = caches.tsc('web');
    expect(api[0]).toBe('--incremental');
    expect(api[2]).not.toBe(web[2]);
    expect(api[2]!.startsWith(path.join(root, 'node_modules', '.cache'))).toBe(true);
  });
});
