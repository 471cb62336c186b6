import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = new URL('../../../', import.meta.url).pathname;

/**
 * The web's operation and the fragments it spreads, as written in its graphql/ files (paths below
 * apps/web/src/modules): what the browser sends, for tests that judge or run exactly that.
 */
export function webDocument(...files: string[]): string {
  return files
    .map((file) => readFileSync(path.join(root, 'apps/web/src/modules', file), 'utf8'))
    .flatMap((source) => [...source.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]))
    .join('\n');
}
