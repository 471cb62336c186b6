import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { graphqlDocumentsPlugin } from './build/graphql-documents-plugin.ts';
import { firstLoadPlugin } from './build/first-load-plugin.ts';
import { precompressPlugin } from './build/precompress-plugin.ts';
import { antdStylesPlugin } from './build/antd-styles-plugin.ts';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));
const iconsEsm = fileURLToPath(new URL('../../node_modules/@ant-design/icons/es/index.js', import.meta.url));
const COMPONENT_TESTS = ['src/**/*.spec.tsx', 'src/**/*.spec.ts'];
const LOCATION_STUBS = ['src/pages/login/login-page.spec.tsx'];
/** The packages component tests import through Vite's pre-bundling (see the components project). */
const PREBUNDLED = ['@ant-design/icons', '@apollo/client', 'react', 'react-dom', 'react-router', 'dayjs'];
const generated = fileURLToPath(new URL('./src/generated/graphql.ts', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [graphqlDocumentsPlugin(generated), antdStylesPlugin(), react(), firstLoadPlugin(), precompressPlugin()],
  resolve: { alias: { '@duban/domain': lib('domain') } },
  build: { outDir: '../../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: {
    port: 5173,
    proxy: Object.fromEntries(
      ['/graphql', '/files', '/exports', '/imports', '/units/', '/accounts/'].map((path) => [
        path,
        'http://localhost:3000',
      ]),
    ),
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test-setup.ts'],
    css: false,
    globals: true,
    // Form-heavy tests type character by character; on a shared 2-core machine 5 s is not enough.
    testTimeout: 20000,
    // Vitest's default is one worker fewer than the cores: one on a two-core machine, which left a
    // core idle for the whole web run (npm test runs it after jest, alone).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'components',
          include: COMPONENT_TESTS,
          exclude: LOCATION_STUBS,
          // Each file in a fresh VM context of a long-lived worker thread, instead of a process of its
          // own that started Node and jsdom and loaded antd again for every file (half the run's CPU).
          pool: 'vmThreads',
          // Each VM context imports the app's packages afresh: as Vite's pre-bundled files (made once into
          // node_modules/.vite) rather than @ant-design/icons' thousands of modules transformed per file and
          // Apollo's and React's many (issue 16: the whole run 220 → 202 s of CPU, 122 → 110 s, import 96 →
          // 56 s summed, from an empty cache, load 3). antd itself stays out: pre-bundled, its Upload lost
          // the files userEvent.upload gave it (report-form.spec failed), so tests would no longer run the
          // antd the browser gets.
          deps: { optimizer: { client: { enabled: true, include: PREBUNDLED } } },
          // Not done: pool 'threads' with isolate: false (the files of a worker sharing antd, React and
          // Apollo, imported once): tried with the vi.mock files kept apart, tests failed or timed out in
          // 11 files before the run was stopped, as state left by one file reached the next.
          // In a VM context these load through Vite: @ant-design/icons' Node entry wraps its CommonJS
          // build, which requires @ant-design/colors' ES modules (only Node itself can do that).
          server: { deps: { inline: [/node_modules\/@ant-design\/(icons|colors)\//] } },
          alias: [{ find: /^@ant-design\/icons$/, replacement: iconsEsm }],
        },
      },
      {
        extends: true,
        // A VM context's window.location cannot be replaced: files that stub it run in a process each.
        test: { name: 'location-stubs', include: LOCATION_STUBS, pool: 'forks' },
      },
    ],
  },
});
