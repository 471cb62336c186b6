import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { graphqlDocumentsPlugin } from './build/graphql-documents-plugin.ts';
import { firstLoadPlugin } from './build/first-load-plugin.ts';
import { precompressPlugin } from './build/precompress-plugin.ts';
import { antdStylesPlugin } from './build/antd-styles-plugin.ts';

const lib = (name: string) => fileURLToPath(new URL(`../../libs/${name}/src/index.ts`, import.meta.url));
const COMPONENT_TESTS = ['src/**/*.spec.tsx', 'src/**/*.spec.ts'];
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
    include: COMPONENT_TESTS,
    // The files of a worker thread run one after another in one window, sharing the packages Node
    // imported: antd, React, Apollo, react-router, dayjs, icons load once per worker instead of once per
    // file (each file in a fresh VM context, pool vmThreads, imported them all again: ~5 s of CPU a file).
    // Node loads them as the VM contexts did (antd's own build, not a bundle of it). Everything else a
    // file could leave behind is reset before the next one in src/test-setup.ts: the app's own modules
    // and vi.mock's mocks, the document, the address, storage, cookies, timers, stubbed globals (issue 16:
    // the whole run 158, 151, 141 → 83, 88, 70 s of CPU from an empty cache, alternating, load 7–16).
    pool: 'threads',
    isolate: false,
  },
});
