// The cluster harness's own test (`npm run test:cluster:leftovers`): not part of `npm test`, since it
// needs the packages the harness installs and starts real clusters.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import config from '../../jest.config.mjs';

const api = config.projects.find((project) => project.displayName === 'api');

export default {
  ...api,
  displayName: 'cluster',
  rootDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'),
  testMatch: ['<rootDir>/tools/cluster/**/*.cluster-spec.ts'],
  testTimeout: 600_000,
};
