// The browser project's settings, for the one deliberately failing file beside this config.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../../../../../jest.config.mjs';

const browser = config.projects.find((project) => project.displayName === 'browser');

export default {
  ...browser,
  rootDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..'),
  testMatch: ['<rootDir>/apps/web/e2e/support/failing-suite/*.e2e-fixture.ts'],
  testTimeout: 120000,
};
