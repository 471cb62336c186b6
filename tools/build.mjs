// `npm run build`: the API (tsc, with the libs it references) into dist/api and the web app into dist/web.
// `--if-stale` skips a part whose sources are older than its output (used by npm start); `--api-only`
// builds the API alone (the cluster harness serves no web app).
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { bin, newestMtime, runOrExit } from './lib/run.mjs';

const ifStale = process.argv.includes('--if-stale');
const apiOnly = process.argv.includes('--api-only');

// tsc -b is incremental by itself.
await runOrExit(bin('tsc'), ['-b', 'apps/api/tsconfig.app.json']);
// Data files the API reads next to its code (the demo plan document).
for (const file of readdirSync('apps/api/src/demo').filter((f) => f.endsWith('.txt'))) {
  mkdirSync('dist/api/demo', { recursive: true });
  copyFileSync(`apps/api/src/demo/${file}`, `dist/api/demo/${file}`);
}

const webIndex = 'dist/web/index.html';
const webStale =
  !existsSync(webIndex) ||
  newestMtime([
    'apps/web/src',
    'apps/web/index.html',
    'apps/web/vite.config.ts',
    'apps/web/build',
    'apps/web/tsconfig.json',
    'apps/web/public',
    'libs/domain/src',
    'libs/domain/package.json',
    'package-lock.json',
  ]) > statSync(webIndex).mtimeMs;
if (!apiOnly && (!ifStale || webStale)) {
  await runOrExit(bin('vite'), ['build', '--config', 'apps/web/vite.config.ts', '--logLevel', 'warn']);
}
