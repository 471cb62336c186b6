import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the web app, generated from the committed API schema (no running server needed).
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.{ts,tsx}', '!apps/web/src/generated/**'],
  ignoreNoDocuments: true,
  generates: {
    'apps/web/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', CountList: 'number[]' },
      },
    },
  },
};

export default config;
