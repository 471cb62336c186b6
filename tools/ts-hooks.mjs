// Node module hooks that let scripts run the TypeScript sources directly (no build step):
// `.ts` files are transpiled by SWC with decorator metadata (NestJS and TypeORM need it; esbuild-based
// runners do not emit it), `./x.js` imports resolve to `./x.ts`, and `@duban/<lib>` resolves to the
// library's source instead of its build output.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { transform } from '@swc/core';

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

export async function load(url, context, next) {
  if (!url.endsWith('.ts') || url.includes('/node_modules/')) return next(url, context);
  const filename = fileURLToPath(url);
  const source = await readFile(filename, 'utf8');
  const { code } = await transform(source, {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      experimental: { keepImportAttributes: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
    module: { type: 'es6' },
  });
  return { format: 'module', source: code, shortCircuit: true };
}
