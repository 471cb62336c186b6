import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The suite starts the CLI dozens of times, and operators run it on the server: its start should load
// only what its commands use. GraphQL (with rxjs) and Nest cost ~0.35 s CPU a start and none of the
// commands needs them; they came in through an error class or a service module a command imported for
// one pure rule. `--help` imports every command (main.ts imports them all), so it covers them all.
const API_ONLY = /\/node_modules\/(graphql|rxjs|typeorm|@nestjs\/[^/]+|@apollo\/[^/]+)\//;

const scratch = mkdtempSync(path.join(tmpdir(), 'duban-cli-start-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('cli start', () => {
  it('loads no GraphQL, rxjs, TypeORM or Nest package', () => {
    const log = path.join(scratch, 'loads.txt');
    const r = spawnSync(process.execPath, ['--import', './apps/cli/test/record-loads.mjs', 'tools/cli.mjs', '--help'], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, LOAD_LOG: log },
    });
    expect(r.status).toBe(0);
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    // The recorder works: pg is what every database command uses.
    expect(loaded.some((url) => url.includes('/node_modules/pg/'))).toBe(true);
    expect(loaded.filter((url) => API_ONLY.test(url))).toEqual([]);
  });
});
