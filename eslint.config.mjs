import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const boundaries = (allow) => [
  'error',
  {
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      {
        sourceTag: 'type:lib',
        onlyDependOnLibsWithTags: ['type:lib'],
        bannedExternalImports: ['@nestjs/*', 'typeorm', 'react', 'react-dom', 'antd', '@apollo/*', 'pg'],
      },
      { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared', 'scope:web'] },
      { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api'] },
      { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:shared', 'scope:api', 'scope:cli'] },
    ],
  },
];

export default [
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'apps/web/src/generated/**',
      '.data/**',
      '.test-data/**',
      'tmp/**',
      'test-artifacts/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx, '@typescript-eslint': tseslint.plugin },
    rules: {
      // Libraries stay pure: they may depend only on other libraries, never on an app, Nest, TypeORM or React.
      '@nx/enforce-module-boundaries': boundaries([]),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // The command line administers the API's database with the API's own code (scope:cli may use scope:api).
    files: ['apps/cli/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['../../../api/src/**', '../../../api/test/**']) },
  },
  {
    // Browser tests find Chromium the way `npm test` provides it (tools/lib/browser-setup.mjs), and stand up
    // the 钉钉/企业微信 servers the API tests use (tools/lib/platform-servers.ts).
    files: ['apps/web/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['../../../tools/lib/*', '../../../../tools/lib/*']) },
  },
  {
    files: ['apps/api/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(['../../../tools/lib/*']) },
  },
];
