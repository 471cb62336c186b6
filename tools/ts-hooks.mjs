// Node module hooks that let scripts run the TypeScript sources directly (no build step):
// `.ts` files are transpiled by SWC with decorator metadata (NestJS and TypeORM need it; esbuild-based
// runners do not emit it), `./x.js` imports resolve to `./x.ts`, and `@duban/<lib>` resolves to the
// library's source instead of its build output.
//
// Every process that runs the sources (each CLI command, the API a fault or start-up test starts, the
// parser's isolation workers under jest) would otherwise transpile the same files again: a test run
// starts such processes a hundred times. The output is kept under node_modules/.cache/ts-hooks, keyed by
// the file's name and source, SWC's version and its options (lib/swc-options.mjs), so a changed file or
// a new SWC misses and nothing stale is used.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { SWC_OPTIONS } from './lib/swc-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const libs = new Set(['plan-parser', 'domain']);

export async function resolve(specifier, context, next) {
  const lib = /^@duban\/([\w-]+)$/.exec(specifier);
  if (lib && libs.has(lib[1])) {
    return { url: pathToFileURL(path.join(root, 'libs', lib[1], 'src', 'index.ts')).href, shortCircuit: true };
  }
  if (
    specifier.endsWith('.js') &&
    context.parentURL?.endsWith('.ts') &&
    (specifier.startsWith('.') || specifier.startsWith('/'))
  ) {
    const candidate = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (existsSync(fileURLToPath(candidate))) return { url: candidate.href, shortCircuit: true };
  }
  return next(specifier, context);
}

const cacheDir = process.env.TS_HOOKS_CACHE_DIR || path.join(root, 'node_modules', '.cache', 'ts-hooks');
const swcVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', '@swc', 'core', 'package.json'), 'utf8'),
).version;
const optionsKey = `${swcVersion}\0${JSON.stringify(SWC_OPTIONS)}`;
/** SWC's native binding costs ~0.8 s of CPU to load (most of it the kernel mapping it): only a process that misses the cache loads it. */
let swc;

async function transpile(filename, source) {
  const key = createHash('sha256').update(optionsKey).update('\0').update(filename).update('\0').update(source);
  const cached = path.join(cacheDir, `${key.digest('hex')}.js`);
  try {
    return await readFile(cached, 'utf8');
  } catch {
    // Not transpiled yet.
  }
  swc ??= await import('@swc/core');
  const { code } = await swc.transform(source, { filename, ...SWC_OPTIONS });
  // Written under a name of its own, then renamed: processes starting side by side never read half a file.
  // A cache that cannot be written (a read-only install) only costs the next process the transpiling.
  const partial = `${cached}.${process.pid}.tmp`;
  await mkdir(cacheDir, { recursive: true })
    .then(() => writeFile(partial, code))
    .then(() => rename(partial, cached))
    .catch(() => undefined);
  return code;
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts') || url.includes('/node_modules/')) return next(url, context);
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  return { format: 'module', source: await transpile(filename, source), shortCircuit: true };
}
