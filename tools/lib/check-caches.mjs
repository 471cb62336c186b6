// What `npm test`'s static checks remember between runs, so a second run on a tree where a few files
// changed re-checks those files (and, for types, what depends on them) instead of the whole repository.
// Each cache is the tool's own mechanism, keyed so that it can never hide a finding:
//   - tsc: incremental build info; TypeScript re-checks every file whose own text or whose dependencies'
//     types changed, and everything when the options or the compiler change.
//   - eslint: per-file results by content and configuration; the module-boundary rule also reads the
//     Nx project graph (projects, tags, files), so the cache is keyed by that graph too.
//   - prettier: per-file results by content, options and Prettier's version.
// They live under node_modules/.cache, so `npm ci` (and CI's fresh clone) starts without them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export function checkCaches(root = process.cwd()) {
  const dir = path.join(root, 'node_modules', '.cache', 'duban-checks');
  mkdirSync(dir, { recursive: true });
  return {
    tsc: (name) => ['--incremental', '--tsBuildInfoFile', path.join(dir, `tsc-${name}.tsbuildinfo`)],
    eslint() {
      const key = projectGraphKey(root);
      // Without a graph to key on, lint everything: a stale boundary result is worse than a slow lint.
      if (!key) return [];
      const file = `eslint-${key}`;
      // A cache of another graph can never be read again.
      for (const old of readdirSync(dir).filter((f) => f.startsWith('eslint-') && f !== file))
        rmSync(path.join(dir, old), { force: true });
      return ['--cache', '--cache-strategy', 'content', '--cache-location', path.join(dir, file)];
    },
    prettier: () => ['--cache', '--cache-strategy', 'content', '--cache-location', path.join(dir, 'prettier')],
  };
}

/**
 * A hash of what @nx/enforce-module-boundaries reads besides the file it lints: the projects with their
 * tags and dependencies, and which file belongs to which project (names only: a file's own text is
 * eslint's per-file key). Null when Nx has not written its graph (`nx show projects` does).
 */
export function projectGraphKey(root) {
  const data = process.env.NX_WORKSPACE_DATA_DIRECTORY ?? path.join(root, '.nx', 'workspace-data');
  const graphFile = path.join(data, 'project-graph.json');
  const fileMapFile = path.join(data, 'file-map.json');
  if (!existsSync(graphFile) || !existsSync(fileMapFile)) return null;
  try {
    const graph = JSON.parse(readFileSync(graphFile, 'utf8'));
    const { fileMap } = JSON.parse(readFileSync(fileMapFile, 'utf8'));
    const files = Object.fromEntries(
      Object.entries(fileMap.projectFileMap).map(([project, entries]) => [project, entries.map((e) => e.file)]),
    );
    const hash = createHash('sha256');
    hash.update(JSON.stringify([graph.nodes, graph.dependencies, files, fileMap.nonProjectFiles?.map((e) => e.file)]));
    return hash.digest('hex').slice(0, 16);
  } catch {
    return null;
  }
}
