// How the TypeScript sources are transpiled wherever they run without a build: jest (@swc/jest) and the
// processes started from the sources (tools/ts-hooks.mjs). NestJS and TypeORM need the decorators'
// metadata (esbuild-based runners do not emit it); the domain lib imports chinese-days' JSON with
// `with { type: 'json' }`, so the attribute is kept.
export const SWC_OPTIONS = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    target: 'es2022',
    experimental: { keepImportAttributes: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};
